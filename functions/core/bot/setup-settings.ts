import type { Messenger } from '../messenger/messengers';
import { BotSetupError } from './setup-errors';

/** What `npm run bot:setup` needs, checked. */
export interface BotSetupSettings {
  botToken: string;
  /** The shop's public address, normalized by URL (`https://shop.example/`). */
  publicUrl: string;
  webhookSecret: string;
  shopName: string;
  /** Where the bot lives: Bale gets the webhook's secret in its URL too (core/messenger/messengers.ts). */
  messenger: Messenger;
}

/** The environment as loadConfig (functions/config.ts) parsed it: formats are already checked there. */
export interface BotSetupEnv {
  BOT_TOKEN?: string;
  PUBLIC_URL?: string;
  WEBHOOK_SECRET?: string;
  SHOP_NAME: string;
  MESSENGER?: Messenger;
}

// Telegram delivers webhooks only to these ports: core.telegram.org/bots/api#setwebhook
const WEBHOOK_PORTS = new Set(['', '443', '80', '88', '8443']);

/**
 * Checks that the settings can work before anything is sent to Telegram, and lists every problem at once
 * (a BotSetupError SETTINGS_INVALID), each with what to do about it.
 */
export function readBotSetupSettings(env: BotSetupEnv): BotSetupSettings {
  const problems: string[] = [];
  if (!env.BOT_TOKEN) {
    problems.push('BOT_TOKEN: required: the token @BotFather gave you when you created the bot (/mybots → your bot → API Token)');
  }
  if (!env.WEBHOOK_SECRET) {
    problems.push(
      'WEBHOOK_SECRET: required: a random secret Telegram sends with every update so the shop knows it is Telegram; ' +
        'make one with `openssl rand -hex 32` and give the same value to the server',
    );
  }
  const publicUrl = env.PUBLIC_URL ? checkPublicUrl(env.PUBLIC_URL, problems) : undefined;
  if (!env.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required: the https address where customers reach the shop, e.g. https://shop.example');
  }
  if (problems.length > 0 || !env.BOT_TOKEN || !env.WEBHOOK_SECRET || !publicUrl) {
    throw new BotSetupError('SETTINGS_INVALID', `bot:setup cannot run; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`, problems);
  }
  return { botToken: env.BOT_TOKEN, publicUrl, webhookSecret: env.WEBHOOK_SECRET, shopName: env.SHOP_NAME, messenger: env.MESSENGER ?? 'telegram' };
}

function checkPublicUrl(value: string, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`PUBLIC_URL: "${value}" is not an address; write it in full, e.g. https://shop.example`);
    return undefined;
  }
  const before = problems.length;
  if (url.protocol !== 'https:') {
    problems.push(`PUBLIC_URL: must start with https:// (it is ${url.protocol}//…): Telegram calls webhooks and opens Mini Apps only over https`);
  }
  if (isPrivateHost(url.hostname)) {
    problems.push(
      `PUBLIC_URL: ${url.hostname} cannot be reached from the internet, and Telegram must reach it: ` +
        'use the shop’s public address (a hosted deploy, or a tunnel such as cloudflared or ngrok while trying it out)',
    );
  }
  if (!WEBHOOK_PORTS.has(url.port)) {
    problems.push(`PUBLIC_URL: port ${url.port} is not one Telegram delivers webhooks to (443, 80, 88 or 8443)`);
  }
  if (url.search || url.hash) {
    problems.push('PUBLIC_URL: must be the shop’s address alone, without ?… or #…');
  }
  return problems.length === before ? url.href : undefined;
}

function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || host.startsWith('fe80:')) return true;
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!ipv4) return false;
  const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
  return a === 127 || a === 10 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

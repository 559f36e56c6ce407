import { randomBytes, randomInt } from 'node:crypto';
import type { CryptoPort } from '../../core/crypto-port';
import { signInitData } from '../../core/init-data/sign-init-data';

/** The demo customer every dev-mode page signs in as. */
export const DEV_USER = { id: 1_000_000_001, first_name: 'Dev', last_name: 'Customer', username: 'bazaar_dev', language_code: 'en' };

/**
 * A random bot token in Telegram's shape, made at each start when no BOT_TOKEN is configured. Nothing
 * outside this process knows it, so dev-mode initData cannot be replayed against a real deployment.
 */
export function makeDevBotToken(): string {
  return `${randomInt(100_000_000, 999_999_999)}:${randomBytes(26).toString('base64url')}`;
}

/** Signs initData for the demo customer right now, with the dev token: the real verification path runs. */
export function signDevInitData(botToken: string, crypto: CryptoPort, now: Date): Promise<string> {
  return signInitData({
    fields: {
      query_id: `DEV${now.getTime().toString(36)}`,
      user: JSON.stringify(DEV_USER),
      auth_date: String(Math.floor(now.getTime() / 1000)),
    },
    botToken,
    crypto,
  });
}

/** Puts the dev initData into the served page, where the Mini App looks for it (docs/api.md). */
export function injectDevInitData(html: string, initData: string): string {
  // `<` is escaped so no value can close the script element early.
  const payload = JSON.stringify({ initData }).replace(/</g, '\\u003c');
  return html.replace('</head>', `<script>window.__BAZAAR_DEV__ = ${payload};</script>\n</head>`);
}

import type { Page } from 'playwright-core';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';

// What Telegram's Android client sends as tgWebAppThemeParams (core.telegram.org/bots/webapps#themeparams).
export const LIGHT_THEME = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#999999',
  link_color: '#2481cc',
  button_color: '#2481cc',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f0f0f0',
} as const;

export const DARK_THEME = {
  bg_color: '#17212b',
  text_color: '#f5f5f5',
  hint_color: '#708499',
  link_color: '#6ab3f3',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#232e3c',
} as const;

export type ThemeParams = Readonly<Record<string, string>>;

export interface TelegramUser {
  id: number;
  first_name: string;
  language_code?: string;
}

/** Signs initData like Telegram does for our bot, with the repo's own signer (the server verifies it). */
export function signTestInitData(options: {
  botToken: string;
  user: TelegramUser;
  /** Unix seconds; now by default. */
  authDate?: number;
  startParam?: string;
}): Promise<string> {
  const authDate = options.authDate ?? Math.floor(Date.now() / 1000);
  return signInitData({
    fields: {
      user: JSON.stringify(options.user),
      auth_date: String(authDate),
      query_id: 'AAE2E',
      ...(options.startParam !== undefined && { start_param: options.startParam }),
    },
    botToken: options.botToken,
    crypto: nodeCrypto,
  });
}

/**
 * The URL Telegram opens a Mini App at: the launch parameters in the hash, which telegram-web-app.js
 * (inside @twa-dev/sdk) reads on load.
 */
export function telegramLaunchUrl(baseUrl: string, options: { initData: string; theme: ThemeParams; platform?: string; startParam?: string }): string {
  const params = [
    `tgWebAppData=${encodeURIComponent(options.initData)}`,
    'tgWebAppVersion=8.0',
    `tgWebAppPlatform=${options.platform ?? 'android'}`,
    `tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(options.theme))}`,
  ];
  if (options.startParam !== undefined) params.push(`tgWebAppStartParam=${encodeURIComponent(options.startParam)}`);
  return `${baseUrl}/#${params.join('&')}`;
}

/**
 * Runs before any page script: the native bridge of Telegram's mobile clients. telegram-web-app.js sends
 * every call (`web_app_ready`, `web_app_setup_main_button`, …) to `TelegramWebviewProxy.postEvent(name,
 * jsonString)`; we record them instead of a native client.
 */
export async function installTelegramBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tgEvents?: { name: string; data: string }[]; TelegramWebviewProxy?: unknown };
    w.__tgEvents = [];
    w.TelegramWebviewProxy = {
      postEvent(name: string, data: string) {
        (w.__tgEvents ??= []).push({ name, data });
      },
    };
  });
}

export interface TelegramEvent {
  name: string;
  /** The event's params, parsed from the JSON string the SDK sends ('' when it sends none). */
  params: Record<string, unknown> | null;
}

/** Every event the page posted to Telegram so far, in order. */
export async function readTelegramEvents(page: Page): Promise<TelegramEvent[]> {
  const raw = await page.evaluate(() => (window as unknown as { __tgEvents?: { name: string; data: string }[] }).__tgEvents ?? []);
  return raw.map(({ name, data }) => ({ name, params: parseParams(data) }));
}

function parseParams(data: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The MainButton as Telegram would draw it now: the params of the last `web_app_setup_main_button`. */
export async function readMainButton(page: Page): Promise<Record<string, unknown> | null> {
  const setups = (await readTelegramEvents(page)).filter((e) => e.name === 'web_app_setup_main_button');
  return setups.at(-1)?.params ?? null;
}

/** The BackButton's visibility as Telegram would show it now. */
export async function readBackButtonVisible(page: Page): Promise<boolean> {
  const setups = (await readTelegramEvents(page)).filter((e) => e.name === 'web_app_setup_back_button');
  return setups.at(-1)?.params?.is_visible === true;
}

/**
 * A tap on Telegram's native MainButton: the client sends this event into the page. A person can tap only
 * a button Telegram shows and has enabled, so the tap waits for the page's latest setup to say so: a screen
 * sets its button in an effect after it renders (after the paint, with Preact), and a tap in between would
 * land on no handler at all.
 */
export async function pressMainButton(page: Page): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const button = await readMainButton(page);
    if (button?.is_visible === true && button.is_active === true) break;
    if (Date.now() > deadline) throw new Error(`the MainButton is not there to tap: ${JSON.stringify(button)}`);
    await page.waitForTimeout(50);
  }
  await receiveEvent(page, 'main_button_pressed');
}

/** A tap on Telegram's native BackButton. */
export function pressBackButton(page: Page): Promise<void> {
  return receiveEvent(page, 'back_button_pressed');
}

function receiveEvent(page: Page, name: string): Promise<void> {
  return page.evaluate((eventName) => {
    const webView = (window as unknown as { Telegram?: { WebView?: { receiveEvent(n: string, d?: unknown): void } } }).Telegram?.WebView;
    if (!webView) throw new Error('window.Telegram.WebView is missing: telegram-web-app.js did not load');
    webView.receiveEvent(eventName);
  }, name);
}

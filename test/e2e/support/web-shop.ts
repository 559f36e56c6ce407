// The storefront as a plain website: Telegram's Login Widget stood in for (the suite runs offline), widget
// data signed for the test bot as Telegram signs it, and the shop's session read back from the test.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { signLoginWidgetData } from '../../../functions/core/auth/sign-login-widget';
import { E2E_BOT_TOKEN } from './server';

export const TELEGRAM_WIDGET_URL = 'https://telegram.org/js/telegram-widget.js?22';

/**
 * Telegram's widget script, as far as the page can tell: it puts a "Log in with Telegram" button where the
 * script tag is (Telegram's is an iframe) and, on a press, runs the tag's `data-onauth` code with `user`
 * bound to what Telegram would hand over (here: `window.__e2eTelegramUser`, set by the test). It also
 * records the tag's attributes, for the test to check what the page asked Telegram for.
 */
const WIDGET_STUB = `(function () {
  var tag = document.currentScript;
  var attributes = {};
  for (var i = 0; i < tag.attributes.length; i++) attributes[tag.attributes[i].name] = tag.attributes[i].value;
  (window.__e2eWidgetTags = window.__e2eWidgetTags || []).push(attributes);
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Log in with Telegram';
  button.setAttribute('data-testid', 'telegram-widget-stub');
  button.style.cssText = 'padding:10px 20px;border:0;border-radius:20px;background:#54a9eb;color:#10222e;font:600 16px system-ui';
  button.addEventListener('click', function () {
    new Function('user', tag.getAttribute('data-onauth'))(window.__e2eTelegramUser);
  });
  tag.parentNode.insertBefore(button, tag);
})();`;

/** Serves the widget stub for telegram.org's script (the one other-origin request this suite allows). */
export async function stubTelegramWidget(page: Page): Promise<void> {
  await page.route(TELEGRAM_WIDGET_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: WIDGET_STUB }));
}

export interface WidgetUser {
  id: number;
  first_name: string;
  username?: string;
}

/** What Telegram's widget hands its callback for `user`, signed for the test bot: ids and dates as numbers. */
export async function signWidgetUser(user: WidgetUser, authDate = Math.floor(Date.now() / 1000)): Promise<Record<string, string | number>> {
  const signed = await signLoginWidgetData({
    fields: {
      id: String(user.id),
      first_name: user.first_name,
      ...(user.username && { username: user.username }),
      auth_date: String(authDate),
    },
    botToken: E2E_BOT_TOKEN,
    crypto: nodeCrypto,
  });
  return { ...signed, id: user.id, auth_date: authDate };
}

/** Lets the stubbed widget "confirm in Telegram" as `user` the next time its button is pressed. */
export async function confirmInTelegramAs(page: Page, user: WidgetUser): Promise<void> {
  const fields = await signWidgetUser(user);
  await page.evaluate((value) => {
    (window as unknown as { __e2eTelegramUser?: unknown }).__e2eTelegramUser = value;
  }, fields);
}

export function readWidgetTags(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(() => (window as unknown as { __e2eWidgetTags?: Record<string, string>[] }).__e2eWidgetTags ?? []);
}

/** The session cookie the shop set in this browser context, as a `cookie` header. */
export async function sessionCookie(context: BrowserContext, baseUrl: string): Promise<string> {
  const cookies = await context.cookies(baseUrl);
  const session = cookies.find((c) => c.name === 'bazaar_session');
  if (!session) throw new Error(`no bazaar_session cookie for ${baseUrl}: ${cookies.map((c) => c.name).join(', ') || 'none'}`);
  return `${session.name}=${session.value}`;
}

export interface MeAnswer {
  status: number;
  body: { customer?: { id: string; telegramId: string | null; walletAddress: string | null; firstName: string | null }; via?: string };
}

/** GET /api/me with the browser's session cookie, from the test (a 401 here logs nothing in the page). */
export async function fetchMe(baseUrl: string, cookie: string): Promise<MeAnswer> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as MeAnswer['body'] };
}

/** Waits for the app to be on `pathname` (client-side navigation). */
export async function expectPath(page: Page, pathname: string, timeout = 10_000): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname, { timeout, message: `on ${pathname}` }).toBe(pathname);
}

export interface FocusStop {
  /** A short description of the focused element: tag, test id or class, text. */
  element: string;
  /** Whether a keyboard user can see where the focus is (:focus-visible with an outline). */
  visible: boolean;
}

/** Where the focus is now, and whether it shows. */
export function readFocus(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // The outline may be drawn by a wrapper (the search field's box outlines itself :focus-within).
    const outlined = (node: Element) => {
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
    };
    let shown = false;
    for (let node: Element | null = el; node && node !== document.body && !shown; node = node.parentElement) shown = outlined(node);
    const visible = el.matches(':focus-visible') && shown;
    const name = el.dataset.testid ?? (typeof el.className === 'string' ? el.className : '');
    return { element: `${el.tagName.toLowerCase()}[${name}] "${(el.textContent ?? '').trim().slice(0, 30)}"`, visible };
  });
}

/**
 * Presses Tab until the focus is on an element matching `selector` (it may be there already); fails after
 * `maxTabs`. Records every stop on the way inside the app, for the test to check that each one showed.
 */
export async function tabTo(page: Page, selector: string, stops: FocusStop[], maxTabs = 80): Promise<void> {
  for (let i = 0; i <= maxTabs; i++) {
    const there = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
    if (there) return;
    await page.keyboard.press('Tab');
    const stop = await readFocus(page);
    const inApp = await page.evaluate(() => !!document.activeElement && !!document.getElementById('root')?.contains(document.activeElement));
    if (stop && inApp) stops.push(stop);
  }
  throw new Error(`Tab did not reach ${selector} in ${maxTabs} presses; stopped on ${JSON.stringify(await readFocus(page))}`);
}

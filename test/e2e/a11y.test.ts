// axe-core on every screen of the storefront — catalog, product, cart, checkout, orders, order detail,
// sign-in, account — in light, dark and right-to-left (Persian), as a website and as a Mini App opened by
// Telegram. Serious and critical violations fail; the others are printed.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, isBlocking, runAxe } from './support/axe-audit';
import { openSession, type BrowserSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { DEMO_PICKUP } from './support/checkout-form';
import { nextFrames } from './support/layout';
import { installTelegramBridge, signTestInitData, telegramLaunchUrl, DARK_THEME, LIGHT_THEME } from './support/telegram';
import { E2E_BOT_TOKEN } from './support/server';
import { startWebE2eEnvironment, type WebE2eEnvironment } from './support/web-environment';
import { signWidgetUser, stubTelegramWidget } from './support/web-shop';

const chromium = checkChromium();

type Mode = 'web' | 'mini-app';
interface Variant {
  name: 'light' | 'dark' | 'rtl';
  scheme: 'light' | 'dark';
  locale: 'en' | 'fa';
}
const VARIANTS: Variant[] = [
  { name: 'light', scheme: 'light', locale: 'en' },
  { name: 'dark', scheme: 'dark', locale: 'en' },
  { name: 'rtl', scheme: 'light', locale: 'fa' },
];

interface PlacedOrder {
  id: string;
  status: string;
}

describe.skipIf(!chromium.run)('accessibility of every screen (axe-core)', () => {
  let env: WebE2eEnvironment;
  let nextUserId = 7_200_001;
  beforeAll(async () => {
    env = await startWebE2eEnvironment();
  });
  afterAll(() => env?.close());
  afterEach(() => {
    expect(env?.server.loggedErrors() ?? []).toEqual([]);
  });

  const origin = () => new URL(env.server.url).origin;
  const product = () => env.catalog.find((p) => p.stock > 1)!;

  async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ body: T; response: Response }> {
    const response = await fetch(env.server.url + path, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', Origin: origin(), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
    return { body: (await response.json()) as T, response };
  }

  /** A customer with a pending order and one line in the cart, opened as `mode` in `variant`. */
  async function openShop(mode: Mode, variant: Variant): Promise<{ s: BrowserSession; order: PlacedOrder }> {
    const s = await openSession(env.browser, { name: `a11y/${mode}-${variant.name}`, origin: origin(), colorScheme: variant.scheme });
    const { page, context } = s;
    const userId = nextUserId++;
    const cart = JSON.stringify({ state: { items: [{ productId: product().id, quantity: 1 }] }, version: 1 });
    await page.addInitScript(
      ({ cart, locale, web }) => {
        localStorage.setItem('bazaar-cart', cart);
        localStorage.setItem('bazaar:locale', locale);
        if (web) localStorage.setItem('bazaar:signed-in', '1');
      },
      { cart, locale: variant.locale, web: mode === 'web' },
    );
    let order: PlacedOrder;
    const orderBody = {
      items: [{ productId: product().id, quantity: 1 }],
      delivery: { methodId: DEMO_PICKUP.methodId, pickupPointId: DEMO_PICKUP.pickupPointId },
    };
    await stubTelegramWidget(page);
    if (mode === 'web') {
      const widget = await signWidgetUser({ id: userId, first_name: 'Sara' });
      const { response } = await api('/api/auth/telegram-widget', { method: 'POST', body: widget });
      const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: env.server.url }]);
      order = (await api<PlacedOrder>('/api/orders', { method: 'POST', body: orderBody, headers: { cookie } })).body;
      await page.goto(env.server.url);
    } else {
      const initData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: { id: userId, first_name: 'Sara', language_code: variant.locale } });
      order = (await api<PlacedOrder>('/api/orders', { method: 'POST', body: orderBody, headers: { Authorization: `tma ${initData}` } })).body;
      await installTelegramBridge(page);
      await page.goto(telegramLaunchUrl(env.server.url, { initData, theme: variant.scheme === 'dark' ? DARK_THEME : LIGHT_THEME }));
    }
    await page.getByTestId('catalog-grid').waitFor();
    return { s, order };
  }

  /** In-app navigation, as a tap on a link does it (the page keeps its Telegram context and axe). */
  async function goTo(page: Page, path: string): Promise<void> {
    await page.evaluate((to) => {
      window.history.pushState({ idx: 1 }, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  }

  async function settle(page: Page, ready: string): Promise<void> {
    await page.locator(ready).first().waitFor();
    await page
      .getByTestId('skeleton')
      .waitFor({ state: 'detached' })
      .catch(() => {});
    await page.evaluate(() => document.fonts.ready);
    await nextFrames(page);
  }

  for (const mode of ['web', 'mini-app'] as const) {
    for (const variant of VARIANTS) {
      it(`${mode}, ${variant.name}: no serious or critical violation on any screen`, async () => {
        const { s, order } = await openShop(mode, variant);
        const { page } = s;
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(variant.locale === 'fa' ? 'rtl' : 'ltr');
        const screens: [string, string, string][] = [
          ['catalog', '/', '[data-testid="product-card"]'],
          ['product', `/p/${product().slug}`, '[data-testid="product-page"] h1'],
          ['cart', '/cart', '[data-testid="cart-page"] .cart-line'],
          ['checkout-form', '/checkout', '[data-testid="delivery-section"]'],
          ['checkout', `/checkout/${order.id}`, '[data-testid="payment"]'],
          ['orders', '/orders', '[data-testid="order-row"]'],
          ['order', `/orders/${order.id}`, '[data-testid="order-page"] [data-testid="order-status"]'],
          ['sign-in', '/sign-in', '[data-testid="wallet-sign-in"]'],
          ['account', '/account', '[data-testid="account-name"]'],
        ];
        const blocking: string[] = [];
        const other: string[] = [];
        for (const [name, path, ready] of screens) {
          if (path !== '/') await goTo(page, path);
          await settle(page, ready);
          const violations = await runAxe(page);
          blocking.push(...describeViolations(name, violations.filter(isBlocking), true));
          other.push(
            ...describeViolations(
              name,
              violations.filter((v) => !isBlocking(v)),
            ),
          );
          await s.screenshot(name);
        }
        if (other.length > 0) console.info(`[a11y] ${mode}, ${variant.name}: minor and moderate findings:\n  ${other.join('\n  ')}`);
        expect(blocking, 'serious and critical axe violations').toEqual([]);
        expect(s.problems(), 'page errors and console errors').toEqual([]);
        expect(s.externalRequests()).toEqual([]);
      });
    }
  }
});

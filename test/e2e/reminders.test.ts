// Messages that bring customers back (issue #16), from the customer's side: "Notify me" on a sold-out
// product in the Mini App opened the way Telegram opens it, the merchant restocking it, and the one
// message the shop's bot sends (the fake Bot API over real HTTP records it); and the cart's copy the
// Mini App hands the shop for its abandoned-cart reminder.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';
import { startBrowserAndShops } from './support/browser-and-shops';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { openInTelegram, openProduct } from './support/mini-app';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './support/server';
import { fetchCatalog } from './support/shop-api';
import { LIGHT_THEME, signTestInitData } from './support/telegram';

const chromium = checkChromium();
const ADMIN = { id: 9_100_001, first_name: 'Mira', language_code: 'en' };
const CRON_SECRET = 'e2e-cron-secret-0123456789';

describe.skipIf(!chromium.run)('messages that bring customers back', () => {
  let browser: Browser;
  let server: ShopServer;
  let botApi: FakeBotApi;
  let close: () => Promise<void>;

  beforeAll(async () => {
    botApi = createFakeBotApi({ token: E2E_BOT_TOKEN });
    const listening = botApi.listen();
    const started = await startBrowserAndShops(
      (staticDir) => ({
        shop: listening.then((url) =>
          startShopServer({
            botToken: E2E_BOT_TOKEN,
            staticDir,
            env: { BOT_API_URL: url, ADMIN_IDS: String(ADMIN.id), CRON_SECRET, OUTBOX_INTERVAL_SECONDS: '1' },
          }),
        ),
      }),
      () => botApi.close(),
    );
    browser = started.browser;
    server = started.shops.shop;
    close = started.close;
  });
  afterAll(() => close?.());
  afterEach(() => {
    expect(server?.loggedErrors() ?? []).toEqual([]);
    expect(botApi?.unexpected ?? []).toEqual([]);
  });

  it('"Notify me" on a sold-out product says "We’ll tell you", a second tap takes it back, and a restock brings one message', async () => {
    const s = await openSession(browser, { name: 'reminders/notify-me', origin: new URL(server.url).origin });
    const customer = { id: 741_000_001, first_name: 'Lale', language_code: 'en' };
    const open = async () => {
      await openInTelegram(s, { baseUrl: server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: customer });
      await s.page.getByTestId('catalog-grid').waitFor();
      await openProduct(s.page, 'almond-biscotti');
    };
    await open();
    const button = s.page.getByTestId('notify-me');
    await expect.poll(() => button.isEnabled()).toBe(true);
    expect(await button.textContent()).toContain('Notify me');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await s.screenshot('sold-out-notify-me');

    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await button.textContent()).toContain('We’ll tell you');
    await s.screenshot('we-will-tell-you');
    // The shop keeps it: opened again, the page says so.
    await open();
    await expect.poll(() => s.page.getByTestId('notify-me').getAttribute('aria-pressed')).toBe('true');
    // A second tap takes it back, a third asks again.
    await s.page.getByTestId('notify-me').click();
    await expect.poll(() => s.page.getByTestId('notify-me').getAttribute('aria-pressed')).toBe('false');
    await s.page.getByTestId('notify-me').click();
    await expect.poll(() => s.page.getByTestId('notify-me').getAttribute('aria-pressed')).toBe('true');

    // The merchant puts ten on the shelf; the reminder job plans the message, the outbox worker sends it.
    const product = (await fetchCatalog(server.url)).find((p) => p.slug === 'almond-biscotti')!;
    const admin = `tma ${await signTestInitData({ botToken: E2E_BOT_TOKEN, user: ADMIN })}`;
    const patched = await fetch(`${server.url}/api/admin/products/${product.id}`, {
      method: 'PATCH',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ stock: 10, expectedStock: 0 }),
    });
    expect(patched.status).toBe(200);
    const remind = await fetch(`${server.url}/api/cron/remind`, { method: 'POST', headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(await remind.json()).toMatchObject({ backInStock: 1 });
    const toCustomer = () => botApi.callsOf('sendMessage').filter((m) => Number(m.chat_id) === customer.id);
    await expect.poll(() => toCustomer().length, { timeout: 20_000 }).toBe(1);
    expect(String(toCustomer()[0]!.text)).toContain('Almond biscotti, 200 g is back in stock');
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  }, 120_000);

  it('hands the shop a copy of the cart (ids and quantities) when it changes', async () => {
    const s = await openSession(browser, { name: 'reminders/cart-copy', origin: new URL(server.url).origin });
    const customer = { id: 741_000_002, first_name: 'Ravi', language_code: 'hi' };
    await openInTelegram(s, { baseUrl: server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: customer });
    await s.page.getByTestId('catalog-grid').waitFor();
    await openProduct(s.page, 'travel-mug');
    const copied = s.page.waitForResponse((r) => r.url().endsWith('/api/cart') && r.request().method() === 'PUT', { timeout: 15_000 });
    await s.page.getByTestId('add-to-cart').first().click();
    const response = await copied;
    expect(response.status()).toBe(200);
    const product = (await fetchCatalog(server.url)).find((p) => p.slug === 'travel-mug')!;
    expect(await response.json()).toMatchObject({ items: [{ productId: product.id, quantity: 1 }] });
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ items: [{ productId: product.id, variantId: expect.any(String), quantity: 1 }] });
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  }, 60_000);
});

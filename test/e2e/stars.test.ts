// Issue #15's customer paths in headless Chromium: a digital product with a pool of license keys, made
// by the merchant through the admin API, bought inside the Telegram-style launch and paid in Telegram
// Stars, the test playing Telegram (the invoice sheet, pre_checkout_query, successful_payment,
// invoice_closed) against the fake Bot API over real HTTP; a mixed cart split in two; and the same kind
// of product on the open web, paid in TON with the Bazaar Dev Wallet.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';
import { startBrowserAndShops } from './support/browser-and-shops';
import { openSession, type BrowserSession } from './support/browser-session';
import { waitForCheckoutForm, expectQuotedTotal } from './support/checkout-form';
import { checkChromium } from './support/chromium';
import { expectCartBadge, expectProductPage, openInTelegram, openProduct } from './support/mini-app';
import { checkoutOrderId, expectOrderStatus, expectPrimaryText, primaryButton, readDevInitData } from './support/payment-shop';
import { E2E_BOT_TOKEN, startShopServer, type ShopServer } from './support/server';
import { closeInvoice, createLicenseKeyProduct, keyPool, postTelegramUpdate, preCheckoutQueryUpdate, successfulPaymentUpdate } from './support/stars-shop';
import { LIGHT_THEME, pressBackButton, pressMainButton, readTelegramEvents, signTestInitData, type TelegramUser } from './support/telegram';

const chromium = checkChromium();

const WEBHOOK_SECRET = 'e2e-stars-webhook-secret_0123456789';
const MERCHANT = { id: 9_150_001, first_name: 'Mira', language_code: 'en' } as const;
const GAME_KEY = { slug: 'starfall-key', title: 'Starfall, game key', priceMinor: '4000000000', priceStars: 120 } as const;
const GAME_KEYS = ['STAR-7QX2-A1', 'STAR-9KD4-B2', 'STAR-3MW8-C3'] as const;

interface OrderView {
  id: string;
  status: string;
  items: { slug: string; quantity: number }[];
  digital?: { productId: string; kind: string; keys?: string[] }[];
}

async function fetchOrderView(baseUrl: string, initData: string, id: string): Promise<OrderView> {
  const response = await fetch(`${baseUrl}/api/orders/${id}`, { headers: { Authorization: `tma ${initData}` } });
  if (!response.ok) throw new Error(`GET /api/orders/${id} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as OrderView;
}

/** The keys the order page shows, in order. */
function shownKeys(page: Page): Promise<string[]> {
  return page.getByTestId('license-key').evaluateAll((codes) => codes.map((code) => code.textContent ?? ''));
}

/** My orders → this order's row → its page, which shows `status`. */
async function openOrderFromMyOrders(page: Page, orderId: string, status: string): Promise<void> {
  await page.getByTestId('orders-link').first().click();
  await page.getByTestId('orders-page').waitFor();
  const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await expect
    .poll(() => row.getByTestId('order-status').getAttribute('data-status'), { timeout: 15_000, message: `My orders lists the order ${status}` })
    .toBe(status);
  await row.click();
  await page.getByTestId('order-page').waitFor();
  await expectOrderStatus(page, status, 15_000);
}

describe.skipIf(!chromium.run)('digital goods paid in Telegram Stars and delivered in the chat', () => {
  let browser: Awaited<ReturnType<typeof startBrowserAndShops>>['browser'];
  let telegramShop: ShopServer;
  let devShop: ShopServer;
  let botApi: FakeBotApi;
  let close: () => Promise<void>;
  let merchantInitData: string;
  let gameKeyId: string;

  beforeAll(async () => {
    botApi = createFakeBotApi({ token: E2E_BOT_TOKEN });
    const listening = botApi.listen();
    const started = await startBrowserAndShops(
      (staticDir) => ({
        // A real bot token: the page must be opened by Telegram (signed initData), the Bot API is the fake.
        telegram: listening.then((url) =>
          startShopServer({
            botToken: E2E_BOT_TOKEN,
            staticDir,
            env: { BOT_API_URL: url, WEBHOOK_SECRET, ADMIN_IDS: String(MERCHANT.id), OUTBOX_INTERVAL_SECONDS: '1' },
          }),
        ),
        // Dev mode (no bot token), as `npm start`: the open web's stand-in for test 3, see there.
        dev: startShopServer({ botToken: null, staticDir }),
      }),
      () => botApi.close(),
    );
    browser = started.browser;
    telegramShop = started.shops.telegram;
    devShop = started.shops.dev;
    close = started.close;
    merchantInitData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: MERCHANT });
    gameKeyId = await createLicenseKeyProduct(telegramShop.url, merchantInitData, { ...GAME_KEY, keys: GAME_KEYS });
  });
  afterAll(() => close?.());
  afterEach(() => {
    expect(telegramShop?.loggedErrors() ?? []).toEqual([]);
    expect(devShop?.loggedErrors() ?? []).toEqual([]);
    expect(botApi?.unexpected ?? []).toEqual([]);
  });

  let nextUserId = 745_000_001;
  async function openAsCustomer(name: string): Promise<{ s: BrowserSession; page: Page; user: TelegramUser; initData: string }> {
    const user = { id: nextUserId++, first_name: 'Sara', language_code: 'en' };
    const s = await openSession(browser, { name: `stars/${name}`, origin: new URL(telegramShop.url).origin });
    const initData = await openInTelegram(s, { baseUrl: telegramShop.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user });
    await s.page.getByTestId('catalog-grid').waitFor();
    return { s, page: s.page, user, initData };
  }

  /** From the catalog: the product's page, then the MainButton's "Add to cart". */
  async function addToCart(page: Page, slug: string, title: string, count: number): Promise<void> {
    await openProduct(page, slug);
    await expectProductPage(page, title);
    await pressMainButton(page);
    await expectCartBadge(page, count);
  }

  it('sells a license key inside Telegram for Stars: the invoice, pre-checkout, the payment, and the key in My orders and in the chat', async () => {
    const { s, page, user, initData } = await openAsCustomer('telegram-pay');
    await addToCart(page, GAME_KEY.slug, GAME_KEY.title, 1);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-line').first().waitFor();
    // One kind of goods: nothing to split.
    expect(await page.getByTestId('cart-split').count()).toBe(0);
    await pressMainButton(page);

    // Digital goods alone: sent in the chat, so the form asks for no address.
    await waitForCheckoutForm(page);
    await expectQuotedTotal(page);
    expect(await page.locator('[name="address.line1"]').count()).toBe(0);
    await pressMainButton(page);
    await page.getByTestId('checkout-page').waitFor();
    const orderId = checkoutOrderId(page);

    // The server made the invoice (createInvoiceLink in XTR, the order id as its payload) before the button shows.
    const payStars = page.getByTestId('pay-stars');
    await expect.poll(() => payStars.count(), { timeout: 15_000, message: 'the Pay in Stars button' }).toBe(1);
    expect(await payStars.textContent()).toBe(`Pay ${GAME_KEY.priceStars} ⭐ in Telegram Stars`);
    const [invoiceCall] = botApi.callsOf('createInvoiceLink').filter((c) => c.payload === orderId);
    expect(invoiceCall).toMatchObject({ currency: 'XTR', prices: [{ amount: GAME_KEY.priceStars }] });
    expect(invoiceCall!.provider_token ?? '').toBe('');
    await s.screenshot('checkout-with-stars-button');

    // Tapping it opens Telegram's payment sheet: the SDK posts web_app_open_invoice with the link's slug.
    const openedInvoices = async () => (await readTelegramEvents(page)).filter((e) => e.name === 'web_app_open_invoice').map((e) => String(e.params?.slug));
    await payStars.click();
    await expect.poll(openedInvoices, { timeout: 10_000, message: 'the page called openInvoice' }).toEqual([expect.stringMatching(/^fakeinvoice\d+$/)]);
    const [slug] = await openedInvoices();
    const invoice = botApi.stars.invoices.get(slug!)!;
    expect(invoice).toMatchObject({ currency: 'XTR', payload: orderId, prices: [{ amount: GAME_KEY.priceStars }] });
    await expect.poll(() => payStars.isDisabled(), { timeout: 10_000, message: 'the button waits while the sheet is open' }).toBe(true);

    // The customer closes the sheet without paying: the button is back, and opens the same invoice again.
    await closeInvoice(page, slug!, 'cancelled');
    await expect.poll(() => payStars.isDisabled(), { timeout: 10_000, message: 'the button is ready again' }).toBe(false);
    expect(await page.getByTestId('stars-payment').getAttribute('data-phase')).toBe('ready');
    await payStars.click();
    await expect.poll(openedInvoices, { timeout: 10_000, message: 'the page opened the invoice again' }).toEqual([slug, slug]);

    // Hold the page's reads of the order from here, to see what invoice_closed alone does to the screen.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/orders/${orderId}`, async (route) => {
      await held;
      await route.continue();
    });

    // The customer confirms: Telegram asks the bot first, and the bot says yes.
    const query = preCheckoutQueryUpdate(user, { payload: invoice.payload, totalStars: GAME_KEY.priceStars });
    await postTelegramUpdate(telegramShop.url, WEBHOOK_SECRET, query);
    const answers = botApi.callsOf('answerPreCheckoutQuery').filter((a) => a.pre_checkout_query_id === query.pre_checkout_query.id);
    expect(answers).toEqual([expect.objectContaining({ ok: true })]);

    // Telegram takes the Stars and tells the bot; then the sheet closes with "paid".
    const payment = botApi.stars.payInvoice(`https://t.me/$${slug!}`, user);
    await postTelegramUpdate(telegramShop.url, WEBHOOK_SECRET, successfulPaymentUpdate(user, payment));
    await closeInvoice(page, slug!, 'paid');
    // "paid" from the sheet only says Telegram took the Stars: the card waits for the shop's word.
    await expect.poll(() => page.getByTestId('stars-payment').getAttribute('data-phase'), { timeout: 10_000 }).toBe('confirming');
    await expectOrderStatus(page, 'pending');
    await s.screenshot('stars-confirming');
    release();
    await page.unroute(`**/api/orders/${orderId}`);
    await expectOrderStatus(page, 'paid', 20_000);
    expect(await page.getByTestId('pay-stars').count()).toBe(0);

    // The key: one of the merchant's, sold, and the same in the API, on the order's page and in the chat.
    const paid = await fetchOrderView(telegramShop.url, initData, orderId);
    expect(paid.status).toBe('paid');
    const keys = paid.digital?.find((d) => d.productId === gameKeyId)?.keys ?? [];
    expect(keys).toHaveLength(1);
    const key = keys[0]!;
    expect(GAME_KEYS).toContain(key);
    const deliveries = () => botApi.callsOf('sendMessage').filter((m) => m.chat_id === user.id && String(m.text).includes(key));
    await expect.poll(() => deliveries().length, { timeout: 20_000, message: 'the key reached the chat' }).toBe(1);
    expect(String(deliveries()[0]!.text)).toContain(`<code>${key}</code>`);
    expect(await keyPool(telegramShop.url, merchantInitData, gameKeyId)).toMatchObject({ sold: 1 });

    await openOrderFromMyOrders(page, orderId, 'paid');
    await expect.poll(() => shownKeys(page), { timeout: 10_000, message: 'the order page shows the key' }).toEqual([key]);
    await s.screenshot('paid-order-with-key');
    // Some outbox rounds later (OUTBOX_INTERVAL_SECONDS=1), still exactly one message with the key.
    expect(deliveries()).toHaveLength(1);
    expect(s.problems()).toEqual([]);
  });

  it('offers to split a mixed cart inside Telegram: the digital items become their own order, the physical one stays in the cart', async () => {
    const { s, page, initData } = await openAsCustomer('mixed-cart');
    await addToCart(page, GAME_KEY.slug, GAME_KEY.title, 1);
    await pressBackButton(page);
    await page.getByTestId('catalog-grid').waitFor();
    await addToCart(page, 'travel-mug', 'Travel mug, 350 ml', 2);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();
    const split = page.getByTestId('cart-split');
    await split.waitFor();
    expect(await split.getByTestId('cart-split-digital').textContent()).toBe('Order the digital item (1)');
    expect(await split.getByTestId('cart-split-physical').textContent()).toBe('Order the item to ship (1)');
    await s.screenshot('cart-split');

    await split.getByTestId('cart-split-digital').click();
    await waitForCheckoutForm(page);
    await expect.poll(() => page.getByTestId('checkout-items').locator('li').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('checkout-items').textContent()).toContain(GAME_KEY.title);
    await expectQuotedTotal(page);
    await pressMainButton(page);
    await page.getByTestId('checkout-page').waitFor();
    const orderId = checkoutOrderId(page);
    const placed = await fetchOrderView(telegramShop.url, initData, orderId);
    expect(placed.items.map((item) => [item.slug, item.quantity])).toEqual([[GAME_KEY.slug, 1]]);
    // Digital only, so it can be paid in Stars.
    await expect.poll(() => page.getByTestId('pay-stars').count(), { timeout: 15_000, message: 'the Pay in Stars button' }).toBe(1);

    // The mug waits in the cart for its own order; nothing left to split.
    await expectCartBadge(page, 1);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();
    await expect
      .poll(() => page.getByTestId('cart-line').evaluateAll((lines) => lines.map((l) => l.getAttribute('data-slug'))), { timeout: 10_000 })
      .toEqual(['travel-mug']);
    expect(await page.getByTestId('cart-split').count()).toBe(0);
    await s.screenshot('cart-after-digital-order');
    expect(s.problems()).toEqual([]);
  });

  // Outside Telegram: dev mode (`npm start` without a bot token), not the web storefront. Dev mode signs a
  // demo customer into the page and makes it the admin, and its local dev chain is what the Bazaar Dev
  // Wallet pays on, as payment.test.ts does; the web storefront would need the Login Widget's sign-in
  // first. No Telegram.WebApp here, so no Stars: TON is the way (docs/api.md, STARS_TELEGRAM_ONLY).
  it('sells the same kind of product on the open web for TON with the dev wallet, and shows the key on the order', async () => {
    const s = await openSession(browser, { name: 'stars/web-ton', origin: new URL(devShop.url).origin });
    const { page } = s;
    const starsInvoiceRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/stars-invoice') && starsInvoiceRequests.push(request.url()));
    await page.goto(devShop.url);
    await page.getByTestId('dev-banner').waitFor();
    const devInitData = await readDevInitData(page);
    expect(devInitData).not.toBe('');
    const webKeys = ['WEB-KEY-0001', 'WEB-KEY-0002'];
    const productId = await createLicenseKeyProduct(devShop.url, devInitData, { ...GAME_KEY, keys: webKeys });
    await page.reload();
    await page.getByTestId('catalog-grid').waitFor();

    await openProduct(page, GAME_KEY.slug);
    await expectProductPage(page, GAME_KEY.title);
    await primaryButton(page).click();
    await expectCartBadge(page, 1);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-line').first().waitFor();
    await expectPrimaryText(page, /check ?out/i);
    // No Stars on the web, and one kind of goods: no split offer.
    expect(await page.getByTestId('cart-split').count()).toBe(0);
    await primaryButton(page).click();
    await waitForCheckoutForm(page);
    await expectQuotedTotal(page);
    await primaryButton(page).click();
    await page.getByTestId('checkout-page').waitFor();
    const orderId = checkoutOrderId(page);
    await expectOrderStatus(page, 'pending');

    // On a phone-sized screen the dev wallet connects without TON Connect's modal (see payment.test.ts).
    await expectPrimaryText(page, /connect wallet/i);
    await primaryButton(page).click();
    await page.getByTestId('wallet-connected').waitFor();
    await expectPrimaryText(page, /^pay \d/i);
    await s.screenshot('checkout-ton');
    // No Telegram.WebApp to open an invoice in: the page shows no Stars button and asks for no invoice.
    expect(await page.getByTestId('pay-stars').count()).toBe(0);
    await primaryButton(page).click();
    await page.getByTestId('dev-wallet-approval').waitFor();
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment`));
    await page.getByTestId('dev-wallet-approve').click();
    expect((await submitted).status()).toBe(200);
    await expectOrderStatus(page, 'paid', 20_000);

    const paid = await fetchOrderView(devShop.url, devInitData, orderId);
    const keys = paid.digital?.find((d) => d.productId === productId)?.keys ?? [];
    expect(keys).toHaveLength(1);
    expect(webKeys).toContain(keys[0]);
    await openOrderFromMyOrders(page, orderId, 'paid');
    await expect.poll(() => shownKeys(page), { timeout: 10_000, message: 'the order page shows the key' }).toEqual(keys);
    await s.screenshot('paid-order-with-key');
    expect(starsInvoiceRequests).toEqual([]);
    expect(s.problems()).toEqual([]);
  });
});

// Paying for an order in USDT, end to end: the built Mini App in headless Chromium, the real Node server
// in dev mode taking TON and USDT (ACCEPTED_ASSETS=TON,USDT) on its local dev chain with the dev USDT (a
// real TEP-74 jetton), TON Connect UI and the Bazaar Dev Wallet. The customer sees the price in both
// assets at checkout, chooses USDT, and the wallet signs the jetton transfer the shop asked for; the
// order is paid when the reconciler finds the merchant's own jetton wallet's notification.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, isBlocking, runAxe } from './support/axe-audit';
import { startBrowserAndShops } from './support/browser-and-shops';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { chooseDeliveryMethod, DEMO_PICKUP, waitForCheckoutForm } from './support/checkout-form';
import { formatMicroUsdt, mintDevUsdt } from './support/dev-chain';
import { openProduct, shownSlugs } from './support/mini-app';
import { checkoutOrderId, expectOrderStatus, expectPrimaryText, fetchOrder, primaryButton, readDevInitData } from './support/payment-shop';
import { startShopServer, type ShopServer } from './support/server';
import { fetchCatalog, type CatalogProduct } from './support/shop-api';
import {
  connectDevWalletFromPaymentCard,
  placeOrderFromCheckout,
  requestUsdtPayment,
  TON_CONNECT_DESKTOP_VIEWPORT,
  TON_CONNECT_QR_LOGO,
  type QuotedOrder,
} from './support/ton-connect-page';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('paying for an order in USDT with the dev wallet', () => {
  let browser: Browser;
  let shop: ShopServer;
  let catalog: CatalogProduct[];
  let close = async () => {};
  beforeAll(async () => {
    const started = await startBrowserAndShops((staticDir) => ({
      shop: startShopServer({ botToken: null, staticDir, env: { ACCEPTED_ASSETS: 'TON,USDT' } }),
    }));
    ({ browser, close } = started);
    shop = started.shops.shop;
    catalog = await fetchCatalog(shop.url);
  });
  afterAll(() => close());
  afterEach(() => {
    expect(shop?.loggedErrors() ?? []).toEqual([]);
  });

  const session = async (name: string, colorScheme: 'light' | 'dark' = 'light') => {
    const s = await openSession(browser, { name: `payment-usdt/${name}`, origin: new URL(shop.url).origin, colorScheme });
    await s.page.setViewportSize(TON_CONNECT_DESKTOP_VIEWPORT);
    return s;
  };
  const optionAmount = (page: Page, scope: string, asset: string) =>
    page.getByTestId(scope).locator(`[data-testid="asset-option"][data-asset="${asset}"] [data-testid="asset-option-amount"]`).textContent();

  /** Catalog → product → cart → checkout form with pickup, the quote answered, from the page as it is open. */
  async function fillCheckout(page: Page): Promise<void> {
    const slug = (await shownSlugs(page)).find((candidate) => (catalog.find((p) => p.slug === candidate)?.stock ?? 0) > 0)!;
    await openProduct(page, slug);
    await page.getByTestId('product-page').waitFor();
    await primaryButton(page).click();
    // One item, in whichever digits the language writes (expectCartBadge reads Latin ones only).
    await expect.poll(() => page.getByTestId('cart-badge').first().textContent()).toMatch(/[1۱]/);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();
    await primaryButton(page).click();
    await waitForCheckoutForm(page);
    await chooseDeliveryMethod(page, 'pickup');
    await page.locator(`[data-testid="pickup-point"][data-point-id="${DEMO_PICKUP.pickupPointId}"]`).click();
    await expect.poll(() => page.getByTestId('quote-total').count(), { timeout: 10_000, message: 'the quote’s total' }).toBe(1);
  }

  async function openShop(page: Page): Promise<void> {
    await page.goto(shop.url);
    await page.getByTestId('dev-banner').waitFor();
  }

  it('shows the price in TON and in USDT, lets the customer choose USDT, and ends with the order paid in USDT', async () => {
    const s = await session('pay');
    const { page } = s;
    await openShop(page);
    await fillCheckout(page);

    // The summary: the total, then what it is in each accepted asset, TON chosen by default.
    const summary = page.getByTestId('quote-summary');
    await summary.getByTestId('asset-choice').waitFor();
    const total = (await page.getByTestId('quote-total').textContent()) ?? '';
    expect(await optionAmount(page, 'quote-summary', 'TON')).toBe(total);
    expect(await optionAmount(page, 'quote-summary', 'USDT')).toMatch(/^\d+(\.\d{1,6})? USDT$/);
    expect(await summary.getByRole('radio', { name: /TON/ }).first().isChecked()).toBe(true);
    await summary.getByRole('radio', { name: /USDT/ }).check();
    expect(await summary.getByRole('radio', { name: /USDT/ }).isChecked()).toBe(true);
    // The button names what will be paid: the amount in the chosen asset.
    const usdtShown = (await optionAmount(page, 'quote-summary', 'USDT')) ?? '';
    await expectPrimaryText(page, new RegExp(`^Place order · ${usdtShown.replace('.', '\\.')}$`));
    await centre(page, 'quote-summary');
    const checkoutShot = await s.screenshot('checkout-both-amounts');

    const { orderId, initData, placed } = await placeOrderFromCheckout(page, shop.url);
    const usdtQuote = placed.quotes.find((q) => q.asset === 'USDT')!;
    expect(placed.quotes.map((q) => q.asset)).toEqual(['TON', 'USDT']);
    expect(placed.quotes[0]!.amount).toBe(placed.totalMinor);

    // The payment card keeps the choice made at checkout, and shows the order's own locked quotes.
    const card = page.getByTestId('payment');
    await card.getByTestId('asset-choice').waitFor();
    expect(await card.getByRole('radio', { name: /USDT/ }).isChecked()).toBe(true);
    expect(await optionAmount(page, 'payment', 'USDT')).toBe(`${formatMicroUsdt(usdtQuote.amount)} USDT`);

    // Connect the dev wallet, then give it the USDT to pay with (it has TON for the fees already).
    const wallet = await connectDevWalletFromPaymentCard(page, shop.url);
    const funded = await mintDevUsdt(shop.url, wallet.address, usdtQuote.amount);
    expect(funded.balanceMicroUsdt).toBe(usdtQuote.amount);
    await expectPrimaryText(page, new RegExp(`^Pay ${formatMicroUsdt(usdtQuote.amount).replace('.', '\\.')} USDT$`));
    await centre(page, 'payment');
    const paymentShot = await s.screenshot('payment-card-usdt');

    // Pay: the app asks the shop what to send, and the wallet is handed exactly that.
    const answer = await requestUsdtPayment(page, orderId, wallet.address);
    expect(answer.amount).toBe(usdtQuote.amount);
    await page.getByTestId('dev-wallet-approval').waitFor();
    expect(await page.getByTestId('payment-progress').getAttribute('data-step')).toBe('wallet');
    // The wallet is asked to send to the customer's own USDT jetton wallet, not to the merchant.
    expect(await page.getByTestId('dev-wallet-approval').textContent()).toContain(`to ${answer.request.messages[0]!.address}`);
    await s.screenshot('waiting-for-wallet');

    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment`));
    await page.getByTestId('dev-wallet-approve').click();
    const submission = await submitted;
    expect(submission.status(), 'POST /api/orders/:id/payment').toBe(200);
    expect(((await submission.json()) as { status: string }).status).toMatch(/^(confirming|paid)$/);

    // The merchant's own USDT jetton wallet notifies the merchant; the shop marks the order paid.
    await expectOrderStatus(page, 'paid', 30_000);
    await expect.poll(() => page.getByTestId('payment-progress').getAttribute('data-step')).toBe('paid');
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    await expect.poll(() => page.getByTestId('paid-amounts').textContent()).toBe(`Paid ${formatMicroUsdt(usdtQuote.amount)} USDT`);
    await centre(page, 'payment');
    const paidShot = await s.screenshot('paid');

    const paid = (await fetchOrder(shop.url, initData, orderId)) as unknown as QuotedOrder;
    expect(paid.status).toBe('paid');
    expect(paid.payments).toEqual([expect.objectContaining({ status: 'applied', asset: 'USDT', amountNano: usdtQuote.amount, overpaymentNano: '0' })]);
    console.info(`[e2e] payment-usdt screenshots:\n  ${[checkoutShot, paymentShot, paidShot].join('\n  ')}`);

    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(new Set(s.externalRequests())).toEqual(new Set(s.externalRequests().length > 0 ? [TON_CONNECT_QR_LOGO] : []));
  });

  it('pays in TON, as before, when the customer keeps the default in a shop that takes both', async () => {
    const s = await session('ton');
    const { page } = s;
    await openShop(page);
    // A fresh tab: no choice carried over from another test's session.
    await fillCheckout(page);
    expect(await page.getByTestId('quote-summary').getByRole('radio', { name: /TON/ }).first().isChecked()).toBe(true);
    await primaryButton(page).click();
    await page.getByTestId('checkout-page').waitFor();
    const orderId = checkoutOrderId(page);
    await connectDevWalletFromPaymentCard(page, shop.url);
    await expectPrimaryText(page, /^Pay \d+(\.\d+)? TON$/);
    // TON is paid from the order's own payment intent: no payment request is asked for.
    const requests: string[] = [];
    page.on('request', (r) => void (r.url().includes('/payment-request') && requests.push(r.url())));
    await primaryButton(page).click();
    await page.getByTestId('dev-wallet-approve').click();
    await expectOrderStatus(page, 'paid', 30_000);
    const paid = (await fetchOrder(shop.url, await readDevInitData(page), orderId)) as unknown as QuotedOrder;
    expect(paid.payments).toEqual([expect.objectContaining({ status: 'applied', asset: 'TON', amountNano: paid.totalMinor })]);
    expect(requests).toEqual([]);
    await expect.poll(() => page.getByTestId('paid-amounts').textContent()).toMatch(/^Paid \d+(\.\d+)? TON$/);
    expect(s.problems()).toEqual([]);
  });

  it('offers the same choice in Persian, right to left, with Persian digits, in the dark theme, with nothing for axe to object to', async () => {
    const s = await session('fa-dark', 'dark');
    const { page } = s;
    await openShop(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fa');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await fillCheckout(page);
    const choice = page.getByTestId('quote-summary').getByTestId('asset-choice');
    await expect.poll(() => choice.locator('legend').textContent()).toBe('پرداخت با');
    expect(await optionAmount(page, 'quote-summary', 'USDT')).toMatch(/^[۰-۹]+(٫[۰-۹]{1,6})? USDT$/);
    await centre(page, 'quote-summary');
    await s.screenshot('checkout-fa');
    const blocking = (await runAxe(page)).filter(isBlocking);
    expect(describeViolations('checkout, fa, dark', blocking, true)).toEqual([]);
    expect(s.problems()).toEqual([]);
  });
});

/** Scrolls the element with this test id to the middle of the screen, for a screenshot of it. */
async function centre(page: Page, testId: string): Promise<void> {
  await page
    .getByTestId(testId)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

// Paying in USDT in a shop that prices in dollars (issue #13), end to end: the built Mini App in headless
// Chromium, the real Node server in dev mode with PRICING_CURRENCY=USD and ACCEPTED_ASSETS=TON,USDT on its
// local dev chain, whose rates are the fixed dev rates (functions/adapters/rates/fixed-rates.ts), and the
// Bazaar Dev Wallet. The merchant puts a $12.50 product on sale through the admin API; the customer sees
// $12.50 at checkout beside what it is in each asset, chooses USDT, and pays exactly 12.5 USDT.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEV_RATES } from '../../functions/adapters/rates/fixed-rates';
import { call, createProduct, putDeliveryMethods, type AdminProduct } from './support/admin-shop';
import { startBrowserAndShops } from './support/browser-and-shops';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { chooseDeliveryMethod, waitForCheckoutForm } from './support/checkout-form';
import { devUsdtWalletOf, jettonBalanceOf, mintDevUsdt } from './support/dev-chain';
import { openProduct, productCard } from './support/mini-app';
import { expectOrderStatus, expectPrimaryText, fetchDevInitData, fetchOrder, primaryButton } from './support/payment-shop';
import { startShopServer, type ShopServer } from './support/server';
import { fetchCatalog } from './support/shop-api';
import {
  connectDevWalletFromPaymentCard,
  placeOrderFromCheckout,
  requestUsdtPayment,
  TON_CONNECT_DESKTOP_VIEWPORT,
  TON_CONNECT_QR_LOGO,
  type QuotedOrder,
} from './support/ton-connect-page';

const chromium = checkChromium();

/** The merchant's product: $12.50, written in cents as every USD amount is. */
const POT = { slug: 'brass-coffee-pot', title: 'Brass coffee pot', priceMinor: '1250', currency: 'USD', stock: 5 } as const;
/** The shop's one way to get it: a free pickup point (no fee, so the order's total is the pot's price). */
const PICKUP = { methodId: 'pickup', pointId: 'spice-market' } as const;
const PICKUP_METHOD = {
  id: PICKUP.methodId,
  kind: 'pickup',
  name: 'Pick up at the shop',
  points: [{ id: PICKUP.pointId, name: 'Spice market stall 7', address: '7 Spice Market Lane', hours: 'Mon–Sat 9:00–18:00' }],
} as const;

// What $12.50 is at the dev rates: 1 USDT = 1 USD and 1 TON = 5 USD, so 12.5 USDT (6 decimals: 12,500,000
// micro-USDT) and 2.5 TON (9 decimals: 2,500,000,000 nanotons). Checked against the rate table below, so a
// change of the dev rates fails here, with this sentence, rather than somewhere in the amounts.
const EXPECTED = {
  total: '$12.50',
  usdt: { shown: '12.5 USDT', microUsdt: '12500000' },
  ton: { shown: '2.5 TON', nano: '2500000000' },
} as const;

describe.skipIf(!chromium.run)('paying in USDT with the dev wallet in a shop priced in US dollars', () => {
  let browser: Browser;
  let shop: ShopServer;
  let pot: AdminProduct;
  let close = async () => {};
  beforeAll(async () => {
    const started = await startBrowserAndShops((staticDir) => ({
      shop: startShopServer({ botToken: null, staticDir, env: { PRICING_CURRENCY: 'USD', ACCEPTED_ASSETS: 'TON,USDT' } }),
    }));
    ({ browser, close } = started);
    shop = started.shops.shop;
    // Dev mode's demo customer is the shop's admin (no ADMIN_IDS): the merchant prices the pot in dollars
    // and saves its own delivery, in dollars too (the fees must count the shop's currency to be offered),
    // so the amounts below depend on this test alone, not on what the demo seed offers.
    const adminInitData = await fetchDevInitData(shop.url);
    pot = await createProduct(shop.url, adminInitData, POT);
    await putDeliveryMethods(shop.url, adminInitData, [PICKUP_METHOD], 'USD');
  });
  afterAll(() => close());
  afterEach(() => {
    expect(shop?.loggedErrors() ?? []).toEqual([]);
  });

  it('runs on the dev rates: 1 USDT = 1 USD, 1 TON = 5 USD', () => {
    expect(DEV_RATES.USDT.USD).toBe('1');
    expect(DEV_RATES.TON.USD).toBe('5');
  });

  it('lists the product the merchant priced in dollars, in dollars', async () => {
    expect(pot.currency).toBe('USD');
    expect(pot.priceMinor).toBe(POT.priceMinor);
    const listed = (await fetchCatalog(shop.url)).find((p) => p.slug === POT.slug);
    expect(listed).toMatchObject({ currency: 'USD', priceMinor: POT.priceMinor, stock: POT.stock });
  });

  it('quotes a $12.50 order at exactly 12.5 USDT and 2.5 TON', async () => {
    const initData = await fetchDevInitData(shop.url);
    const quote = await call<{ currency: string; totalMinor: string; quotes: Array<{ asset: string; amount: string }> }>(shop.url, '/api/orders/quote', {
      initData,
      method: 'POST',
      body: { items: [{ productId: pot.id, quantity: 1 }], delivery: { methodId: PICKUP.methodId, pickupPointId: PICKUP.pointId } },
    });
    expect(quote.currency).toBe('USD');
    expect(quote.totalMinor).toBe(POT.priceMinor);
    expect(quote.quotes.map(({ asset, amount }) => ({ asset, amount }))).toEqual([
      { asset: 'TON', amount: EXPECTED.ton.nano },
      { asset: 'USDT', amount: EXPECTED.usdt.microUsdt },
    ]);
  });

  it('shows $12.50 beside 12.5 USDT and 2.5 TON at checkout, and ends paid with exactly 12,500,000 micro-USDT on the chain', async () => {
    const s = await openSession(browser, { name: 'payment-fiat-usdt/pay', origin: new URL(shop.url).origin });
    await s.page.setViewportSize(TON_CONNECT_DESKTOP_VIEWPORT);
    const { page } = s;
    await page.goto(shop.url);
    await page.getByTestId('dev-banner').waitFor();

    // The catalog card shows the dollar price; the pot goes into the cart from its page.
    await expect.poll(() => productCard(page, POT.slug).textContent(), { timeout: 10_000 }).toContain(EXPECTED.total);
    await openProduct(page, POT.slug);
    await primaryButton(page).click();
    await expect.poll(() => page.getByTestId('cart-badge').first().textContent()).toMatch(/1/);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();
    await primaryButton(page).click();
    await waitForCheckoutForm(page);
    await chooseDeliveryMethod(page, 'pickup');
    await page.locator(`[data-testid="pickup-point"][data-point-id="${PICKUP.pointId}"]`).click();
    await expect.poll(() => page.getByTestId('quote-total').count(), { timeout: 10_000, message: 'the quote’s total' }).toBe(1);

    // The order's total in the shop's currency, then what it is in each accepted asset.
    const summary = page.getByTestId('quote-summary');
    await summary.getByTestId('asset-choice').waitFor();
    expect(await page.getByTestId('quote-total').textContent()).toBe(EXPECTED.total);
    expect(await optionAmount(page, 'quote-summary', 'TON')).toBe(EXPECTED.ton.shown);
    expect(await optionAmount(page, 'quote-summary', 'USDT')).toBe(EXPECTED.usdt.shown);
    await summary.getByRole('radio', { name: /USDT/ }).check();
    expect(await summary.getByRole('radio', { name: /USDT/ }).isChecked()).toBe(true);
    // The button names what will be paid: the amount in the chosen asset, not the dollar total.
    await expectPrimaryText(page, new RegExp(`^Place order · ${escape(EXPECTED.usdt.shown)}$`));
    await centre(page, 'quote-summary');
    const checkoutShot = await s.screenshot('checkout-usd-and-usdt');

    const { orderId, initData, placed } = await placeOrderFromCheckout(page, shop.url);
    // The order is priced in dollars and locked its quotes in both assets when it was placed.
    expect({ currency: placed.currency, totalMinor: placed.totalMinor }).toEqual({ currency: 'USD', totalMinor: POT.priceMinor });
    expect(placed.quotes.map(({ asset, amount }) => ({ asset, amount }))).toEqual([
      { asset: 'TON', amount: EXPECTED.ton.nano },
      { asset: 'USDT', amount: EXPECTED.usdt.microUsdt },
    ]);

    // The payment card: the order's dollar total, and the choice made at checkout with its amount.
    expect(await page.getByTestId('order-total').textContent()).toBe(EXPECTED.total);
    const card = page.getByTestId('payment');
    await card.getByTestId('asset-choice').waitFor();
    expect(await card.getByRole('radio', { name: /USDT/ }).isChecked()).toBe(true);
    expect(await optionAmount(page, 'payment', 'USDT')).toBe(EXPECTED.usdt.shown);

    // Connect the dev wallet and give it exactly the quote in USDT (it has TON for the fees already).
    const wallet = await connectDevWalletFromPaymentCard(page, shop.url);
    const { jettonWallet: customerUsdt } = await mintDevUsdt(shop.url, wallet.address, EXPECTED.usdt.microUsdt);
    const merchantUsdt = await devUsdtWalletOf(shop.url, placed.payment!.address);
    const merchantHeld = await jettonBalanceOf(shop.url, merchantUsdt);
    await expectPrimaryText(page, new RegExp(`^Pay ${escape(EXPECTED.usdt.shown)}$`));
    await centre(page, 'payment');
    const paymentShot = await s.screenshot('payment-card-usdt');

    // The shop asks the wallet for a jetton transfer of exactly the quote.
    expect((await requestUsdtPayment(page, orderId, wallet.address)).amount).toBe(EXPECTED.usdt.microUsdt);
    await page.getByTestId('dev-wallet-approval').waitFor();
    await page.getByTestId('dev-wallet-approve').click();

    await expectOrderStatus(page, 'paid', 30_000);
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    await expect.poll(() => page.getByTestId('paid-amounts').textContent()).toBe(`Paid ${EXPECTED.usdt.shown}`);
    expect(await page.getByTestId('order-total').textContent()).toBe(EXPECTED.total);
    await centre(page, 'payment');
    const paidShot = await s.screenshot('paid');

    // On the chain: 12,500,000 micro-USDT left the customer's jetton wallet and reached the merchant's.
    expect(await jettonBalanceOf(shop.url, customerUsdt)).toBe(0n);
    expect((await jettonBalanceOf(shop.url, merchantUsdt)) - merchantHeld).toBe(BigInt(EXPECTED.usdt.microUsdt));
    const paid = (await fetchOrder(shop.url, initData, orderId)) as unknown as QuotedOrder;
    expect(paid.status).toBe('paid');
    expect(paid.payments).toEqual([expect.objectContaining({ status: 'applied', asset: 'USDT', amountNano: EXPECTED.usdt.microUsdt, overpaymentNano: '0' })]);
    console.info(`[e2e] payment-fiat-usdt screenshots:\n  ${[checkoutShot, paymentShot, paidShot].join('\n  ')}`);

    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(new Set(s.externalRequests())).toEqual(new Set(s.externalRequests().length > 0 ? [TON_CONNECT_QR_LOGO] : []));
  });
});

/** The amount one asset's option shows, inside the element with this test id. */
function optionAmount(page: Page, scope: string, asset: string): Promise<string | null> {
  return page.getByTestId(scope).locator(`[data-testid="asset-option"][data-asset="${asset}"] [data-testid="asset-option-amount"]`).textContent();
}

/** Scrolls the element with this test id to the middle of the screen, for a screenshot of it. */
async function centre(page: Page, testId: string): Promise<void> {
  await page
    .getByTestId(testId)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&');
}

// Paying for an order with TON Connect, end to end: the built Mini App in headless Chromium, the real
// Node server in dev mode with its local dev chain (TON_NETWORK=local, the default), TON Connect UI and
// the Bazaar Dev Wallet, an injected wallet whose keys live on the dev chain and sign real V5R1 transfers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type BrowserSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { startE2eEnvironment, type E2eEnvironment } from './support/environment';
import { placeOrderWithPickup } from './support/checkout-form';
import { expectCartBadge, expectProductPage, openProduct, shownSlugs } from './support/mini-app';
import { checkoutOrderId, expectOrderStatus, expectPrimaryText, fetchOrder, primaryButton, readDevInitData, walletsModal } from './support/payment-shop';
import { TON_CONNECT_DESKTOP_VIEWPORT, TON_CONNECT_QR_LOGO } from './support/ton-connect-page';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('paying for an order with the dev wallet', () => {
  let env: E2eEnvironment;
  // Dev mode (no bot token): the server signs a demo customer into the page, as with `npm start`.
  const server = () => env.devServer;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  });
  afterAll(() => env?.close());
  afterEach(() => {
    // A 500 or a failing background job (the reconciler) is a failure even when the UI hid it well.
    expect(env?.devServer.loggedErrors() ?? []).toEqual([]);
  });

  const session = async (name: string) => {
    const s = await openSession(env.browser, { name: `payment/${name}`, origin: new URL(server().url).origin });
    await s.page.setViewportSize(TON_CONNECT_DESKTOP_VIEWPORT);
    return s;
  };
  const inStock = (slug: string) => (env.catalog.find((p) => p.slug === slug)?.stock ?? 0) > 0;
  const titleOf = (slug: string) => env.catalog.find((p) => p.slug === slug)!.title;

  /** Catalog → product → cart → checkout; returns the new order's id. */
  async function placeOrder(s: BrowserSession, shots: boolean): Promise<{ orderId: string; slug: string }> {
    const { page } = s;
    await page.goto(server().url);
    await page.getByTestId('dev-banner').waitFor();
    const slug = (await shownSlugs(page)).find(inStock)!;
    expect(slug, 'a product in stock').toBeTruthy();
    if (shots) await s.screenshot('catalog');
    await openProduct(page, slug);
    await expectProductPage(page, titleOf(slug));
    await primaryButton(page).click();
    await expectCartBadge(page, 1);
    if (shots) await s.screenshot('product-added');
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();
    await expectPrimaryText(page, /check ?out/i);
    if (shots) await s.screenshot('cart');
    await primaryButton(page).click();
    await placeOrderWithPickup(page, () => primaryButton(page).click());
    await expectOrderStatus(page, 'pending');
    return { orderId: checkoutOrderId(page), slug };
  }

  /** Connect wallet → TON Connect's modal → Bazaar Dev Wallet. */
  async function connectDevWallet(s: BrowserSession, shots: boolean): Promise<void> {
    const { page } = s;
    await expectPrimaryText(page, /connect wallet/i);
    await primaryButton(page).click();
    const modal = walletsModal(page);
    await modal.getByText('Bazaar Dev Wallet').first().waitFor();
    if (shots) await s.screenshot('wallet-modal');
    await modal.getByText('Bazaar Dev Wallet').first().click();
    await page.getByTestId('wallet-connected').waitFor();
    await expect.poll(() => modal.isVisible(), { message: 'the wallets modal closes once connected' }).toBe(false);
  }

  /** Approves in the dev wallet's sheet; resolves once the app has handed the BOC to the shop. */
  async function approveAndSubmit(s: BrowserSession, orderId: string): Promise<void> {
    const { page } = s;
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment`));
    await page.getByTestId('dev-wallet-approve').click();
    const answer = await submitted;
    expect(answer.status(), 'POST /api/orders/:id/payment').toBe(200);
    expect(((await answer.json()) as { status: string }).status).toMatch(/^(confirming|paid)$/);
  }

  it('lets a customer connect the dev wallet in the TON Connect modal, pay, and see the order paid', async () => {
    const s = await session('pay');
    const { page } = s;
    const { orderId } = await placeOrder(s, true);
    await s.screenshot('checkout');
    const initData = await readDevInitData(page);
    const placed = await fetchOrder(server().url, initData, orderId);
    expect(placed.status).toBe('pending');

    await connectDevWallet(s, true);
    await expectPrimaryText(page, /^pay \d/i);
    expect(await page.getByTestId('wallet-connected').textContent()).toMatch(/paying from/i);
    await s.screenshot('wallet-connected');

    // Pay: TON Connect asks the dev wallet, which shows its approval sheet with the order's amount.
    await primaryButton(page).click();
    const approval = page.getByTestId('dev-wallet-approval');
    await approval.waitFor();
    expect(await page.getByTestId('payment-progress').getAttribute('data-step')).toBe('wallet');
    await s.screenshot('waiting-for-wallet');

    // Hold the BOC on its way to the shop for a moment, to see the "sent" step.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/orders/*/payment', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('dev-wallet-approve').click();
    await expect.poll(() => page.getByTestId('payment-progress').getAttribute('data-step')).toBe('sent');
    await s.screenshot('sent');
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment`));
    release();
    // The app hands the wallet's BOC to the shop (the reconciler would get there too, only later).
    const answer = await submitted;
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as { status: string }).status).toMatch(/^(confirming|paid)$/);

    // The server sees the transfer on the dev chain and marks the order paid.
    await expectOrderStatus(page, 'paid', 20_000);
    await expect.poll(() => page.getByTestId('payment-progress').getAttribute('data-step')).toBe('paid');
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    await s.screenshot('paid');

    // The API agrees: paid, with exactly one applied payment of the order's total.
    const paid = await fetchOrder(server().url, initData, orderId);
    expect(paid.status).toBe('paid');
    expect(paid.payment).toBeNull();
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments![0]).toMatchObject({ status: 'applied', amountNano: paid.totalMinor, overpaymentNano: '0' });

    // My orders, and the order's own page, say "Paid".
    await page.getByTestId('orders-link').first().click();
    await page.getByTestId('orders-page').waitFor();
    const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
    await expect.poll(() => row.getByTestId('order-status').textContent()).toBe('Paid');
    await s.screenshot('orders');
    await row.click();
    await page.getByTestId('order-page').waitFor();
    await expectOrderStatus(page, 'paid');
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    await s.screenshot('order');

    expectClean(s, { modalOpened: true });
  });

  it('returns to awaiting payment when the customer declines in the wallet, and pays after a reload restores the wallet', async () => {
    const s = await session('decline-then-pay');
    const { page } = s;
    const { orderId } = await placeOrder(s, false);
    const initData = await readDevInitData(page);
    await connectDevWallet(s, false);
    const connectedAs = await page.getByTestId('wallet-connected').textContent();

    await expectPrimaryText(page, /^pay \d/i);
    await primaryButton(page).click();
    await page.getByTestId('dev-wallet-approval').waitFor();
    await page.getByTestId('dev-wallet-decline').click();

    // Not an error page: the order awaits payment, with a word on what happened.
    await expect.poll(() => page.getByTestId('payment').getAttribute('data-phase')).toBe('idle');
    expect(await page.getByTestId('payment-notice').getAttribute('data-notice')).toBe('declined');
    expect(await page.getByTestId('error-view').count()).toBe(0);
    await expectOrderStatus(page, 'pending');
    await expectPrimaryText(page, /^pay \d/i);
    await s.screenshot('declined');
    const afterDecline = await fetchOrder(server().url, initData, orderId);
    expect(afterDecline.status).toBe('pending');
    expect(afterDecline.payments).toEqual([]);

    // Coming back to the order: TON Connect restores the session and the dev wallet its stored wallet.
    await page.reload();
    await page.getByTestId('checkout-page').waitFor();
    await page.getByTestId('wallet-connected').waitFor();
    expect(await page.getByTestId('wallet-connected').textContent()).toBe(connectedAs);
    await s.screenshot('wallet-restored');

    await expectPrimaryText(page, /^pay \d/i);
    await primaryButton(page).click();
    await approveAndSubmit(s, orderId);
    await expectOrderStatus(page, 'paid', 20_000);
    await s.screenshot('paid');
    const paid = await fetchOrder(server().url, initData, orderId);
    expect(paid.status).toBe('paid');
    expect(paid.payments?.map((p) => p.status)).toEqual(['applied']);

    expectClean(s, { modalOpened: true });
  });

  it('connects the dev wallet without the modal on a phone-sized screen, where TON Connect UI lists no injected wallets', async () => {
    const s = await openSession(env.browser, { name: 'payment/phone', origin: new URL(server().url).origin });
    const { page } = s;
    const { orderId } = await placeOrder(s, false);
    await s.screenshot('checkout');
    await expectPrimaryText(page, /connect wallet/i);
    await primaryButton(page).click();
    await page.getByTestId('wallet-connected').waitFor();
    expect(await walletsModal(page).isVisible()).toBe(false);
    await primaryButton(page).click();
    await page.getByTestId('dev-wallet-approval').waitFor();
    await s.screenshot('waiting-for-wallet');
    await approveAndSubmit(s, orderId);
    await expectOrderStatus(page, 'paid', 20_000);
    await s.screenshot('paid');
    const paid = await fetchOrder(server().url, await readDevInitData(page), orderId);
    expect(paid.payments?.map((p) => p.status)).toEqual(['applied']);

    expectClean(s, { modalOpened: false });
  });

  function expectClean(s: BrowserSession, { modalOpened }: { modalOpened: boolean }): void {
    expect(s.problems(), 'page errors and console errors').toEqual([]);
    const external = s.externalRequests();
    expect(new Set(external), 'requests to other origins').toEqual(new Set(modalOpened && external.length > 0 ? [TON_CONNECT_QR_LOGO] : []));
  }
});

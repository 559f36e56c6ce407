// The shop as a plain website, in Chromium against the real Node server: no Telegram around the page, no
// dev-mode customer. Browsing needs no sign-in; checkout does. Sign in with Telegram's Login Widget (data
// signed for the test bot, as Telegram would) or with a TON wallet's ton_proof (the dev wallet, keys on the
// dev chain), pay with the dev wallet, and find the order in the same customer's Mini App.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PHONE_VIEWPORT, type BrowserSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { DEMO_PICKUP, expectQuotedTotal, placeOrderWithPickup, waitForCheckoutForm } from './support/checkout-form';
import { expectCartBadge, expectProductPage, openInTelegram, openProduct, shownSlugs } from './support/mini-app';
import { checkoutOrderId, expectOrderStatus, expectPrimaryText, primaryButton, walletsModal } from './support/payment-shop';
import { E2E_BOT_TOKEN } from './support/server';
import { fetchOrders } from './support/shop-api';
import { LIGHT_THEME } from './support/telegram';
import { startWebE2eEnvironment, E2E_BOT_USERNAME, type WebE2eEnvironment } from './support/web-environment';
import {
  confirmInTelegramAs,
  expectPath,
  fetchMe,
  readFocus,
  readWidgetTags,
  sessionCookie,
  stubTelegramWidget,
  tabTo,
  TELEGRAM_WIDGET_URL,
  type FocusStop,
} from './support/web-shop';
import { TON_CONNECT_QR_LOGO } from './support/ton-connect-page';

const chromium = checkChromium();

const DESKTOP_VIEWPORT = { width: 1280, height: 800 } as const;

describe.skipIf(!chromium.run)('the shop as a website', () => {
  let env: WebE2eEnvironment;
  beforeAll(async () => {
    env = await startWebE2eEnvironment();
  });
  afterAll(() => env?.close());
  afterEach(() => {
    expect(env?.server.loggedErrors() ?? []).toEqual([]);
  });

  const origin = () => new URL(env.server.url).origin;
  const inStock = (slug: string) => (env.catalog.find((p) => p.slug === slug)?.stock ?? 0) > 0;
  const titleOf = (slug: string) => env.catalog.find((p) => p.slug === slug)!.title;

  async function webSession(name: string): Promise<BrowserSession> {
    const s = await openSession(env.browser, { name: `web/${name}`, origin: origin() });
    await stubTelegramWidget(s.page);
    return s;
  }

  /** A screenshot at the phone size and one at a desktop size, then back to the phone. */
  async function screenshotBoth(s: BrowserSession, step: string): Promise<void> {
    await s.screenshot(`${step}-390x844`);
    await s.page.setViewportSize(DESKTOP_VIEWPORT);
    await s.screenshot(`${step}-1280x800`);
    await s.page.setViewportSize(PHONE_VIEWPORT);
  }

  /** Phone-sized, TON Connect connects the dev wallet at once (no modal); then pay and approve. */
  async function payWithDevWallet(page: Page, orderId: string): Promise<void> {
    await expectPrimaryText(page, /connect wallet/i);
    await primaryButton(page).click();
    await page.getByTestId('wallet-connected').waitFor();
    await expectPrimaryText(page, /^pay \d/i);
    await primaryButton(page).click();
    await page.getByTestId('dev-wallet-approval').waitFor();
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment`));
    await page.getByTestId('dev-wallet-approve').click();
    expect((await submitted).status()).toBe(200);
    await expectOrderStatus(page, 'paid', 20_000);
  }

  it('lets a visitor browse without signing in, sign in with Telegram at checkout, pay, and see the order in the Mini App', async () => {
    const s = await webSession('telegram-purchase');
    const { page } = s;
    const ordersAsked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/orders')) ordersAsked.push(`${r.method()} ${r.url()}`);
    });

    // A plain website: no dev banner, a way to sign in in the header, the catalog for everyone.
    await page.goto(env.server.url);
    const slug = (await shownSlugs(page)).find(inStock)!;
    expect(await page.getByTestId('dev-banner').count()).toBe(0);
    await page.getByTestId('sign-in-link').waitFor();
    await s.screenshot('catalog');
    await openProduct(page, slug);
    await expectProductPage(page, titleOf(slug));
    await primaryButton(page).click();
    await expectCartBadge(page, 1);
    await page.getByTestId('cart-badge').click();
    await page.getByTestId('cart-page').waitFor();

    // Checkout needs a customer: the sign-in screen, and no order request went out.
    await expectPrimaryText(page, /check ?out/i);
    await primaryButton(page).click();
    await page.getByTestId('sign-in-page').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/checkout');
    expect(ordersAsked).toEqual([]);
    await page.getByTestId('telegram-widget-stub').waitFor();
    expect(await readWidgetTags(page)).toEqual([
      expect.objectContaining({
        src: 'https://telegram.org/js/telegram-widget.js?22',
        'data-telegram-login': E2E_BOT_USERNAME,
        'data-size': 'large',
        'data-request-access': 'write',
        'data-onauth': expect.stringMatching(/\(user\)$/),
      }),
    ]);
    await screenshotBoth(s, 'sign-in');

    // Telegram confirms, the widget calls back: the shop signs the customer in and the cart comes back.
    const user = { id: 7_100_001, first_name: 'Leyla', username: 'leyla_web' };
    await confirmInTelegramAs(page, user);
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/telegram-widget'));
    await page.getByTestId('telegram-widget-stub').click();
    expect((await signedIn).status()).toBe(200);
    await waitForCheckoutForm(page);
    await page.getByTestId('account-link').waitFor();
    const cookie = await sessionCookie(s.context, env.server.url);
    const me = await fetchMe(env.server.url, cookie);
    expect(me).toMatchObject({ status: 200, body: { via: 'session', customer: { telegramId: String(user.id), firstName: 'Leyla' } } });

    // Pickup at the stall, then pay with the dev wallet, as in the Mini App.
    await placeOrderWithPickup(page, () => primaryButton(page).click());
    await expectOrderStatus(page, 'pending');
    const orderId = checkoutOrderId(page);
    await expectPrimaryText(page, /connect wallet/i);
    await screenshotBoth(s, 'checkout');
    await payWithDevWallet(page, orderId);
    await screenshotBoth(s, 'checkout-paid');

    // The account: who is signed in, and that a wallet can be linked.
    await page.getByTestId('account-link').click();
    await page.getByTestId('account-page').waitFor();
    expect(await page.getByTestId('account-telegram').textContent()).toBe('@leyla_web');
    await page.getByTestId('link-wallet').waitFor();
    await screenshotBoth(s, 'account');
    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(s.externalRequests(), 'requests to other origins').toEqual([]);

    // The same person opens the shop in Telegram: the same customer, the same order, paid.
    const mini = await openSession(env.browser, { name: 'web/telegram-purchase-mini-app', origin: origin() });
    const initData = await openInTelegram(mini, {
      baseUrl: env.server.url,
      botToken: E2E_BOT_TOKEN,
      theme: LIGHT_THEME,
      user: { id: user.id, first_name: user.first_name, language_code: 'en' },
    });
    await mini.page.getByTestId('orders-link').first().click();
    const row = mini.page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
    await expect.poll(() => row.getByTestId('order-status').textContent(), { timeout: 10_000 }).toBe('Paid');
    await mini.screenshot('mini-app-orders');
    expect((await fetchOrders(env.server.url, initData)).map((o) => o.id)).toEqual([orderId]);
    expect(mini.problems()).toEqual([]);
  });

  it('can be bought from with the keyboard alone: Tab, Enter and Space, the focus always in sight', async () => {
    const s = await webSession('keyboard-purchase');
    const { page } = s;
    const stops: FocusStop[] = [];
    const slug = env.catalog.find((p) => p.stock > 1 && p.slug !== env.catalog[0]!.slug)?.slug ?? env.catalog.find((p) => inStock(p.slug))!.slug;
    await page.goto(env.server.url);
    await page.getByTestId('catalog-grid').waitFor();

    // The first Tab lands on "Skip to content"; Enter puts the focus on the screen itself.
    await page.keyboard.press('Tab');
    expect(await readFocus(page)).toEqual({ element: expect.stringContaining('Skip to content'), visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');

    await tabTo(page, `[data-testid="product-card"][data-slug="${slug}"] a`, stops);
    await page.keyboard.press('Enter');
    await expectProductPage(page, titleOf(slug));
    await tabTo(page, '[data-testid="main-button-fallback"]', stops);
    await page.keyboard.press('Space');
    await expectCartBadge(page, 1);
    await s.screenshot('product-added');

    // Forward through the page and round to the header's cart.
    await tabTo(page, '[data-testid="cart-badge"]', stops);
    await page.keyboard.press('Enter');
    await page.getByTestId('cart-page').waitFor();
    await tabTo(page, '[data-testid="main-button-fallback"]', stops);
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-in-page').waitFor();

    await confirmInTelegramAs(page, { id: 7_100_003, first_name: 'Kian' });
    await tabTo(page, '[data-testid="telegram-widget-stub"]', stops);
    await s.screenshot('sign-in-focused');
    await page.keyboard.press('Enter');
    await waitForCheckoutForm(page);

    // The checkout form: the arrow keys move through the delivery methods (one radio group), Space picks
    // the pickup point, Enter places the order.
    await tabTo(page, '[data-testid="delivery-method"] input', stops);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(DEMO_PICKUP.methodId);
    await tabTo(page, '[data-testid="pickup-point"] input', stops);
    await page.keyboard.press('Space');
    await expectQuotedTotal(page);
    await tabTo(page, '[data-testid="main-button-fallback"]', stops);
    await s.screenshot('checkout-form-focused');
    await page.keyboard.press('Enter');
    await page.getByTestId('checkout-page').waitFor();
    const orderId = checkoutOrderId(page);
    await expectPrimaryText(page, /connect wallet/i);
    await tabTo(page, '[data-testid="main-button-fallback"]', stops);
    await page.keyboard.press('Enter');
    await page.getByTestId('wallet-connected').waitFor();
    await expectPrimaryText(page, /^pay \d/i);
    await tabTo(page, '[data-testid="main-button-fallback"]', stops);
    await s.screenshot('pay-focused');
    await page.keyboard.press('Enter');

    // The wallet's sheet takes the focus on its approve button, as a wallet's own window would; Tab stays
    // inside it, Escape declines and gives the focus back to Pay.
    const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await page.getByTestId('dev-wallet-approval').waitFor();
    expect(await focusedTestId()).toBe('dev-wallet-approve');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('dev-wallet-decline');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('dev-wallet-approve');
    await page.keyboard.press('Escape');
    await page.getByTestId('dev-wallet-approval').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('payment-notice').getAttribute('data-notice')).toBe('declined');
    await expectPrimaryText(page, /^pay \d/i);
    await expect.poll(focusedTestId, { message: 'the focus back on Pay' }).toBe('main-button-fallback');
    await page.keyboard.press('Enter');
    await page.getByTestId('dev-wallet-approval').waitFor();
    expect(await focusedTestId()).toBe('dev-wallet-approve');
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/orders/${orderId}/payment`));
    await page.keyboard.press('Enter');
    expect((await submitted).status()).toBe(200);
    await expectOrderStatus(page, 'paid', 20_000);
    await s.screenshot('paid');

    expect(stops.length).toBeGreaterThan(5);
    expect(
      stops.filter((stop) => !stop.visible),
      'focus stops a keyboard user could not see',
    ).toEqual([]);
    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(s.externalRequests()).toEqual([]);
  });

  it('says so when Telegram cannot be reached (its widget is blocked) and keeps the wallet sign-in', async () => {
    // No stub: the suite's browser blocks telegram.org, as a country that blocks Telegram would.
    const s = await openSession(env.browser, { name: 'web/telegram-blocked', origin: origin() });
    const { page } = s;
    await page.goto(`${env.server.url}/sign-in?next=%2Fcart`);
    await page.getByTestId('telegram-login-unavailable').waitFor();
    expect(await page.getByTestId('telegram-login-unavailable').textContent()).toMatch(/sign in with a TON wallet/i);
    expect(await page.getByTestId('wallet-sign-in').isEnabled()).toBe(true);
    await s.screenshot('sign-in');
    expect(s.externalRequests()).toEqual([TELEGRAM_WIDGET_URL]);
    expect(s.problems()).toEqual([]);
  });

  it('signs in with a TON wallet (ton_proof from the dev wallet), links Telegram, and signs out', async () => {
    const s = await webSession('wallet-sign-in');
    const { page } = s;
    await page.setViewportSize(DESKTOP_VIEWPORT);
    await page.goto(`${env.server.url}/orders`);
    // My orders needs a customer: straight to the sign-in screen, which comes back here afterwards.
    await page.getByTestId('sign-in-page').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/orders');

    // TON Connect's wallets list (the full list on a real network; the dev wallet on the dev chain).
    await page.getByTestId('wallet-sign-in').click();
    const modal = walletsModal(page);
    await modal.getByText('Bazaar Dev Wallet').first().waitFor();
    await s.screenshot('wallet-list');
    const proven = page.waitForResponse((r) => r.url().endsWith('/api/auth/ton-proof'));
    await modal.getByText('Bazaar Dev Wallet').first().click();
    const answer = await proven;
    expect(answer.status()).toBe(200);
    const walletAddress = ((await answer.json()) as { customer: { walletAddress: string } }).customer.walletAddress;
    expect(walletAddress).toMatch(/^0:[0-9a-f]{64}$/);
    await page.getByTestId('orders-page').waitFor();
    await expectPath(page, '/orders');

    const cookie = await sessionCookie(s.context, env.server.url);
    expect(await fetchMe(env.server.url, cookie)).toMatchObject({
      status: 200,
      body: { via: 'session', customer: { walletAddress, telegramId: null } },
    });

    // The account shows the wallet and offers Telegram; linking it reaches one customer.
    await page.getByTestId('account-link').click();
    await page.getByTestId('account-page').waitFor();
    expect(await page.getByTestId('account-telegram').textContent()).toBe('Not linked');
    await page.getByTestId('telegram-widget-stub').waitFor();
    await confirmInTelegramAs(page, { id: 7_100_002, first_name: 'Arman' });
    await page.getByTestId('telegram-widget-stub').click();
    await page.getByTestId('account-linked').waitFor();
    await expect.poll(() => page.getByTestId('account-telegram').textContent()).toBe('ID 7100002');
    await screenshotBoth(s, 'account-linked');
    expect(await fetchMe(env.server.url, cookie)).toMatchObject({ status: 200, body: { customer: { walletAddress, telegramId: '7100002' } } });

    // Sign out: the session is revoked on the server and the header offers sign-in again.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-link').waitFor();
    expect((await fetchMe(env.server.url, cookie)).status).toBe(401);

    expect(s.problems(), 'page errors and console errors').toEqual([]);
    expect(new Set(s.externalRequests())).toEqual(new Set(s.externalRequests().length > 0 ? [TON_CONNECT_QR_LOGO] : []));
  });
});

// A refund from the merchant's own wallet (#13), end to end: the built Mini App in headless Chromium opened
// as the shop's admin inside the Telegram-style launch, the real Node server on its local dev chain, TON
// Connect with the Bazaar Dev Wallet. The dev wallet first connects as a wallet of its own (refused on the
// screen, before anything is signed), then as the shop's wallet (the dev chain's merchant wallet answers to
// the id "merchant"), signs, and the shop confirms the refund from the chain and tells the customer.
import { formatTon } from '../../contract/format-ton';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, E2E_CUSTOMER, startAdminE2eEnvironment, type AdminE2eEnvironment } from './support/admin-environment';
import { call, fetchProduct, placePaidOrder, putDeliveryMethods } from './support/admin-shop';
import { findAccessibilityViolations } from './support/axe';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { nextFrames } from './support/layout';
import { openInTelegram } from './support/mini-app';
import { E2E_BOT_TOKEN } from './support/server';
import { LIGHT_THEME, signTestInitData } from './support/telegram';

const chromium = checkChromium();

// The dev wallet keeps the id of the wallet it is in localStorage (features/payment/dev-wallet).
const DEV_WALLET_ID_KEY = 'bazaar:dev-wallet-id';

interface RefundsView {
  refunds: { id: string; amount: string; status: string; messageHash: string | null; transactionHash: string | null }[];
  refundable: { left: string; paid: string } | null;
}

describe.skipIf(!chromium.run)('refunding an order from the admin with the shop’s own wallet', () => {
  let env: AdminE2eEnvironment;
  beforeAll(async () => {
    env = await startAdminE2eEnvironment();
    await putDeliveryMethods(env.server.url, await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN }), []);
  });
  afterAll(() => env?.close());
  afterEach(() => {
    expect(env?.server.loggedErrors() ?? []).toEqual([]);
    expect(env?.botApi.unexpected ?? []).toEqual([]);
  });

  it('refuses another wallet on the screen, then signs with MERCHANT_ADDRESS, and the refund is confirmed from the chain', async () => {
    const product = await fetchProduct(env.server.url, 'travel-mug');
    const customerInitData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_CUSTOMER });
    const order = await placePaidOrder(env.server.url, customerInitData, [{ productId: product.id, quantity: 1 }]);
    const adminInitData = await signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN });

    const s = await openSession(env.browser, { name: 'admin/refund', origin: new URL(env.server.url).origin });
    const { page } = s;
    await openInTelegram(s, { baseUrl: env.server.url, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: E2E_ADMIN });
    await page.getByTestId('catalog-grid').waitFor();
    await page.getByTestId('admin-link').click();
    await page.getByTestId('admin-nav-orders').waitFor();
    await page.locator(`[data-testid="admin-order-row"][data-code="${order.code}"]`).click();
    const section = page.getByTestId('ton-refund');
    await section.waitFor();
    // What is left, in TON, exactly: the whole order.
    expect(await page.getByTestId('refund-amount').inputValue()).toBe(formatTon(order.totalMinor, { groupSeparator: '', unit: '' }));
    await section.scrollIntoViewIfNeeded();
    await nextFrames(page);
    await s.screenshot('refund-section');

    // A wallet that is not the shop's: shown as an error, and nothing can be signed.
    await page.getByTestId('refund-connect').click();
    await page.getByTestId('refund-wrong-wallet').waitFor();
    expect(await page.getByTestId('refund-sign').isDisabled()).toBe(true);
    await page.getByTestId('refund-wrong-wallet').scrollIntoViewIfNeeded();
    await nextFrames(page);
    expect(await findAccessibilityViolations(page), 'wrong wallet: accessibility').toEqual([]);
    await s.screenshot('wrong-wallet');
    await page.getByTestId('refund-disconnect').click();
    await page.getByTestId('refund-connect').waitFor();

    // The shop's wallet: the dev chain's merchant wallet.
    await page.evaluate(([key]) => window.localStorage.setItem(key!, 'merchant'), [DEV_WALLET_ID_KEY]);
    await page.getByTestId('refund-connect').click();
    await page.getByTestId('refund-wallet').waitFor();
    expect(await page.getByTestId('refund-wrong-wallet').count()).toBe(0);

    // A part of it: 0.5 TON.
    await page.getByTestId('refund-amount').fill('0.5');
    await page.getByTestId('refund-sign').click();
    await page.getByTestId('dev-wallet-approval').waitFor();
    await s.screenshot('wallet-approval');
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/refunds\/[^/]+\/boc$/.test(r.url()));
    await page.getByTestId('dev-wallet-approve').click();
    expect((await submitted).status()).toBe(200);

    // The server's confirm-refunds job reads the chain (every 2 s on the dev chain); the screen polls.
    const row = page.getByTestId('refund-row').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000, message: 'the refund confirmed' }).toBe('confirmed');
    await page.getByTestId('refund-list').scrollIntoViewIfNeeded();
    await nextFrames(page);
    expect(await findAccessibilityViolations(page), 'refund confirmed: accessibility').toEqual([]);
    await s.screenshot('refund-confirmed');

    const view = await call<RefundsView>(env.server.url, `/api/admin/orders/${order.id}/refunds`, { initData: adminInitData });
    expect(view.refunds).toEqual([expect.objectContaining({ amount: '500000000', status: 'confirmed' })]);
    expect(view.refunds[0]!.transactionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.refundable!.left).toBe((BigInt(order.totalMinor) - 500_000_000n).toString());
    // The customer is told in the chat, once.
    await expect
      .poll(() => env.botApi.callsOf('sendMessage').filter((m) => String(m.text).includes(`<code>refund:${order.code}</code>`)).length, { timeout: 15_000 })
      .toBe(1);
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  });
});

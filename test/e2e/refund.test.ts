// A refund from the merchant's own wallet (#13), end to end: the built Mini App in headless Chromium opened
// as the shop's admin inside the Telegram-style launch, the real Node server on its local dev chain taking
// TON and the dev USDT (ACCEPTED_ASSETS=TON,USDT), TON Connect with the Bazaar Dev Wallet. An order is
// refunded in what it was paid in. In TON, the dev wallet first connects as a wallet of its own (refused on
// the screen, before anything is signed), then as the shop's wallet (the dev chain's merchant wallet answers
// to the id "merchant"), signs, and the shop confirms the refund from the chain and tells the customer. In
// USDT, the shop's wallet signs a jetton transfer from its own USDT jetton wallet, part then the rest, and
// the customer's USDT jetton wallet gets exactly that many micro-USDT.
import { formatTon } from '../../contract/format-ton';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, E2E_CUSTOMER, startAdminE2eEnvironment, type AdminE2eEnvironment } from './support/admin-environment';
import { connectMerchantWallet, expectRefundConfirmed, openAdminOrder, signRefund, type RefundsView } from './support/admin-refund';
import { call, fetchProduct, placePaidOrder, putDeliveryMethods } from './support/admin-shop';
import { findAccessibilityViolations } from './support/axe';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { formatMicroUsdt, jettonBalanceOf } from './support/dev-chain';
import { nextFrames } from './support/layout';
import { E2E_BOT_TOKEN } from './support/server';
import { signTestInitData } from './support/telegram';

const chromium = checkChromium();

describe.skipIf(!chromium.run)('refunding an order from the admin with the shop’s own wallet', () => {
  let env: AdminE2eEnvironment;
  beforeAll(async () => {
    env = await startAdminE2eEnvironment({ env: { ACCEPTED_ASSETS: 'TON,USDT' } });
    await putDeliveryMethods(env.server.url, await adminInitData(), []);
  });
  afterAll(() => env?.close());
  afterEach(() => {
    expect(env?.server.loggedErrors() ?? []).toEqual([]);
    expect(env?.botApi.unexpected ?? []).toEqual([]);
  });

  const adminInitData = () => signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_ADMIN });
  const customerInitData = () => signTestInitData({ botToken: E2E_BOT_TOKEN, user: E2E_CUSTOMER });
  const refundsOf = async (orderId: string) => call<RefundsView>(env.server.url, `/api/admin/orders/${orderId}/refunds`, { initData: await adminInitData() });
  /** The chat messages that told the customer of a refund of this order. */
  const refundMessages = (orderCode: string) =>
    env.botApi
      .callsOf('sendMessage')
      .map((m) => String(m.text))
      .filter((text) => text.includes(`<code>refund:${orderCode}</code>`));

  it('refuses another wallet on the screen, then signs with MERCHANT_ADDRESS, and the refund is confirmed from the chain', async () => {
    const product = await fetchProduct(env.server.url, 'travel-mug');
    const order = await placePaidOrder(env.server.url, await customerInitData(), [{ productId: product.id, quantity: 1 }]);

    const s = await openSession(env.browser, { name: 'admin/refund', origin: new URL(env.server.url).origin });
    const { page } = s;
    const section = await openAdminOrder(s, env.server.url, order.code);
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

    // The shop's wallet: the dev chain's merchant wallet. A part of the order: 0.5 TON.
    await connectMerchantWallet(page);
    await signRefund(page, '0.5', () => s.screenshot('wallet-approval'));
    await expectRefundConfirmed(page, 0);
    await page.getByTestId('refund-list').scrollIntoViewIfNeeded();
    await nextFrames(page);
    expect(await findAccessibilityViolations(page), 'refund confirmed: accessibility').toEqual([]);
    await s.screenshot('refund-confirmed');

    const view = await refundsOf(order.id);
    expect(view.refunds).toEqual([expect.objectContaining({ asset: 'TON', amount: '500000000', status: 'confirmed' })]);
    expect(view.refunds[0]!.transactionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.refundable!.left).toBe((BigInt(order.totalMinor) - 500_000_000n).toString());
    // The customer is told in the chat, once.
    await expect.poll(() => refundMessages(order.code).length, { timeout: 15_000 }).toBe(1);
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  });

  it('refunds an order paid in USDT in USDT: part, then the rest, each a jetton transfer of exact micro-USDT confirmed from the chain', async () => {
    const product = await fetchProduct(env.server.url, 'travel-mug');
    const order = await placePaidOrder(env.server.url, await customerInitData(), [{ productId: product.id, quantity: 1 }], {}, 'USDT');
    const paid = BigInt(order.quotes.find((q) => q.asset === 'USDT')!.amount);
    const payerUsdt = order.payer.jettonWallet!;
    const held = await jettonBalanceOf(env.server.url, payerUsdt);
    // About a third of it, ending in a 7 at USDT's sixth decimal: exact to the micro-USDT, none of TON's nine.
    const part = (paid / 30n) * 10n + 7n;
    const usdt = (minor: bigint) => `${formatMicroUsdt(minor)} USDT`;
    const typed = (minor: bigint) => formatMicroUsdt(minor).replace(/,/g, '');

    const s = await openSession(env.browser, { name: 'admin/refund-usdt', origin: new URL(env.server.url).origin });
    const { page } = s;
    const section = await openAdminOrder(s, env.server.url, order.code);
    // What is left, in USDT: the whole payment, typed in USDT's own six decimals.
    expect(await section.getByText(`${usdt(paid)} of ${usdt(paid)} can still be refunded`).count()).toBe(1);
    expect(await section.getByLabel('Amount to refund, USDT').inputValue()).toBe(typed(paid));

    await connectMerchantWallet(page);
    await page.getByTestId('refund-amount').fill(typed(part));
    expect(await page.getByTestId('refund-sign').textContent()).toBe(`Sign the refund of ${usdt(part)}`);
    await signRefund(page, null);
    const first = await expectRefundConfirmed(page, 0);
    expect(await first.locator('.money').textContent()).toBe(usdt(part));
    await page.getByTestId('refund-list').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await nextFrames(page);
    expect(await findAccessibilityViolations(page), 'USDT refund confirmed: accessibility').toEqual([]);
    await s.screenshot('part-confirmed');

    const afterPart = await refundsOf(order.id);
    expect(afterPart.refunds).toEqual([
      expect.objectContaining({ asset: 'USDT', amount: part.toString(), recipient: order.payer.address, status: 'confirmed' }),
    ]);
    expect(afterPart.refundable).toMatchObject({ asset: 'USDT', paid: paid.toString(), left: (paid - part).toString() });
    expect(await jettonBalanceOf(env.server.url, payerUsdt)).toBe(held + part);

    // The rest: the field offers what is left once the first refund is done.
    await expect.poll(() => page.getByTestId('refund-amount').inputValue(), { message: 'the rest offered' }).toBe(typed(paid - part));
    await signRefund(page, null);
    const second = await expectRefundConfirmed(page, 1);
    expect(await second.locator('.money').textContent()).toBe(usdt(paid - part));
    await expect.poll(() => page.getByTestId('refund-amount').count(), { message: 'nothing left to refund' }).toBe(0);
    expect(await section.getByText(`0 USDT of ${usdt(paid)} can still be refunded`).count()).toBe(1);
    await section.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await nextFrames(page);
    await s.screenshot('all-refunded');

    const refunded = await refundsOf(order.id);
    expect(refunded.refunds.map((r) => [r.asset, r.amount, r.status])).toEqual([
      ['USDT', part.toString(), 'confirmed'],
      ['USDT', (paid - part).toString(), 'confirmed'],
    ]);
    expect(refunded.refundable!.left).toBe('0');
    expect(await jettonBalanceOf(env.server.url, payerUsdt)).toBe(held + paid);
    // The customer is told of each, in USDT.
    await expect
      .poll(() => refundMessages(order.code), { timeout: 15_000 })
      .toEqual([expect.stringContaining(`${usdt(part)} refunded for order`), expect.stringContaining(`${usdt(paid - part)} refunded for order`)]);
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  });
});

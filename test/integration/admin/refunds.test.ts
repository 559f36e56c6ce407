import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Address } from '@ton/core';
import { and, eq } from 'drizzle-orm';
import { outboxMessages, refunds } from '../../../functions/adapters/db/schema';
import type { DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { REFUND_LAPSE_GRACE_SECONDS, REFUND_MESSAGE_SECONDS } from '../../../functions/core/refunds/refund-rules';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../../support/test-app';
import { adminAuth, asAdmin, placeOrder, productIdsBySlug, type PlacedOrder } from './admin-helpers';
import { refundCalls, type RefundJson, type SignJson } from './refund-helpers';

// Refunds from the merchant's own wallet, end to end on the dev chain: the admin asks, the merchant's dev
// wallet (MERCHANT_ADDRESS) signs and broadcasts what Bazaar built, the BOC comes back, and only the chain,
// read by the confirm-refunds job, makes a refund confirmed. Runs on PGlite, and on PostgreSQL with
// DATABASE_URL (where the two requests at once really race for the order's row).

let t: TestApp;
let mugId: string;
let nextUser = 31_000;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://shop.example' });
  mugId = (await productIdsBySlug(t)).get('travel-mug')!;
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const merchant = () => t.ton.dev.chain.merchant;
const { askRefund, submitBoc, signIn } = refundCalls(() => t);

/** A customer orders a mug and pays it from `payer`, a dev wallet of their own. */
async function paidOrder(payer?: DevWalletInfo): Promise<{ order: PlacedOrder; payer: DevWalletInfo }> {
  const wallet = payer ?? (await t.ton.dev.chain.createDevWallet());
  const order = await placeOrder(t, { id: nextUser++, firstName: 'Buyer' }, [{ productId: mugId, quantity: 1 }]);
  const boc = await t.ton.dev.chain.signTransfer(wallet.id, {
    messages: [{ address: t.deps.payments.merchant.friendly, amount: order.totalMinor, payload: buildCommentPayload(order.payment!.comment) }],
    validUntil: Math.floor(t.clock.now().getTime() / 1000) + 300,
  });
  await t.ton.dev.chain.sendExternal(boc);
  const res = await t.request(`/api/orders/${order.id}/payment`, { auth: order.auth, body: { boc } });
  expect(((await res.json()) as { status: string }).status).toBe('paid');
  return { order, payer: wallet };
}

/** The payment reconciler reads the merchant account to its head, then the refund job runs: as a cron run does. */
async function confirmJob() {
  await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
  const res = await t.request('/api/cron/confirm-refunds', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { checked: number; confirmed: number; lapsed: number };
}

async function refundsOf(orderId: string) {
  const res = await asAdmin(t, `/api/admin/orders/${orderId}/refunds`);
  expect(res.status).toBe(200);
  return res.body as { refunds: RefundJson[]; refundable: { asset: string; paid: string; left: string; payer: string } | null };
}

/** A refund the merchant asks for, signs with MERCHANT_ADDRESS's wallet and hands back: `sent`. */
async function sentRefund(orderId: string, amount: bigint): Promise<RefundJson> {
  const asked = await askRefund(orderId, amount);
  expect(asked.status, asked.text).toBe(201);
  const boc = await signIn(merchant().id, asked.body.transaction);
  const submitted = await submitBoc(orderId, asked.body.refund.id, boc);
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body.refund as RefundJson;
}

async function refundMessages(orderId: string) {
  return t.db.handle.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.orderId, orderId), eq(outboxMessages.kind, 'refund_confirmed_customer')));
}

async function latestTransactionOf(address: string) {
  return (await t.ton.chain.listAccountTransactions(address, 0n, 1000)).at(-1)!;
}

describe('a refund from the merchant’s own wallet', () => {
  it('is requested, signed by MERCHANT_ADDRESS, sent, confirmed from the chain, and the customer is told once', async () => {
    const { order, payer } = await paidOrder();
    const paid = BigInt(order.totalMinor);
    expect((await refundsOf(order.id)).refundable).toEqual({ asset: 'TON', paid: order.totalMinor, left: order.totalMinor, payer: payer.address });

    const part = paid / 4n;
    const asked = await askRefund(order.id, part);
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.refund).toMatchObject({ asset: 'TON', amount: part.toString(), recipient: payer.address, status: 'requested', messageHash: null });
    const transaction = asked.body.transaction as SignJson;
    expect(transaction).toMatchObject({ from: merchant().address, network: '-3' });
    expect(transaction.validUntil).toBe(Math.floor(t.clock.now().getTime() / 1000) + REFUND_MESSAGE_SECONDS);
    const destination = Address.parseFriendly(transaction.messages[0]!.address);
    expect(destination.address.toRawString()).toBe(payer.address);
    expect(destination.isBounceable).toBe(false);

    const boc = await signIn(merchant().id, transaction);
    const submitted = await submitBoc(order.id, asked.body.refund.id, boc);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.refund).toMatchObject({ status: 'sent', messageHash: parseTransferBoc(boc).hashNorm });

    expect(await confirmJob()).toMatchObject({ confirmed: 1 });
    const merchantTx = await latestTransactionOf(merchant().address);
    const [confirmed] = (await refundsOf(order.id)).refunds;
    expect(confirmed).toMatchObject({ status: 'confirmed', transactionHash: merchantTx.hash });
    // The customer's wallet got exactly the amount, with the order's refund comment.
    expect((await latestTransactionOf(payer.address)).inMessage).toMatchObject({
      source: merchant().address,
      valueNano: part,
      comment: `refund:${order.code}`,
    });

    await confirmJob();
    const messages = await refundMessages(order.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ dedupeKey: `refund_confirmed:${confirmed!.id}`, payload: { asset: 'TON', amount: part.toString() } });

    // The admin's order shows it.
    const detail = await asAdmin(t, `/api/admin/orders/${order.id}`);
    expect(detail.body.order.refunds).toEqual([expect.objectContaining({ id: confirmed!.id, status: 'confirmed', transactionHash: merchantTx.hash })]);
    // The notify job tells the customer in the chat, in their language, with the amount.
    await t.request('/api/cron/notify', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    const sent = t.bot.callsOf('sendMessage').filter((m) => String(m.text).includes(`refund`) && String(m.text).includes(order.code));
    expect(sent).toHaveLength(1);
  });

  it('gives back a part, then the rest, and nothing more than was paid', async () => {
    const { order } = await paidOrder();
    const paid = BigInt(order.totalMinor);
    await sentRefund(order.id, paid / 3n);
    await confirmJob();
    expect((await refundsOf(order.id)).refundable!.left).toBe((paid - paid / 3n).toString());

    const tooMuch = await askRefund(order.id, paid - paid / 3n + 1n);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', refundable: (paid - paid / 3n).toString() });

    await sentRefund(order.id, paid - paid / 3n);
    await confirmJob();
    const after = await refundsOf(order.id);
    expect(after.refunds.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(after.refundable!.left).toBe('0');
    expect((await askRefund(order.id, 1n)).body.error.code).toBe('REFUND_EXCEEDS_PAID');
    // The order's status tells where the goods are; its refunds are beside it (ADR 0021).
    expect((await asAdmin(t, `/api/admin/orders/${order.id}`)).body.order.status).toBe('paid');
  });

  it('is refused for an unpaid order, a zero amount, or more than was paid', async () => {
    const unpaid = await placeOrder(t, { id: nextUser++ }, [{ productId: mugId, quantity: 1 }]);
    expect((await askRefund(unpaid.id, 1n)).body.error.code).toBe('ORDER_NOT_REFUNDABLE');
    const { order } = await paidOrder();
    expect((await askRefund(order.id, 0n)).status).toBe(400);
    const over = await askRefund(order.id, BigInt(order.totalMinor) + 1n);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('REFUND_EXCEEDS_PAID');
    expect((await askRefund(order.id, '1.5')).status).toBe(400);
    expect((await askRefund('00000000-0000-4000-8000-000000000000', 1n)).status).toBe(404);
    expect((await refundsOf(order.id)).refunds).toEqual([]);
  });

  it('is refused, before anything is signed, when the connected wallet is not MERCHANT_ADDRESS', async () => {
    const { order, payer } = await paidOrder();
    const other = await askRefund(order.id, 1n, payer.address);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('REFUND_WRONG_WALLET');
    expect(other.body.transaction).toBeUndefined();
    // The same wallet in its user-friendly form is the shop's.
    expect((await askRefund(order.id, 1n, t.deps.payments.merchant.friendly)).status).toBe(201);
    expect((await askRefund(order.id, 1n, 'not an address')).status).toBe(400);
  });

  it('refuses a BOC signed by another wallet, or one that is not the refund, and keeps waiting for the right one', async () => {
    const { order } = await paidOrder();
    const asked = await askRefund(order.id, 1_000_000n);
    const transaction = asked.body.transaction as SignJson;
    const intruder = await t.ton.dev.chain.createDevWallet();
    const foreign = await t.ton.dev.chain.signTransfer(intruder.id, { messages: transaction.messages, validUntil: transaction.validUntil });
    const refused = await submitBoc(order.id, asked.body.refund.id, foreign);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('REFUND_WRONG_WALLET');

    const otherAmount = await t.ton.dev.chain.signTransfer(merchant().id, {
      messages: [{ ...transaction.messages[0]!, amount: '2000000' }],
      validUntil: transaction.validUntil,
    });
    expect((await submitBoc(order.id, asked.body.refund.id, otherAmount)).body.error.code).toBe('REFUND_MESSAGE_MISMATCH');
    const later = await t.ton.dev.chain.signTransfer(merchant().id, { messages: transaction.messages, validUntil: transaction.validUntil + 3600 });
    expect((await submitBoc(order.id, asked.body.refund.id, later)).body.error.code).toBe('REFUND_MESSAGE_MISMATCH');
    expect((await submitBoc(order.id, asked.body.refund.id, 'bm90IGEgYm9j')).status).toBe(400);

    const [stored] = (await refundsOf(order.id)).refunds;
    expect(stored).toMatchObject({ status: 'requested', messageHash: null });
    const boc = await signIn(merchant().id, transaction);
    expect((await submitBoc(order.id, asked.body.refund.id, boc)).body.refund.status).toBe('sent');
    // Once sent, it takes no second BOC.
    expect((await submitBoc(order.id, asked.body.refund.id, boc)).body.error.code).toBe('REFUND_NOT_AWAITING_SIGNATURE');
    await confirmJob();
  });

  it('lets the merchant sign again only after the previous message lapsed unconfirmed', async () => {
    const { order } = await paidOrder();
    const paid = BigInt(order.totalMinor);
    const first = await askRefund(order.id, paid);
    expect(first.status).toBe(201);
    // Signed in the wallet, never broadcast (the merchant closed the wallet): it may still land until valid_until.
    const inFlight = await askRefund(order.id, paid);
    expect(inFlight.status).toBe(409);
    expect(inFlight.body.error.code).toBe('REFUND_IN_FLIGHT');
    expect((await confirmJob()).lapsed).toBe(0);

    t.clock.advanceSeconds(REFUND_MESSAGE_SECONDS + REFUND_LAPSE_GRACE_SECONDS - 5);
    expect((await askRefund(order.id, paid)).body.error.code).toBe('REFUND_IN_FLIGHT');
    t.clock.advanceSeconds(10);
    expect((await confirmJob()).lapsed).toBeGreaterThanOrEqual(1);
    expect((await refundsOf(order.id)).refunds[0]!.status).toBe('lapsed');
    // A message signed for the lapsed refund is refused by the wallet now, so the whole amount is free again.
    const again = await sentRefund(order.id, paid);
    expect(again.status).toBe('sent');
    await confirmJob();
    expect((await refundsOf(order.id)).refunds.map((r) => r.status)).toEqual(['lapsed', 'confirmed']);
    expect(await refundMessages(order.id)).toHaveLength(1);
  });

  it('is confirmed from the merchant’s transfer when the wallet sent it but its BOC never came back', async () => {
    const { order } = await paidOrder();
    const asked = await askRefund(order.id, 5_000_000n);
    await signIn(merchant().id, asked.body.transaction);
    // The admin closed the page after signing: no BOC. Past the message's life, the job looks on chain first.
    t.clock.advanceSeconds(REFUND_MESSAGE_SECONDS + REFUND_LAPSE_GRACE_SECONDS + 1);
    expect((await confirmJob()).confirmed).toBe(1);
    expect((await refundsOf(order.id)).refunds[0]).toMatchObject({ status: 'confirmed' });
  });

  it('never adds up to more than was paid when requests arrive at once (the order’s row is locked)', async () => {
    const { order } = await paidOrder();
    // Signed once, up front: the requests then race from their first query on.
    const auth = await adminAuth(t);
    const ask = () => t.request(`/api/admin/orders/${order.id}/refunds`, { auth, body: { amount: order.totalMinor, wallet: merchant().address } });
    const answers = await Promise.all(Array.from({ length: 8 }, ask));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await t.db.handle.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows).toHaveLength(1);
  });

  it('shows in the order export, CSV and JSON', async () => {
    const { order } = await paidOrder();
    const refund = await sentRefund(order.id, 7_000_000n);
    await confirmJob();
    const [confirmed] = (await refundsOf(order.id)).refunds;
    const csv = await asAdmin(t, '/api/admin/export?kind=orders&format=csv');
    const header = csv.text.split('\n')[0]!;
    expect(header.split(',').at(-1)!.trim()).toBe('refunds');
    const row = csv.text.split('\n').find((line) => line.includes(order.code))!;
    expect(row).toContain(`TON 7000000 confirmed ${refund.messageHash} ${confirmed!.transactionHash}`);

    const json = await asAdmin(t, '/api/admin/export?kind=orders&format=json');
    const exported = (JSON.parse(json.text) as { items: { code: string; refunds: unknown[] }[] }).items.find((o) => o.code === order.code)!;
    expect(exported.refunds).toEqual([
      expect.objectContaining({
        asset: 'TON',
        amount: '7000000',
        status: 'confirmed',
        messageHash: refund.messageHash,
        transactionHash: confirmed!.transactionHash,
      }),
    ]);
  });
});

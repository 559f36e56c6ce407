import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Address, Cell } from '@ton/core';
import { and, eq } from 'drizzle-orm';
import { outboxMessages } from '../../../functions/adapters/db/schema';
import type { DevJetton } from '../../../functions/adapters/ton/dev-chain/dev-jettons';
import type { DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import { commentForwardPayload } from '../../../functions/core/payments/jetton-forward-payload';
import { buildJettonTransferBody, parseJettonTransferBody } from '../../../functions/core/payments/jetton-transfer-body';
import { parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { REFUND_LAPSE_GRACE_SECONDS, REFUND_MESSAGE_SECONDS } from '../../../functions/core/refunds/refund-rules';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../../support/test-app';
import { asAdmin, placeOrder, productIdsBySlug, type PlacedOrder } from './admin-helpers';
import { refundCalls, type RefundJson, type SignJson } from './refund-helpers';

// USDT refunds from the merchant's own wallet, end to end on the dev chain: an order paid in the dev USDT
// is refunded by a jetton transfer the merchant's dev wallet signs, through the merchant's own USDT jetton
// wallet to the customer's main wallet (the notification's sender), and only that jetton wallet's
// transaction, read by the confirm-refunds job, makes the refund confirmed. PGlite, or PostgreSQL with
// DATABASE_URL.

type UsdtPlacedOrder = PlacedOrder & { quotes: { asset: string; amount: string }[] };

let t: TestApp;
let usdt: DevJetton;
let mugId: string;
let nextUser = 41_000;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://shop.example', pricing: { accepted: ['TON', 'USDT'] } });
  usdt = await t.ton.dev.chain.jettons.usdt();
  mugId = (await productIdsBySlug(t)).get('travel-mug')!;
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const merchant = () => t.ton.dev.chain.merchant;
const calls = refundCalls(() => t);
const { askRefund, submitBoc } = calls;
/** The merchant's dev wallet signs and broadcasts the request, as TON Connect's sendTransaction does. */
const signIn = (transaction: SignJson) => calls.signIn(merchant().id, transaction);
const cron = (job: string) => t.request(`/api/cron/${job}`, { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
const balanceOf = (owner: string) => t.ton.dev.chain.jettons.balance(usdt.master, owner);

/** A customer orders a mug and pays its USDT quote from a dev wallet of their own, as any wallet app would. */
async function paidInUsdt(): Promise<{ order: UsdtPlacedOrder; payer: DevWalletInfo; paid: bigint }> {
  const order = (await placeOrder(t, { id: nextUser++, firstName: 'Buyer' }, [{ productId: mugId, quantity: 1 }])) as UsdtPlacedOrder;
  const paid = BigInt(order.quotes.find((q) => q.asset === 'USDT')!.amount);
  const payer = await t.ton.dev.chain.createDevWallet();
  await t.ton.dev.chain.jettons.mint(usdt.master, payer.address, paid);
  await t.ton.dev.chain.jettons.transfer(payer.id, { master: usdt.master, amount: paid, destination: merchant().address, comment: `bz:${order.code}` });
  expect((await cron('reconcile')).status).toBe(200);
  expect((await asAdmin(t, `/api/admin/orders/${order.id}`)).body.order.status).toBe('paid');
  return { order, payer, paid };
}

/** A refund asked for, signed by MERCHANT_ADDRESS's wallet and handed back: `sent`. */
async function sentRefund(orderId: string, amount: bigint): Promise<RefundJson> {
  const asked = await askRefund(orderId, amount);
  expect(asked.status, asked.text).toBe(201);
  const submitted = await submitBoc(orderId, asked.body.refund.id, await signIn(asked.body.transaction));
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body.refund as RefundJson;
}

/** The reconciler reads the merchant account to its head, then the refund job runs: as a cron run does. */
async function confirmJob() {
  expect((await cron('reconcile')).status).toBe(200);
  const res = await cron('confirm-refunds');
  expect(res.status).toBe(200);
  return (await res.json()) as { checked: number; confirmed: number; lapsed: number };
}

async function refundsOf(orderId: string) {
  const res = await asAdmin(t, `/api/admin/orders/${orderId}/refunds`);
  expect(res.status).toBe(200);
  return res.body as { refunds: RefundJson[]; refundable: { asset: string; paid: string; left: string; payer: string } | null };
}

async function latestTransactionOf(address: string) {
  return (await t.ton.chain.listAccountTransactions(address, 0n, 1000)).at(-1)!;
}

describe('a USDT refund from the merchant’s own jetton wallet', () => {
  it('is a jetton transfer of micro-USDT to the payer, confirmed from the jetton wallet’s transaction; then the rest, and never more', async () => {
    const { order, payer, paid } = await paidInUsdt();
    expect((await refundsOf(order.id)).refundable).toEqual({ asset: 'USDT', paid: paid.toString(), left: paid.toString(), payer: payer.address });
    const merchantJettonWallet = await t.ton.dev.chain.jettons.walletAddress(usdt.master, merchant().address);

    const part = paid / 4n;
    const asked = await askRefund(order.id, part);
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.refund).toMatchObject({ asset: 'USDT', amount: part.toString(), recipient: payer.address, status: 'requested' });
    const transaction = asked.body.transaction as SignJson;
    expect(transaction).toMatchObject({ from: merchant().address, network: '-3' });
    // One message: to the merchant's own USDT jetton wallet (bounceable), 0.05 TON for the fees, the jetton
    // transfer to the payer's main wallet in its body with the refund comment.
    const [message] = transaction.messages;
    expect(transaction.messages).toHaveLength(1);
    expect(Address.parseFriendly(message!.address)).toMatchObject({ isBounceable: true, isTestOnly: true });
    expect(Address.parse(message!.address).toRawString()).toBe(merchantJettonWallet);
    expect(message!.amount).toBe('50000000');
    const body = parseJettonTransferBody(Cell.fromBase64(message!.payload));
    expect(body.amount).toBe(part);
    expect(body.destination.toRawString()).toBe(payer.address);

    const before = await balanceOf(payer.address);
    const boc = await signIn(transaction);
    const submitted = await submitBoc(order.id, asked.body.refund.id, boc);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.refund).toMatchObject({ status: 'sent', messageHash: parseTransferBoc(boc).hashNorm });

    expect(await confirmJob()).toMatchObject({ confirmed: 1 });
    expect(await balanceOf(payer.address)).toBe(before + part);
    const [confirmed] = (await refundsOf(order.id)).refunds;
    // The transaction that proves it is the merchant's jetton wallet's, not the merchant wallet's.
    expect(confirmed).toMatchObject({ status: 'confirmed', transactionHash: (await latestTransactionOf(merchantJettonWallet)).hash });
    const messages = await t.db.handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.orderId, order.id), eq(outboxMessages.kind, 'refund_confirmed_customer')));
    expect(messages.map((m) => m.payload)).toEqual([{ refundId: confirmed!.id, asset: 'USDT', amount: part.toString() }]);

    const rest = paid - part;
    const tooMuch = await askRefund(order.id, rest + 1n);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', refundable: rest.toString() });

    await sentRefund(order.id, rest);
    expect(await confirmJob()).toMatchObject({ confirmed: 1 });
    expect(await balanceOf(payer.address)).toBe(before + paid);
    const after = await refundsOf(order.id);
    expect(after.refunds.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(after.refundable!.left).toBe('0');
    expect((await askRefund(order.id, 1n)).body.error.code).toBe('REFUND_EXCEEDS_PAID');

    // The customer is told in the chat, with the amount in USDT.
    await cron('notify');
    const told = t.bot.callsOf('sendMessage').filter((m) => String(m.text).includes(`refund:${order.code}`));
    // The mug is 36 USDT at the dev rates: a quarter, then the rest.
    expect(paid).toBe(36_000_000n);
    const amounts = told.map((m) => /<b>([\d.,]+ USDT) refunded/.exec(String(m.text))?.[1]).sort();
    expect(amounts).toEqual(['27 USDT', '9 USDT']);
  });

  it('refuses a signed message that carries another jetton transfer than the one built', async () => {
    const { order, payer } = await paidInUsdt();
    const asked = await askRefund(order.id, 1_000_000n);
    const transaction = asked.body.transaction as SignJson;
    const more = buildJettonTransferBody({
      queryId: 1n,
      amount: 2_000_000n,
      destination: Address.parse(payer.address),
      responseDestination: Address.parse(merchant().address),
      forwardTonAmountNano: 1n,
      forwardPayload: commentForwardPayload(`refund:${order.code}`),
    });
    const other = await t.ton.dev.chain.signTransfer(merchant().id, {
      messages: [{ ...transaction.messages[0]!, payload: more.toBoc().toString('base64') }],
      validUntil: transaction.validUntil,
    });
    expect((await submitBoc(order.id, asked.body.refund.id, other)).body.error.code).toBe('REFUND_MESSAGE_MISMATCH');
    expect((await refundsOf(order.id)).refunds[0]).toMatchObject({ status: 'requested', messageHash: null });
    // The message that was built is taken.
    expect((await submitBoc(order.id, asked.body.refund.id, await signIn(transaction))).body.refund.status).toBe('sent');
    expect(await confirmJob()).toMatchObject({ confirmed: 1 });
  });

  it('is confirmed from the jetton wallet when the merchant’s wallet sent it but its BOC never came back', async () => {
    const { order, payer } = await paidInUsdt();
    const before = await balanceOf(payer.address);
    const asked = await askRefund(order.id, 3_000_000n);
    await signIn(asked.body.transaction);
    // The admin closed the page after signing: no BOC. Past the message's life the job looks on chain first.
    expect((await confirmJob()).confirmed).toBe(0);
    t.clock.advanceSeconds(REFUND_MESSAGE_SECONDS + REFUND_LAPSE_GRACE_SECONDS + 1);
    expect((await confirmJob()).confirmed).toBe(1);
    expect((await refundsOf(order.id)).refunds[0]).toMatchObject({ status: 'confirmed' });
    expect(await balanceOf(payer.address)).toBe(before + 3_000_000n);
  });

  it('is not confirmed when the merchant’s jetton wallet cannot cover it: the wallet sent the message, no jettons moved', async () => {
    const { order, payer, paid } = await paidInUsdt();
    // Everything the merchant's jetton wallet holds goes elsewhere first.
    const elsewhere = await t.ton.dev.chain.createDevWallet();
    const held = await balanceOf(merchant().address);
    await t.ton.dev.chain.jettons.transfer(merchant().id, { master: usdt.master, amount: held, destination: elsewhere.address });
    expect(await balanceOf(merchant().address)).toBe(0n);
    const before = await balanceOf(payer.address);

    const refund = await sentRefund(order.id, paid);
    expect(refund.status).toBe('sent');
    // The merchant's wallet ran the message and sent the transfer; the jetton wallet refused it (and bounced).
    const merchantTx = (await t.ton.chain.findTransactionByInMessageHash(refund.messageHash!))!;
    const merchantJettonWallet = await t.ton.dev.chain.jettons.walletAddress(usdt.master, merchant().address);
    expect(merchantTx.outMessages.map((m) => m.destination)).toEqual([merchantJettonWallet]);
    expect((await latestTransactionOf(merchantJettonWallet)).phases).toMatchObject({ aborted: true });
    expect(await confirmJob()).toMatchObject({ confirmed: 0, lapsed: 1 });
    expect((await refundsOf(order.id)).refunds[0]).toMatchObject({ status: 'lapsed', transactionHash: null });
    expect(await balanceOf(payer.address)).toBe(before);
    // Its seqno is spent, so the amount is free again; with the jettons back, the refund goes through.
    await t.ton.dev.chain.jettons.mint(usdt.master, merchant().address, held);
    await sentRefund(order.id, paid);
    expect(await confirmJob()).toMatchObject({ confirmed: 1 });
    expect(await balanceOf(payer.address)).toBe(before + paid);
  });
});

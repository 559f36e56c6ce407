import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { payments, products } from '../../functions/adapters/db/schema';
import { buildCommentPayload } from '../../functions/core/payments/comment-payload';
import { createTestApp, TEST_ADMIN_IDS, TEST_CRON_SECRET, type TestApp } from '../support/test-app';

let t: TestApp;
let productIds: Map<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
  productIds = new Map(catalog.products.map((p) => [p.slug, p.id]));
});
afterAll(async () => {
  expect(t.errors.filter((e) => !String((e as { message: string }).message).includes('deferred to the reconciler'))).toEqual([]);
  await t.close();
});
beforeEach(() => {
  t.indexer.down = false;
});

interface OrderJson {
  id: string;
  code: string;
  status: string;
  totalNano: string;
  paidAt: string | null;
  payment: { address: string; amountNano: string; comment: string; payload: string; validUntil: number } | null;
  payments?: { txHash: string; lt: string; payerAddress: string; amountNano: string; overpaymentNano: string; status: string; reason: string | null }[];
}

let nextUser = 10_000;
async function newOrder(slug = 'travel-mug', quantity = 1): Promise<{ order: OrderJson; auth: string }> {
  await t.db.handle.db.update(products).set({ stock: 500 }).where(eq(products.slug, slug));
  const auth = await t.authFor({ id: nextUser++ });
  const res = await t.request('/api/orders', { auth, body: { items: [{ productId: productIds.get(slug)!, quantity }] } });
  expect(res.status).toBe(201);
  return { order: (await res.json()) as OrderJson, auth };
}

/** A customer's wallet on the dev chain, as TON Connect would drive it. */
async function customerWallet() {
  return t.ton.dev.chain.createDevWallet();
}

/** Signs a transfer with the customer's wallet; `broadcast` puts it on the chain as the wallet would. */
async function signPayment(
  walletId: string,
  transfer: { to?: string; amountNano: bigint | string; comment?: string | null },
  { broadcast = true } = {},
): Promise<string> {
  const boc = await t.ton.dev.chain.signTransfer(walletId, {
    messages: [
      {
        address: transfer.to ?? t.deps.payments.merchant.friendly,
        amount: String(transfer.amountNano),
        ...(transfer.comment != null && { payload: buildCommentPayload(transfer.comment) }),
      },
    ],
    // Valid for the chain (real time) and for the shop (the test clock, which tests move forward).
    validUntil: Math.floor(Math.max(Date.now(), t.clock.now().getTime()) / 1000) + 300,
  });
  if (broadcast) await t.ton.dev.chain.sendExternal(boc);
  return boc;
}

async function payFor(order: OrderJson, walletId: string, overrides: Partial<{ amountNano: bigint; comment: string | null; to: string }> = {}, options?: { broadcast?: boolean }) {
  return signPayment(walletId, { amountNano: BigInt(order.totalNano), comment: order.payment!.comment, ...overrides }, options);
}

function confirm(auth: string, orderId: string, boc: unknown) {
  return t.request(`/api/orders/${orderId}/payment`, { auth, body: { boc } });
}

async function reconcile() {
  return t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
}

async function getOrder(auth: string, id: string): Promise<OrderJson> {
  return (await (await t.request(`/api/orders/${id}`, { auth })).json()) as OrderJson;
}

async function paymentRowsFor(orderId: string) {
  return t.db.handle.db.select().from(payments).where(eq(payments.orderId, orderId));
}

describe('paying an order with a TON wallet', () => {
  it('marks the order paid from the merchant account’s incoming transaction, and records it', async () => {
    const { order, auth } = await newOrder();
    const wallet = await customerWallet();
    const boc = await payFor(order, wallet.id);
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(200);
    const body = (await res.json()) as OrderJson;
    expect(body.status).toBe('paid');
    expect(body.paidAt).not.toBeNull();
    expect(body.payment).toBeNull();
    expect(body.payments).toEqual([
      expect.objectContaining({ status: 'applied', amountNano: order.totalNano, overpaymentNano: '0', payerAddress: wallet.address }),
    ]);
    expect(body.payments![0]!.txHash).toMatch(/^[0-9a-f]{64}$/);
    expect(BigInt(body.payments![0]!.lt)).toBeGreaterThan(0n);
  });

  it('accepts an overpayment and records how much extra came', async () => {
    const { order, auth } = await newOrder();
    const wallet = await customerWallet();
    const boc = await payFor(order, wallet.id, { amountNano: BigInt(order.totalNano) + 123n });
    const body = (await (await confirm(auth, order.id, boc)).json()) as OrderJson;
    expect(body.status).toBe('paid');
    expect(body.payments![0]).toMatchObject({ overpaymentNano: '123' });
  });

  it('answers the same BOC posted twice with one paid order and one payment row', async () => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id);
    const first = await confirm(auth, order.id, boc);
    const second = await confirm(auth, order.id, boc);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(((await second.json()) as OrderJson).status).toBe('paid');
    expect(await paymentRowsFor(order.id)).toHaveLength(1);
  });

  it('survives 50 concurrent confirms of one payment: one paid order, one payment row', async () => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id);
    const results = await Promise.all(Array.from({ length: 50 }, () => confirm(auth, order.id, boc)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect((await getOrder(auth, order.id)).status).toBe('paid');
    expect(await paymentRowsFor(order.id)).toHaveLength(1);
  });

  it('lets the confirm call and the reconciler race without counting the payment twice', async () => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id);
    const [confirmed, reconciled] = await Promise.all([confirm(auth, order.id, boc), reconcile(), reconcile()]);
    expect(confirmed.status).toBe(200);
    expect(reconciled.status).toBe(200);
    expect((await getOrder(auth, order.id)).status).toBe('paid');
    expect(await paymentRowsFor(order.id)).toHaveLength(1);
  });
});

describe('a transfer that does not pay the order', () => {
  it('is refused when it goes to another address', async () => {
    const { order, auth } = await newOrder();
    const other = await customerWallet();
    const boc = await payFor(order, (await customerWallet()).id, { to: other.addressFriendly });
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_WRONG_DESTINATION');
    expect((await getOrder(auth, order.id)).status).toBe('pending');
  });

  it('is refused when it is short by one nanoton, and the money that did land is set aside as underpaid', async () => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id, { amountNano: BigInt(order.totalNano) - 1n });
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_AMOUNT_TOO_LOW');
    expect((await reconcile()).status).toBe(200);
    const after = await getOrder(auth, order.id);
    expect(after.status).toBe('pending');
    expect(after.payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'underpaid', amountNano: String(BigInt(order.totalNano) - 1n) })]);
  });

  it.each([
    ['another comment', 'thanks for the coffee'],
    ['no comment at all', null],
  ])('is refused with %s', async (_name, comment) => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id, { comment });
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_WRONG_COMMENT');
    expect((await getOrder(auth, order.id)).status).toBe('pending');
  });

  it('is refused when the payment of order A is submitted for order B; A is still paid by the reconciler', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const boc = await payFor(a.order, (await customerWallet()).id);
    const res = await confirm(b.auth, b.order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_WRONG_COMMENT');
    expect((await getOrder(b.auth, b.order.id)).status).toBe('pending');
    await reconcile();
    expect((await getOrder(a.auth, a.order.id)).status).toBe('paid');
    expect((await getOrder(b.auth, b.order.id)).status).toBe('pending');
  });

  it.each([
    ['not base64', '%%% not a boc %%%'],
    ['base64 of random bytes', Buffer.from('definitely not a bag of cells').toString('base64')],
    ['an empty string', ''],
    ['a number', 42],
  ])('rejects a BOC that is %s with a 400', async (_name, boc) => {
    const { order, auth } = await newOrder();
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(400);
    expect(['BOC_INVALID', 'VALIDATION_FAILED']).toContain((await res.json()).error.code);
  });

  it('rejects a BOC that is a message but not a wallet transfer', async () => {
    const { order, auth } = await newOrder();
    // The comment cell itself is a valid BOC, but not an external message.
    const res = await confirm(auth, order.id, order.payment!.payload);
    expect(res.status).toBe(400);
    expect(['BOC_INVALID', 'BOC_NOT_A_TRANSFER']).toContain((await res.json()).error.code);
  });

  it("answers 404 to a payment for another customer's order", async () => {
    const { order } = await newOrder();
    const res = await confirm(await t.authFor({ id: 777_777 }), order.id, 'te6cc');
    expect(res.status).toBe(404);
  });
});

describe('chain outcomes the matcher refuses', () => {
  it.each([
    ['bounced', { bounced: true }],
    ['aborted', { success: false }],
  ])('never marks an order paid from a %s transaction', async (_name, flags) => {
    const { order, auth } = await newOrder();
    const wallet = await customerWallet();
    await payFor(order, wallet.id);
    const [merchantTx] = (await t.ton.chain.listAccountTransactions(t.deps.payments.merchant.raw, 0n, 1000))
      .filter((tx) => tx.inMessage?.source === wallet.address)
      .slice(-1);
    expect(merchantTx).toBeDefined();
    const altered = { ...merchantTx!, ...('success' in flags ? flags : {}), inMessage: { ...merchantTx!.inMessage!, ...('bounced' in flags ? flags : {}) } };
    const verdict = await t.deps.payments.repo.recordIncomingTransaction({ tx: altered, merchantAddress: t.deps.payments.merchant.raw, now: t.clock.now() });
    expect(verdict).toEqual({ kind: 'ignore', reason: 'bounced' in flags ? 'bounced' : 'failed' });
    expect(await paymentRowsFor(order.id)).toHaveLength(0);
    expect((await getOrder(auth, order.id)).status).toBe('pending');
  });
});

describe('payments that arrive without the app', () => {
  it('marks the order paid through the reconciler when the client never calls confirm', async () => {
    const { order, auth } = await newOrder();
    await payFor(order, (await customerWallet()).id);
    expect((await getOrder(auth, order.id)).status).toBe('pending');
    const res = await reconcile();
    expect(res.status).toBe(200);
    // At least this one (earlier tests leave payments on the chain that only the reconciler applies).
    expect(((await res.json()) as { paid: number }).paid).toBeGreaterThanOrEqual(1);
    expect((await getOrder(auth, order.id)).status).toBe('paid');
  });

  it('pays an order from a wallet that talks to the dev chain over HTTP only, never to Bazaar', async () => {
    const { order, auth } = await newOrder();
    const wallet = await customerWallet();
    const boc = await payFor(order, wallet.id, {}, { broadcast: false });
    const sent = await t.ton.dev.app.request('/api/v3/message', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ boc }) });
    expect(sent.status).toBe(200);
    await reconcile();
    expect((await getOrder(auth, order.id)).status).toBe('paid');
  });

  it('records a late payment for an expired order for the merchant, and leaves the order expired', async () => {
    const { order, auth } = await newOrder('hoodie');
    t.clock.advanceSeconds(1801);
    expect((await getOrder(auth, order.id)).status).toBe('expired');
    const boc = await payFor(order, (await customerWallet()).id);
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('ORDER_NOT_PAYABLE');
    await reconcile();
    const after = await getOrder(auth, order.id);
    expect(after.status).toBe('expired');
    expect(after.payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'late' })]);
  });

  it('sets aside money with a comment that names no order, visible to the merchant only', async () => {
    await signPayment((await customerWallet()).id, { amountNano: 5_000_000_000n, comment: 'bz:ZZZZZZZZ' });
    await reconcile();
    const admin = await t.request('/api/admin/payments?status=attention', { auth: await t.authFor({ id: TEST_ADMIN_IDS[0]! }) });
    expect(admin.status).toBe(200);
    const body = (await admin.json()) as { payments: { reason: string; comment: string; amountNano: string }[] };
    expect(body.payments).toContainEqual(expect.objectContaining({ reason: 'unknown_comment', comment: 'bz:ZZZZZZZZ', amountNano: '5000000000' }));
    const customer = await t.request('/api/admin/payments', { auth: await t.authFor({ id: 31337 }) });
    expect(customer.status).toBe(403);
  });
});

describe('an indexer outage', () => {
  it('leaves the order confirming, never failed, and the payment lands once the indexer is back', async () => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id);
    t.indexer.down = true;
    const res = await confirm(auth, order.id, boc);
    expect(res.status).toBe(200);
    expect(((await res.json()) as OrderJson).status).toBe('confirming');
    const failed = await reconcile();
    expect(failed.status).toBe(503);
    expect((await failed.json()).error.code).toBe('CHAIN_UNAVAILABLE');
    expect((await getOrder(auth, order.id)).status).toBe('confirming');

    t.indexer.down = false;
    expect((await reconcile()).status).toBe(200);
    expect((await getOrder(auth, order.id)).status).toBe('paid');
  });

  it('releases an order whose signed message was never broadcast, once that message can no longer land', async () => {
    const { order, auth } = await newOrder();
    const boc = await payFor(order, (await customerWallet()).id, {}, { broadcast: false });
    expect(((await (await confirm(auth, order.id, boc)).json()) as OrderJson).status).toBe('confirming');
    await reconcile();
    expect((await getOrder(auth, order.id)).status).toBe('confirming');
    t.clock.advanceSeconds(3 * 3600);
    await reconcile();
    // Back to awaiting payment, and past its expiry, so the stock goes back on the shelf.
    expect((await getOrder(auth, order.id)).status).toBe('expired');
  });
});

describe('cron endpoints', () => {
  it('refuse a wrong or missing secret', async () => {
    expect((await t.request('/api/cron/reconcile', { method: 'POST' })).status).toBe(401);
    expect((await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });
});

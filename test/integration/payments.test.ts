import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shopFlows, type OrderJson } from '../support/shop-flows';
import { createTestApp, TEST_ADMIN_IDS, type TestApp } from '../support/test-app';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;

beforeAll(async () => {
  t = await createTestApp();
  flows = shopFlows(t);
});
afterAll(async () => {
  expect(t.errors.filter((e) => !String((e as { message: string }).message).includes('deferred to the reconciler'))).toEqual([]);
  await t.close();
});
beforeEach(() => {
  t.indexer.down = false;
});

describe('paying an order with a TON wallet', () => {
  it('marks the order paid from the merchant account’s incoming transaction, and records it', async () => {
    const { order, auth } = await flows.newOrder();
    const wallet = await flows.customerWallet();
    const boc = await flows.payFor(order, wallet.id);
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(200);
    const body = (await res.json()) as OrderJson;
    expect(body.status).toBe('paid');
    expect(body.paidAt).not.toBeNull();
    expect(body.payment).toBeNull();
    expect(body.payments).toEqual([
      expect.objectContaining({ status: 'applied', amountNano: order.totalMinor, overpaymentNano: '0', payerAddress: wallet.address }),
    ]);
    expect(body.payments![0]!.txHash).toMatch(/^[0-9a-f]{64}$/);
    expect(BigInt(body.payments![0]!.lt)).toBeGreaterThan(0n);
  });

  it('accepts an overpayment and records how much extra came', async () => {
    const { order, auth } = await flows.newOrder();
    const wallet = await flows.customerWallet();
    const boc = await flows.payFor(order, wallet.id, { amountNano: BigInt(order.totalMinor) + 123n });
    const body = (await (await flows.confirm(auth, order.id, boc)).json()) as OrderJson;
    expect(body.status).toBe('paid');
    expect(body.payments![0]).toMatchObject({ overpaymentNano: '123' });
  });

  it('answers the same BOC posted twice with one paid order and one payment row', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id);
    const first = await flows.confirm(auth, order.id, boc);
    const second = await flows.confirm(auth, order.id, boc);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(((await second.json()) as OrderJson).status).toBe('paid');
    expect(await flows.paymentRowsFor(order.id)).toHaveLength(1);
  });

  it('survives 50 concurrent confirms of one payment: one paid order, one payment row', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id);
    const results = await Promise.all(Array.from({ length: 50 }, () => flows.confirm(auth, order.id, boc)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
    expect(await flows.paymentRowsFor(order.id)).toHaveLength(1);
  });

  it('lets the confirm call and the reconciler race without counting the payment twice', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id);
    const [confirmed, reconciled] = await Promise.all([flows.confirm(auth, order.id, boc), flows.reconcile(), flows.reconcile()]);
    expect(confirmed.status).toBe(200);
    expect(reconciled.status).toBe(200);
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
    expect(await flows.paymentRowsFor(order.id)).toHaveLength(1);
  });
});

describe('a transfer that does not pay the order', () => {
  it('is refused when it goes to another address', async () => {
    const { order, auth } = await flows.newOrder();
    const other = await flows.customerWallet();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, { to: other.addressFriendly });
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_WRONG_DESTINATION');
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
  });

  it('is refused when it is short by one nanoton, and the money that did land is set aside as underpaid', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, { amountNano: BigInt(order.totalMinor) - 1n });
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_AMOUNT_TOO_LOW');
    expect((await flows.reconcile()).status).toBe(200);
    const after = await flows.getOrder(auth, order.id);
    expect(after.status).toBe('pending');
    expect(after.payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'underpaid', amountNano: String(BigInt(order.totalMinor) - 1n) })]);
  });

  it.each([
    ['another comment', 'thanks for the coffee'],
    ['no comment at all', null],
  ])('is refused with %s', async (_name, comment) => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, { comment });
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_WRONG_COMMENT');
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
  });

  it('is refused when the payment of order A is submitted for order B; A is still paid by the reconciler', async () => {
    const a = await flows.newOrder();
    const b = await flows.newOrder();
    const boc = await flows.payFor(a.order, (await flows.customerWallet()).id);
    const res = await flows.confirm(b.auth, b.order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_WRONG_COMMENT');
    expect((await flows.getOrder(b.auth, b.order.id)).status).toBe('pending');
    await flows.reconcile();
    expect((await flows.getOrder(a.auth, a.order.id)).status).toBe('paid');
    expect((await flows.getOrder(b.auth, b.order.id)).status).toBe('pending');
  });

  it.each([
    ['not base64', '%%% not a boc %%%'],
    ['base64 of random bytes', Buffer.from('definitely not a bag of cells').toString('base64')],
    ['an empty string', ''],
    ['a number', 42],
  ])('rejects a BOC that is %s with a 400', async (_name, boc) => {
    const { order, auth } = await flows.newOrder();
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(400);
    expect(['BOC_INVALID', 'VALIDATION_FAILED']).toContain((await res.json()).error.code);
  });

  it('rejects a BOC that is a message but not a wallet transfer', async () => {
    const { order, auth } = await flows.newOrder();
    // The comment cell itself is a valid BOC, but not an external message.
    const res = await flows.confirm(auth, order.id, order.payment!.payload);
    expect(res.status).toBe(400);
    expect(['BOC_INVALID', 'BOC_NOT_A_TRANSFER']).toContain((await res.json()).error.code);
  });

  it("answers 404 to a payment for another customer's order", async () => {
    const { order } = await flows.newOrder();
    const res = await flows.confirm(await t.authFor({ id: 777_777 }), order.id, 'te6cc');
    expect(res.status).toBe(404);
  });
});

describe('chain outcomes the matcher refuses', () => {
  it.each([
    ['bounced', { inMessage: { bounced: true } }, 'bounced'],
    ['sent back by its bounce phase', { phases: { aborted: true, compute: { kind: 'vm', success: false }, bounce: 'ok' } }, 'returned'],
  ] as const)('never marks an order paid from a %s transaction', async (_name, change, reason) => {
    const { order, auth } = await flows.newOrder();
    const wallet = await flows.customerWallet();
    await flows.payFor(order, wallet.id);
    const [merchantTx] = (await t.ton.chain.listAccountTransactions(t.deps.payments.merchant.raw, 0n, 1000))
      .filter((tx) => tx.inMessage?.source === wallet.address)
      .slice(-1);
    expect(merchantTx).toBeDefined();
    const altered = {
      ...merchantTx!,
      ...('phases' in change && { phases: change.phases }),
      inMessage: { ...merchantTx!.inMessage!, ...('inMessage' in change && change.inMessage) },
    };
    const verdict = await t.deps.payments.repo.recordIncomingTransaction({ tx: altered, merchantAddress: t.deps.payments.merchant.raw, now: t.clock.now() });
    expect(verdict).toEqual({ kind: 'ignore', reason });
    expect(await flows.paymentRowsFor(order.id)).toHaveLength(0);
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
  });
});

describe('payments that arrive without the app', () => {
  it('marks the order paid through the reconciler when the client never calls confirm', async () => {
    const { order, auth } = await flows.newOrder();
    await flows.payFor(order, (await flows.customerWallet()).id);
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
    const res = await flows.reconcile();
    expect(res.status).toBe(200);
    // At least this one (earlier tests leave payments on the chain that only the reconciler applies).
    expect(((await res.json()) as { paid: number }).paid).toBeGreaterThanOrEqual(1);
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
  });

  it('pays an order from a wallet that talks to the dev chain over HTTP only, never to Bazaar', async () => {
    const { order, auth } = await flows.newOrder();
    const wallet = await flows.customerWallet();
    const boc = await flows.payFor(order, wallet.id, {}, { broadcast: false });
    const sent = await t.ton.dev.app.request('/api/v3/message', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ boc }),
    });
    expect(sent.status).toBe(200);
    await flows.reconcile();
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
  });

  it('records a payment made after the deadline (chain time) for the merchant, and leaves the order expired', async () => {
    const { order, auth } = await flows.newOrder('hoodie');
    t.clock.advanceSeconds(1801);
    await flows.reconcile();
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
    const res = await flows.confirm(auth, order.id, await flows.payFor(order, (await flows.customerWallet()).id, {}, { broadcast: false }));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('ORDER_NOT_PAYABLE');
    // The customer's wallet sends the transfer anyway, an hour after the deadline (chain time).
    t.clock.advanceSeconds(3600);
    await flows.payFor(order, (await flows.customerWallet()).id);
    await flows.reconcile();
    const after = await flows.getOrder(auth, order.id);
    expect(after.status).toBe('expired');
    expect(after.payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'late' })]);
  });

  it('sets aside money with a comment that names no order, visible to the merchant only', async () => {
    await flows.signPayment((await flows.customerWallet()).id, { amountNano: 5_000_000_000n, comment: 'bz:ZZZZZZZZ' });
    await flows.reconcile();
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
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id);
    t.indexer.down = true;
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(200);
    expect(((await res.json()) as OrderJson).status).toBe('confirming');
    const failed = await flows.reconcile();
    expect(failed.status).toBe(503);
    expect((await failed.json()).error.code).toBe('CHAIN_UNAVAILABLE');
    expect((await flows.getOrder(auth, order.id)).status).toBe('confirming');

    t.indexer.down = false;
    expect((await flows.reconcile()).status).toBe(200);
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
  });

  it('releases an order whose signed message was never broadcast, once that message can no longer land', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, {}, { broadcast: false });
    expect(((await (await flows.confirm(auth, order.id, boc)).json()) as OrderJson).status).toBe('confirming');
    await flows.reconcile();
    expect((await flows.getOrder(auth, order.id)).status).toBe('confirming');
    t.clock.advanceSeconds(3 * 3600);
    await flows.reconcile();
    // Back to awaiting payment, and past its expiry, so the stock goes back on the shelf.
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
  });
});

describe('cron endpoints', () => {
  it('refuse a wrong or missing secret', async () => {
    expect((await t.request('/api/cron/reconcile', { method: 'POST' })).status).toBe(401);
    expect((await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });
});

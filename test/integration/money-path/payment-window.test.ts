// Issue #11, cases 2 and 4: how long an order may wait for its money. A signed message's own
// `valid_until` is a claim, not a promise: it cannot keep stock reserved beyond the order's own window.
// And a payment is on time by chain time, whenever the shop gets to read it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, paymentSubmissions } from '../../../functions/adapters/db/schema';
import { shopFlows } from '../../support/shop-flows';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;

beforeAll(async () => {
  t = await createTestApp();
  flows = shopFlows(t);
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

async function statusOf(orderId: string): Promise<string | undefined> {
  const [row] = await t.db.handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row?.status;
}

describe("a signed message's valid_until", () => {
  it('is refused when it reaches past the payment window, so a never-sent BOC cannot hold stock', async () => {
    const { order, auth } = await flows.newOrder('hoodie', 1);
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, {}, { broadcast: false, validUntil: 2 ** 32 - 1 });
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('PAYMENT_VALID_TOO_LONG');
    expect(await statusOf(order.id)).toBe('pending');
  });

  it('accepts one that ends inside the window', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, {}, { broadcast: false, validUntil: order.payment!.validUntil });
    expect((await flows.confirm(auth, order.id, boc)).status).toBe(200);
    expect(await statusOf(order.id)).toBe('confirming');
  });

  it('cannot keep an order confirming past a bounded window, whatever a stored submission claims', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, {}, { broadcast: false });
    expect((await flows.confirm(auth, order.id, boc)).status).toBe(200);
    // A submission written before this rule existed, claiming validity until 2106.
    await t.db.handle.db
      .update(paymentSubmissions)
      .set({ validUntil: new Date(2 ** 32 * 1000 - 1000) })
      .where(eq(paymentSubmissions.orderId, order.id));
    t.clock.advanceSeconds(3 * 3600);
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
  });
});

describe('how many orders one customer may hold open', () => {
  it('refuses a sixth open order with 429 and a code, and allows one again once an order is paid', async () => {
    const auth = await flows.newCustomer();
    const open = [];
    for (let i = 0; i < 5; i++) open.push((await flows.newOrder('travel-mug', 1, { auth })).order);
    const sixth = await t.request('/api/orders', { auth, body: { items: [{ productId: await flows.productId('travel-mug'), quantity: 1 }] } });
    expect(sixth.status).toBe(429);
    expect((await sixth.json()).error.code).toBe('TOO_MANY_OPEN_ORDERS');

    await flows.payFor(open[0]!, (await flows.customerWallet()).id);
    await flows.reconciled();
    expect((await flows.newOrder('travel-mug', 1, { auth })).order.status).toBe('pending');
  });

  it('rate-limits order creation per customer, with Retry-After', async () => {
    const auth = await flows.newCustomer();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      const res = await t.request('/api/orders', { auth, body: { items: [{ productId: await flows.productId('travel-mug'), quantity: 1 }] } });
      statuses.push(res.status);
      if (res.status === 201) {
        // Keep the open-order limit out of the way: cancel nothing, but let the order expire at once.
        const { id } = (await res.json()) as { id: string };
        await t.db.handle.db.update(orders).set({ status: 'expired' }).where(eq(orders.id, id));
      } else {
        const body = await res.json();
        if (res.status === 429 && body.error.code === 'ORDER_RATE_LIMITED') retryAfter = res.headers.get('retry-after');
      }
    }
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('a payment made in time but read late', () => {
  it('does not expire an order before the reconciler has read the account past its deadline', async () => {
    const { order, auth } = await flows.newOrder();
    await flows.payFor(order, (await flows.customerWallet()).id);
    t.clock.advanceSeconds(1801);
    // A customer request runs the expiry sweep: the order's money may be on the chain unread.
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
  });

  it('pays an order the sweep already expired, and takes its stock again', async () => {
    await flows.setStock('gooseneck-kettle', 2);
    const { order, auth } = await flows.newOrder('gooseneck-kettle', 2, { keepStock: true });
    await flows.payFor(order, (await flows.customerWallet()).id);
    // The indexer was down for hours: the sweep expired the order without the reconciler's reading.
    t.indexer.down = true;
    t.clock.advanceSeconds(4 * 3600);
    expect((await flows.reconcile()).status).toBe(503);
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
    expect(await flows.stockOf('gooseneck-kettle')).toBe(2);

    t.indexer.down = false;
    await flows.reconciled();
    const after = await flows.getOrder(auth, order.id);
    expect(after.status).toBe('paid');
    expect(after.payments).toEqual([expect.objectContaining({ status: 'applied' })]);
    expect(await flows.stockOf('gooseneck-kettle')).toBe(0);
  });

  it('sets the money aside for a refund when the stock it paid for was sold meanwhile', async () => {
    await flows.setStock('pour-over-dripper', 1);
    const { order, auth } = await flows.newOrder('pour-over-dripper', 1, { keepStock: true });
    await flows.payFor(order, (await flows.customerWallet()).id);
    t.indexer.down = true;
    t.clock.advanceSeconds(4 * 3600);
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
    // Someone else buys the unit that came back on the shelf.
    await flows.newOrder('pour-over-dripper', 1, { keepStock: true });
    t.indexer.down = false;
    await flows.reconciled();

    const after = await flows.getOrder(auth, order.id);
    expect(after.status).toBe('expired');
    expect(after.payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'paid_in_time_out_of_stock' })]);
    expect(await flows.stockOf('pour-over-dripper')).toBe(0);
  });

  it('still calls a payment late when the chain time is after the deadline', async () => {
    const { order, auth } = await flows.newOrder('hoodie');
    t.clock.advanceSeconds(4 * 3600);
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
    // The chain runs on the test's clock: this transfer lands four hours after the order's deadline.
    await flows.signPayment((await flows.customerWallet()).id, { amountNano: BigInt(order.totalMinor), comment: order.payment!.comment });
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'late' })]);
  });
});

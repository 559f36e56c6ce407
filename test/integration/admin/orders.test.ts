import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin, payOrder, placeOrder, productIdsBySlug, stockOf, type PlacedOrder } from './admin-helpers';

let t: TestApp;
let ids: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await productIdsBySlug(t);
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

let nextUser = 20_000;
function order(items: [slug: string, quantity: number][], user: { firstName?: string; username?: string } = {}): Promise<PlacedOrder> {
  return placeOrder(
    t,
    { id: nextUser++, ...user },
    items.map(([slug, quantity]) => ({ productId: ids.get(slug)!, quantity })),
  );
}

async function paidOrder(items: [string, number][], user: { firstName?: string; username?: string } = {}) {
  const placed = await order(items, user);
  await payOrder(t, placed);
  return placed;
}

function act(orderId: string, action: string) {
  return asAdmin(t, `/api/admin/orders/${orderId}/actions`, { body: { action } });
}

async function outboxFor(orderId: string) {
  return t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, orderId));
}

async function statusMessagesFor(orderId: string) {
  return (await outboxFor(orderId)).filter((m) => m.kind === 'order_status_customer');
}

describe('GET /api/admin/orders', () => {
  it('lists every customer’s orders newest first, with the customer and the number of units', async () => {
    const first = await order([['beanie', 2]], { firstName: 'Olga' });
    t.clock.advanceSeconds(1);
    const second = await order(
      [
        ['beanie', 1],
        ['travel-mug', 3],
      ],
      { firstName: 'Pavel' },
    );
    const { status, body } = await asAdmin(t, '/api/admin/orders?limit=2');
    expect(status).toBe(200);
    expect(body.orders.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
    expect(body.orders[0]).toMatchObject({ code: second.code, status: 'pending', totalMinor: second.totalMinor, itemCount: 4, paidAt: null });
    expect(body.orders[0].customer).toMatchObject({ firstName: 'Pavel', telegramId: String(nextUser - 1) });
  });

  it('pages through the list with the cursor, no order twice, none left out', async () => {
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) placed.push((await order([['beanie', 1]])).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { orders: { id: string }[]; nextCursor: string | null } } = await asAdmin(
        t,
        `/api/admin/orders?limit=2${cursor ? `&before=${cursor}` : ''}`,
      );
      seen.push(...body.orders.map((o) => o.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(placed));
  });

  it('filters by status and finds orders by code, name, @username and Telegram id', async () => {
    const target = await order([['beanie', 1]], { firstName: 'Zinaida', username: 'zina_100' });
    const telegramId = nextUser - 1;
    for (const q of [target.code, target.code.toLowerCase(), 'zinai', '@zina_1', 'ZINA_100', String(telegramId)]) {
      const { body } = await asAdmin(t, `/api/admin/orders?q=${encodeURIComponent(q)}`);
      expect(
        body.orders.map((o: { id: string }) => o.id),
        q,
      ).toEqual([target.id]);
    }
    const { body: pending } = await asAdmin(t, '/api/admin/orders?status=pending&limit=100');
    expect(pending.orders.every((o: { status: string }) => o.status === 'pending')).toBe(true);
    const { body: none } = await asAdmin(t, '/api/admin/orders?status=completed&q=zinaida');
    expect(none.orders).toEqual([]);
  });

  it('matches LIKE wildcards in the search literally', async () => {
    const { body } = await asAdmin(t, '/api/admin/orders?q=%25');
    expect(body.orders).toEqual([]);
  });

  it('rejects an unknown status and a forged cursor with 400', async () => {
    expect((await asAdmin(t, '/api/admin/orders?status=lost')).status).toBe(400);
    const forged = await asAdmin(t, '/api/admin/orders?before=not-a-cursor');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/admin/orders/:id', () => {
  it('shows items, the applied payment and the actions the status allows', async () => {
    const placed = await paidOrder([['travel-mug', 2]]);
    const { status, body } = await asAdmin(t, `/api/admin/orders/${placed.id}`);
    expect(status).toBe(200);
    expect(body.order).toMatchObject({
      id: placed.id,
      status: 'paid',
      itemCount: 2,
      items: [{ slug: 'travel-mug', quantity: 2, unitPriceMinor: '7200000000', lineTotalMinor: '14400000000' }],
      allowedActions: ['ship', 'mark_ready', 'cancel'],
    });
    expect(body.order.payments).toEqual([
      expect.objectContaining({ status: 'applied', amountNano: placed.totalMinor, overpaymentNano: '0', explorerUrl: null }),
    ]);
    expect(body.order.payments[0].txHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.order.paidAt).not.toBeNull();
  });

  it('answers 404 for an unknown order and for an id that is not one', async () => {
    expect((await asAdmin(t, '/api/admin/orders/5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01')).body.error.code).toBe('ORDER_NOT_FOUND');
    expect((await asAdmin(t, '/api/admin/orders/nope')).status).toBe(404);
  });
});

describe('POST /api/admin/orders/:id/actions', () => {
  it('ships a paid order and queues exactly one message telling the customer', async () => {
    const placed = await paidOrder([['beanie', 1]]);
    const before = (await outboxFor(placed.id)).length;
    const { status, body } = await act(placed.id, 'ship');
    expect(status).toBe(200);
    expect(body.order).toMatchObject({ status: 'shipped', allowedActions: ['complete'] });
    const messages = await statusMessagesFor(placed.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: 'order_status_customer',
      dedupeKey: `order_status:${placed.id}:shipped`,
      chatId: String(nextUser - 1),
      payload: { status: 'shipped' },
      status: 'pending',
    });
    expect((await outboxFor(placed.id)).length).toBe(before + 1);
  });

  it('marks a paid order ready for pickup, then completes it, one message per status', async () => {
    const placed = await paidOrder([['beanie', 1]]);
    expect((await act(placed.id, 'mark_ready')).body.order.status).toBe('ready_for_pickup');
    expect((await act(placed.id, 'complete')).body.order).toMatchObject({ status: 'completed', allowedActions: [] });
    expect((await statusMessagesFor(placed.id)).map((m) => m.dedupeKey).sort()).toEqual(
      [`order_status:${placed.id}:completed`, `order_status:${placed.id}:ready_for_pickup`].sort(),
    );
  });

  it('cancels a pending order and puts its stock back', async () => {
    const before = await stockOf(t, 'filter-blend');
    const placed = await order([['filter-blend', 3]]);
    expect(await stockOf(t, 'filter-blend')).toBe(before - 3);
    const { status, body } = await act(placed.id, 'cancel');
    expect(status).toBe(200);
    expect(body.order).toMatchObject({ status: 'cancelled', allowedActions: [] });
    expect(await stockOf(t, 'filter-blend')).toBe(before);
    expect(await statusMessagesFor(placed.id)).toHaveLength(1);
  });

  it('cancels a paid order and its stock returns to the shelf', async () => {
    const before = await stockOf(t, 'cold-brew-bottle');
    const placed = await paidOrder([['cold-brew-bottle', 2]]);
    expect(await stockOf(t, 'cold-brew-bottle')).toBe(before - 2);
    expect((await act(placed.id, 'cancel')).body.order.status).toBe('cancelled');
    expect(await stockOf(t, 'cold-brew-bottle')).toBe(before);
    // The customer's payment stays on record: refunding it is the merchant's call.
    expect((await asAdmin(t, `/api/admin/orders/${placed.id}`)).body.order.payments).toHaveLength(1);
  });

  it('refuses an action the status does not allow with 409, changing nothing and queueing nothing', async () => {
    const pending = await order([['beanie', 1]]);
    const shippedTooEarly = await act(pending.id, 'ship');
    expect(shippedTooEarly.status).toBe(409);
    expect(shippedTooEarly.body.error.code).toBe('ORDER_TRANSITION_INVALID');
    expect((await act(pending.id, 'complete')).status).toBe(409);

    const stock = await stockOf(t, 'beanie');
    await act(pending.id, 'cancel');
    expect(await stockOf(t, 'beanie')).toBe(stock + 1);
    const again = await act(pending.id, 'cancel');
    expect(again.status).toBe(409);
    // A second cancel must not put the stock back twice.
    expect(await stockOf(t, 'beanie')).toBe(stock + 1);
    expect(await statusMessagesFor(pending.id)).toHaveLength(1);
    expect((await asAdmin(t, `/api/admin/orders/${pending.id}`)).body.order.status).toBe('cancelled');
  });

  it('cancels once when two cancels race, stock back exactly once', async () => {
    const stock = await stockOf(t, 'beanie');
    const placed = await order([['beanie', 2]]);
    const results = await Promise.all([act(placed.id, 'cancel'), act(placed.id, 'cancel')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stockOf(t, 'beanie')).toBe(stock);
    expect(await statusMessagesFor(placed.id)).toHaveLength(1);
  });

  it('rejects an unknown action with 400 and an unknown order with 404', async () => {
    const placed = await order([['beanie', 1]]);
    expect((await act(placed.id, 'refund')).status).toBe(400);
    expect((await act('5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01', 'cancel')).status).toBe(404);
  });
});

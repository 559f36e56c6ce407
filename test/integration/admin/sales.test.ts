import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin, payOrder, placeOrder, productIdsBySlug } from './admin-helpers';

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

const DAY = 86_400;
let nextUser = 50_000;

async function sell(items: [slug: string, quantity: number][]) {
  const order = await placeOrder(
    t,
    { id: nextUser++ },
    items.map(([slug, quantity]) => ({ productId: ids.get(slug)!, quantity })),
  );
  await payOrder(t, order);
  return { ...order, date: t.clock.now().toISOString().slice(0, 10), total: BigInt(order.totalMinor) };
}

describe('GET /api/admin/sales', () => {
  it('counts paid orders on the day they were paid, every day of the window listed, zeros included', async () => {
    // Day 1: two orders. Day 2: one, plus one that is cancelled after payment and one never paid.
    // Day 5: one shipped order. Then today is day 6.
    const a = await sell([['travel-mug', 1]]);
    const b = await sell([['beanie', 2]]);
    t.clock.advanceSeconds(DAY);
    const c = await sell([
      ['travel-mug', 2],
      ['beanie', 1],
    ]);
    const cancelled = await sell([['travel-mug', 5]]);
    expect((await asAdmin(t, `/api/admin/orders/${cancelled.id}/actions`, { body: { action: 'cancel' } })).status).toBe(200);
    await placeOrder(t, { id: nextUser++ }, [{ productId: ids.get('travel-mug')!, quantity: 9 }]);
    t.clock.advanceSeconds(3 * DAY);
    const d = await sell([['beanie', 1]]);
    expect((await asAdmin(t, `/api/admin/orders/${d.id}/actions`, { body: { action: 'ship' } })).status).toBe(200);
    t.clock.advanceSeconds(DAY);

    const { status, body } = await asAdmin(t, '/api/admin/sales?days=30');
    expect(status).toBe(200);
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1).date).toBe(t.clock.now().toISOString().slice(0, 10));
    // Consecutive UTC dates, oldest first.
    for (let i = 1; i < body.days.length; i++) {
      expect(Date.parse(body.days[i].date) - Date.parse(body.days[i - 1].date)).toBe(DAY * 1000);
    }
    const byDate = new Map(body.days.map((day: { date: string }) => [day.date, day]));
    expect(byDate.get(a.date)).toEqual({ date: a.date, revenueMinor: String(a.total + b.total), orders: 2 });
    expect(byDate.get(c.date)).toEqual({ date: c.date, revenueMinor: String(c.total), orders: 1 });
    expect(byDate.get(d.date)).toEqual({ date: d.date, revenueMinor: String(d.total), orders: 1 });
    const quiet = body.days.filter((day: { date: string }) => ![a.date, c.date, d.date].includes(day.date));
    expect(quiet).toHaveLength(27);
    expect(quiet.every((day: { revenueMinor: string; orders: number }) => day.revenueMinor === '0' && day.orders === 0)).toBe(true);
    expect(body.totals).toEqual({ revenueMinor: String(a.total + b.total + c.total + d.total), orders: 4 });

    // By revenue: beanie 2 + 1 + 1 units at 9 TON, then travel-mug 1 + 2 at 7.2 TON. The 5 cancelled mugs
    // (which alone would make the mug the top seller) do not count.
    expect(body.topProducts).toEqual([
      { productId: ids.get('beanie'), title: 'Knit beanie', quantity: 4, revenueMinor: String(4n * 9_000_000_000n) },
      { productId: ids.get('travel-mug'), title: expect.any(String), quantity: 3, revenueMinor: String(3n * 7_200_000_000n) },
    ]);
    expect(4n * 9_000_000_000n + 3n * 7_200_000_000n).toBe(a.total + b.total + c.total + d.total);
  });

  it('leaves out orders paid before the window', async () => {
    const { body } = await asAdmin(t, '/api/admin/sales?days=1');
    expect(body.days).toHaveLength(1);
    expect(body.totals).toEqual({ revenueMinor: '0', orders: 0 });
    expect(body.topProducts).toEqual([]);
    const three = await asAdmin(t, '/api/admin/sales?days=3');
    expect(three.body.totals.orders).toBe(1);
  });

  it("adds up only the orders in the shop's pricing currency, and says which: an order from before a switch counts nothing", async () => {
    t.clock.advanceSeconds(DAY);
    const ton = await sell([['travel-mug', 1]]);
    const old = await sell([['beanie', 1]]);
    // As if this order had been placed while the shop priced in dollars: its 9000000000 are not nanotons.
    await t.db.handle.db.update(orders).set({ currency: 'USD' }).where(eq(orders.id, old.id));
    const { body } = await asAdmin(t, '/api/admin/sales?days=1');
    expect(body.currency).toBe('TON');
    expect(body.totals).toEqual({ revenueMinor: String(ton.total), orders: 1 });
    expect(body.topProducts.map((p: { productId: string }) => p.productId)).toEqual([ids.get('travel-mug')]);
    const listed = await asAdmin(t, `/api/admin/orders/${old.id}`);
    expect(listed.body.order ?? listed.body).toMatchObject({ currency: 'USD', totalMinor: String(old.total) });
  });

  it('rejects a window of 0 or more than a year with 400', async () => {
    expect((await asAdmin(t, '/api/admin/sales?days=0')).status).toBe(400);
    expect((await asAdmin(t, '/api/admin/sales?days=400')).status).toBe(400);
  });
});

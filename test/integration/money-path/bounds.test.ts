// Issue #11, case 6: stock and price have upper bounds that keep every sum inside its column, and a
// background sweep that fails never fails a customer's request.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../../functions/adapters/db/schema';
import { MAX_PRICE_MINOR, MAX_STOCK } from '../../../functions/core/catalog/product-limits';
import { ORDER_LIMITS } from '../../../functions/core/orders/price-order';
import { asAdmin } from '../admin/admin-helpers';
import { shopFlows } from '../../support/shop-flows';
import { createTestApp, type TestApp } from '../../support/test-app';
import { setStock } from '../../support/stock';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;

beforeAll(async () => {
  t = await createTestApp();
  flows = shopFlows(t);
});
afterAll(async () => {
  // The sweep's failure is logged (and retried); nothing else may be.
  expect(t.errors.filter((e) => !String((e as { message: string }).message).includes('expiry sweep'))).toEqual([]);
  await t.close();
});

describe('stock', () => {
  it('refuses a stock above the documented bound, and accepts the bound itself', async () => {
    const id = await flows.productId('hoodie');
    const over = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { stock: 2_147_483_647 } });
    expect(over.status).toBe(400);
    const at = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { stock: MAX_STOCK } });
    expect(at.status).toBe(200);
  });

  it('puts units back on expiry without overflowing, and every order route keeps answering', async () => {
    const { order, auth } = await flows.newOrder('hoodie', 3);
    // The merchant fills the shelf to the bound while three units are reserved.
    await setStock(t.db.handle.db, 'hoodie', MAX_STOCK);
    t.clock.advanceSeconds(4 * 3600);
    await flows.reconciled();
    const res = await t.request('/api/orders', { auth });
    expect(res.status).toBe(200);
    expect((await flows.getOrder(auth, order.id)).status).toBe('expired');
    expect(await flows.stockOf('hoodie')).toBe(MAX_STOCK);
  });

  it('answers customers even when the expiry sweep itself fails', async () => {
    const auth = await flows.newCustomer();
    const broken = t.deps.orders.expireDueOrders;
    t.deps.orders.expireDueOrders = () => Promise.reject(new Error('expiry sweep: database refused'));
    try {
      const res = await t.request('/api/orders', { auth });
      expect(res.status).toBe(200);
    } finally {
      t.deps.orders.expireDueOrders = broken;
    }
  });
});

describe('price', () => {
  it('refuses a price above the documented bound', async () => {
    const id = await flows.productId('travel-mug');
    const over = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { priceMinor: (MAX_PRICE_MINOR + 1n).toString() } });
    expect(over.status).toBe(400);
    const at = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { priceMinor: MAX_PRICE_MINOR.toString() } });
    expect(at.status).toBe(200);
  });

  it('keeps the largest possible order inside the total column', () => {
    expect(MAX_PRICE_MINOR * BigInt(ORDER_LIMITS.maxQuantityPerLine * ORDER_LIMITS.maxLines)).toBeLessThan(2n ** 63n);
  });

  it('cannot hold a price near the int64 limit in the database, however it is written', async () => {
    await expect(t.db.handle.db.update(products).set({ priceMinor: 9_000_000_000_000_000_000n }).where(eq(products.slug, 'tasting-box'))).rejects.toThrow();
  });

  it('keeps a stock edit inside the bound in the database too', async () => {
    await expect(setStock(t.db.handle.db, 'tasting-box', MAX_STOCK + 1)).rejects.toThrow();
  });
});

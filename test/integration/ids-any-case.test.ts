import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeOrderCursor } from '../../functions/core/admin/admin-order';
import { createTestApp, type TestApp } from '../support/test-app';
import { adminAuth, asAdmin, placeOrder, productIdsBySlug } from './admin/admin-helpers';

// Ids are UUIDs (or, for the demo's categories, short lower-case names): an id in any letter case names
// the same row, on every route that takes one. Malformed ids are the caller's 4xx, never a 500.

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

describe('a product id in upper case', () => {
  it('orders the product', async () => {
    const productId = ids.get('drip-bags')!;
    const res = await t.request('/api/orders', {
      auth: await t.authFor({ id: 61_000 }),
      body: { items: [{ productId: productId.toUpperCase(), quantity: 2 }] },
    });
    expect(res.status).toBe(201);
    const order = (await res.json()) as { items: { productId: string; quantity: number }[] };
    expect(order.items).toEqual([expect.objectContaining({ productId, quantity: 2 })]);
  });

  it('is the same product as in lower case: one order line, not two', async () => {
    const productId = ids.get('drip-bags')!;
    const items = [
      { productId, quantity: 1 },
      { productId: productId.toUpperCase(), quantity: 2 },
    ];
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 61_001 }), body: { items } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ productId, quantity: 3 })]);
  });

  it('is edited by the merchant', async () => {
    const productId = ids.get('green-sencha')!;
    const { status, body } = await asAdmin(t, `/api/admin/products/${productId.toUpperCase()}`, { method: 'PATCH', body: { title: 'Sencha, 100 g' } });
    expect(status).toBe(200);
    expect(body.product.id).toBe(productId);
  });
});

describe('a slug in upper case', () => {
  it('opens the same product page', async () => {
    const res = await t.request('/api/products/Drip-Bags');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { slug: string }).slug).toBe('drip-bags');
  });
});

describe('a variant id in upper case', () => {
  it('orders that variant', async () => {
    const tee = (await (await t.request('/api/products/logo-tee')).json()) as { variants: { id: string }[] };
    const variantId = tee.variants[0]!.id;
    const res = await t.request('/api/orders', {
      auth: await t.authFor({ id: 61_002 }),
      body: { items: [{ variantId: variantId.toUpperCase(), quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { items: { variantId: string }[] }).items).toEqual([expect.objectContaining({ variantId })]);
  });
});

describe('an order id in upper case', () => {
  it('finds the customer’s order and the merchant’s', async () => {
    const order = await placeOrder(t, { id: 61_002 }, [{ productId: ids.get('masala-chai')!, quantity: 1 }]);
    const mine = await t.request(`/api/orders/${order.id.toUpperCase()}`, { auth: order.auth });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { id: string }).id).toBe(order.id);
    const detail = await asAdmin(t, `/api/admin/orders/${order.id.toUpperCase()}`);
    expect(detail.status).toBe(200);
    const cancelled = await asAdmin(t, `/api/admin/orders/${order.id.toUpperCase()}/actions`, { body: { action: 'cancel' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order).toMatchObject({ id: order.id, status: 'cancelled' });
  });
});

describe('a category id in upper case', () => {
  it('is edited and deleted', async () => {
    expect((await asAdmin(t, '/api/admin/categories/TEA', { method: 'PATCH', body: { title: 'Tea' } })).status).toBe(200);
    const created = await asAdmin(t, '/api/admin/categories', { body: { slug: 'any-case', title: 'Any case' } });
    expect(created.status).toBe(201);
    const id = created.body.category.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await asAdmin(t, `/api/admin/categories/${id.toUpperCase()}`, { method: 'DELETE' })).status).toBe(204);
    expect((await asAdmin(t, `/api/admin/categories/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('is the category of a product', async () => {
    const productId = ids.get('earl-grey')!;
    const { status, body } = await asAdmin(t, `/api/admin/products/${productId}`, { method: 'PATCH', body: { categoryId: 'TEA' } });
    expect(status).toBe(200);
    expect(body.product.categoryId).toBe('tea');
  });
});

describe('a malformed id', () => {
  it.each([
    ['a uuid without its dashes', 'a'.repeat(32)],
    ['36 dashes', '-'.repeat(36)],
    ['36 zeros', '0'.repeat(36)],
  ])('in the order list cursor (%s) is 400, not a query the database refuses', async (_name, id) => {
    const before = btoa(`2026-01-01T00:00:00.000Z|${id}`).replace(/=+$/, '');
    const res = await asAdmin(t, `/api/admin/orders?before=${before}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['before any date PostgreSQL keeps', new Date(-8_640_000_000_000_000)],
    ['after any date PostgreSQL keeps', new Date(8_640_000_000_000_000)],
  ])('in the order list cursor: a time %s is 400', async (_name, createdAt) => {
    const res = await asAdmin(t, `/api/admin/orders?before=${encodeOrderCursor({ createdAt, id: crypto.randomUUID() })}`);
    expect(res.status).toBe(400);
  });

  it('in upper case, in the cursor, pages like its lower-case self', async () => {
    const auth = await adminAuth(t);
    const first = (await (await t.request('/api/admin/orders?limit=1', { auth })).json()) as { orders: { id: string; createdAt: string }[] };
    const [last] = first.orders;
    const lower = encodeOrderCursor({ createdAt: new Date(last!.createdAt), id: last!.id });
    const upper = encodeOrderCursor({ createdAt: new Date(last!.createdAt), id: last!.id.toUpperCase() });
    const [a, b] = await Promise.all([lower, upper].map(async (before) => (await t.request(`/api/admin/orders?before=${before}`, { auth })).json()));
    expect(b).toEqual(a);
  });
});

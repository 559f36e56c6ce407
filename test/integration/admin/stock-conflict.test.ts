// A merchant recounts the shelf while customers keep ordering: the count they type must not silently
// undo reservations made after the editor loaded the product.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin } from './admin-helpers';

let t: TestApp;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { body } = await asAdmin(t, '/api/admin/products', {
    body: { slug: 'recount-mug', title: 'Recount mug', priceMinor: '1000000000', stock: 5 },
  });
  productId = body.product.id;
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

async function stockNow(): Promise<number> {
  const { body } = await asAdmin(t, '/api/admin/products');
  return body.products.find((p: { id: string }) => p.id === productId).stock;
}

describe('setting stock from the admin editor', () => {
  it('writes the new count when the stock is still what the editor showed', async () => {
    const { status, body } = await asAdmin(t, `/api/admin/products/${productId}`, { method: 'PATCH', body: { stock: 8, expectedStock: 5 } });
    expect(status).toBe(200);
    expect(body.product.stock).toBe(8);
  });

  it('refuses with 409 STOCK_CHANGED when an order reserved units since, and changes nothing', async () => {
    const auth = await t.authFor({ id: 77_001 });
    const order = await t.request('/api/orders', { auth, body: { items: [{ productId, quantity: 2 }] } });
    expect(order.status).toBe(201);
    expect(await stockNow()).toBe(6);

    const { status, body } = await asAdmin(t, `/api/admin/products/${productId}`, { method: 'PATCH', body: { stock: 10, title: 'Renamed', expectedStock: 8 } });
    expect(status).toBe(409);
    expect(body.error.code).toBe('STOCK_CHANGED');
    expect(body.error.message).toContain('6');
    expect(await stockNow()).toBe(6);
    const { body: list } = await asAdmin(t, '/api/admin/products');
    expect(list.products.find((p: { id: string }) => p.id === productId).title).toBe('Recount mug');
  });

  it('still accepts a plain stock without expectedStock (imports, scripts)', async () => {
    const { status, body } = await asAdmin(t, `/api/admin/products/${productId}`, { method: 'PATCH', body: { stock: 3 } });
    expect(status).toBe(200);
    expect(body.product.stock).toBe(3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app';
import { adminAuth, asAdmin } from './admin-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const newProduct = {
  slug: 'oat-latte',
  title: 'Oat latte',
  description: 'Double shot, oat milk.',
  priceMinor: '2500000000',
  stock: 7,
  categoryId: 'coffee',
  images: ['/media/u/0000000000000000000000000000000000000000000000000000000000000000.png'],
  translations: { ru: { title: 'Овсяный латте', description: 'Двойной шот.' } },
};

async function publicCatalog() {
  const res = await t.request('/api/catalog');
  return { etag: res.headers.get('etag'), body: (await res.json()) as { products: { id: string; slug: string; priceMinor: string; stock: number }[] } };
}

describe('admin products', () => {
  let id: string;

  it('creates a product and it appears in the public catalog at once', async () => {
    const before = await publicCatalog();
    const { status, body } = await asAdmin(t, '/api/admin/products', { body: newProduct });
    expect(status).toBe(201);
    expect(body.product).toMatchObject({ ...newProduct, compareAtPriceMinor: null, active: true });
    expect(body.product.id).toMatch(/^[0-9a-f-]{36}$/);
    id = body.product.id;
    const after = await publicCatalog();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.products.find((p) => p.slug === 'oat-latte')).toMatchObject({ id, priceMinor: '2500000000', stock: 7 });
  });

  it('lists every product, inactive ones too, with stock, translations and the categories', async () => {
    await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { active: false } });
    const { status, body } = await asAdmin(t, '/api/admin/products');
    expect(status).toBe(200);
    const mine = body.products.find((p: { id: string }) => p.id === id);
    expect(mine).toMatchObject({ active: false, stock: 7, translations: newProduct.translations });
    expect(body.categories.map((c: { id: string }) => c.id)).toContain('coffee');
    await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { active: true } });
  });

  it('edits price and stock; the customer sees the new price and the ETag changes', async () => {
    const before = await publicCatalog();
    const { status, body } = await asAdmin(t, `/api/admin/products/${id}`, {
      method: 'PATCH',
      body: { priceMinor: '3100000000', compareAtPriceMinor: '3500000000', stock: 20 },
    });
    expect(status).toBe(200);
    expect(body.product).toMatchObject({ priceMinor: '3100000000', compareAtPriceMinor: '3500000000', stock: 20, title: 'Oat latte' });
    const after = await publicCatalog();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.products.find((p) => p.id === id)).toMatchObject({ priceMinor: '3100000000', stock: 20 });
    // An order is priced from the edited price, not the old one.
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 31_000 }), body: { items: [{ productId: id, quantity: 1 }] } });
    expect((await res.json()).totalMinor).toBe('3100000000');
  });

  it('deactivates a product: it leaves the public catalog and cannot be ordered', async () => {
    expect((await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { active: false } })).body.product.active).toBe(false);
    expect((await publicCatalog()).body.products.some((p) => p.id === id)).toBe(false);
    expect((await t.request('/api/products/oat-latte')).status).toBe(404);
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 31_001 }), body: { items: [{ productId: id, quantity: 1 }] } });
    expect(res.status).toBe(409);
  });

  it('refuses a slug another product has with 409 SLUG_TAKEN, on create and on edit', async () => {
    const created = await asAdmin(t, '/api/admin/products', { body: { ...newProduct } });
    expect(created.status).toBe(409);
    expect(created.body.error.code).toBe('SLUG_TAKEN');
    const edited = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { slug: 'espresso-beans' } });
    expect(edited.status).toBe(409);
    expect(edited.body.error.code).toBe('SLUG_TAKEN');
  });

  it('refuses a category that does not exist with 422', async () => {
    const res = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { categoryId: 'no-such' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CATEGORY_NOT_FOUND');
  });

  it.each([
    ['a price of zero', { priceMinor: '0' }],
    ['a price as a JSON number', { priceMinor: 2500000000 }],
    ['a fractional price', { priceMinor: '1.5' }],
    ['a negative price', { priceMinor: '-5' }],
    ['a price past int64', { priceMinor: '9223372036854775808' }],
    ['negative stock', { stock: -1 }],
    ['fractional stock', { stock: 1.5 }],
    ['an empty title', { title: '  ' }],
    ['a slug with capitals', { slug: 'Oat-Latte' }],
    ['a javascript: image', { images: ['javascript:alert(1)'] }],
    ['a protocol-relative image', { images: ['//evil.example/x.png'] }],
    ['an unknown translation language', { translations: { de: { title: 'Hafer' } } }],
  ])('rejects %s with 400 and changes nothing', async (_name, patch) => {
    const before = (await asAdmin(t, '/api/admin/products')).body.products.find((p: { id: string }) => p.id === id);
    const res = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: patch });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const after = (await asAdmin(t, '/api/admin/products')).body.products.find((p: { id: string }) => p.id === id);
    expect(after).toEqual(before);
  });

  it('answers 404 for an unknown product', async () => {
    const res = await asAdmin(t, '/api/admin/products/5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01', { method: 'PATCH', body: { stock: 1 } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('PRODUCT_NOT_FOUND');
  });
});

describe('admin categories', () => {
  it('creates, renames, reorders and deletes a category; its products stay, uncategorised', async () => {
    const created = await asAdmin(t, '/api/admin/categories', { body: { slug: 'seasonal', title: 'Seasonal' } });
    expect(created.status).toBe(201);
    const category = created.body.category;
    expect(category).toMatchObject({ slug: 'seasonal', title: 'Seasonal' });
    expect(category.position).toBeGreaterThan(0);

    const renamed = await asAdmin(t, `/api/admin/categories/${category.id}`, { method: 'PATCH', body: { title: 'Winter', position: 0 } });
    expect(renamed.body.category).toMatchObject({ id: category.id, slug: 'seasonal', title: 'Winter', position: 0 });

    const product = await asAdmin(t, '/api/admin/products', { body: { ...newProduct, slug: 'mulled-cider', categoryId: category.id } });
    expect(product.status).toBe(201);

    const listed = await asAdmin(t, '/api/admin/categories');
    expect(listed.body.categories.map((c: { id: string }) => c.id)).toContain(category.id);

    const deleted = await t.request(`/api/admin/categories/${category.id}`, { method: 'DELETE', auth: await adminAuth(t) });
    expect(deleted.status).toBe(204);
    const products = (await asAdmin(t, '/api/admin/products')).body.products;
    expect(products.find((p: { slug: string }) => p.slug === 'mulled-cider')).toMatchObject({ categoryId: null });
    expect((await asAdmin(t, `/api/admin/categories/${category.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a duplicate category slug with 409', async () => {
    const res = await asAdmin(t, '/api/admin/categories', { body: { slug: 'coffee', title: 'More coffee' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SLUG_TAKEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../../functions/core/catalog/demo-catalog';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

interface CatalogBody {
  categories: { id: string; slug: string; title: string }[];
  products: {
    id: string;
    slug: string;
    title: string;
    priceMinor: string;
    compareAtPriceMinor: string | null;
    stock: number;
    images: string[];
    categoryId: string;
  }[];
}

describe('GET /api/health', () => {
  it('reports the database as reachable', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { database: { ok: true, state: 'ok' } } });
  });
});

describe('GET /api/catalog', () => {
  it('lists the seeded demo catalog: at least 24 active products in at least 4 categories', async () => {
    const res = await t.request('/api/catalog');
    expect(res.status).toBe(200);
    const body = (await res.json()) as CatalogBody;
    expect(body.categories.map((c) => c.slug)).toEqual(DEMO_CATEGORIES.map((c) => c.slug));
    expect(body.products.length).toBeGreaterThanOrEqual(24);
    expect(new Set(body.products.map((p) => p.categoryId)).size).toBeGreaterThanOrEqual(4);
  });

  it('leaves out products that are not for sale', async () => {
    const body = (await (await t.request('/api/catalog')).json()) as CatalogBody;
    const inactive = DEMO_PRODUCTS.filter((p) => p.active === false).map((p) => p.slug);
    expect(inactive.length).toBeGreaterThan(0);
    for (const slug of inactive) expect(body.products.some((p) => p.slug === slug)).toBe(false);
  });

  it('sends money as decimal strings of nanotons', async () => {
    const body = (await (await t.request('/api/catalog')).json()) as CatalogBody;
    const espresso = body.products.find((p) => p.slug === 'espresso-beans');
    expect(espresso?.priceMinor).toBe('4500000000');
    const filter = body.products.find((p) => p.slug === 'filter-blend');
    expect(filter?.compareAtPriceMinor).toBe('6000000000');
    for (const p of body.products) expect(p.priceMinor).toMatch(/^[1-9]\d*$/);
  });

  it('answers 304 to a client that already has the current version', async () => {
    const first = await t.request('/api/catalog');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await t.request('/api/catalog', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('changes the ETag when stock changes', async () => {
    const before = (await t.request('/api/catalog')).headers.get('etag');
    const catalog = (await (await t.request('/api/catalog')).json()) as CatalogBody;
    const product = catalog.products.find((p) => p.slug === 'drip-bags')!;
    const order = await t.request('/api/orders', {
      auth: await t.authFor({ id: 5001 }),
      body: { items: [{ productId: product.id, quantity: 1 }] },
    });
    expect(order.status).toBe(201);
    const after = (await t.request('/api/catalog')).headers.get('etag');
    expect(after).not.toBe(before);
  });
});

describe('GET /api/products/:slug', () => {
  it('returns one product', async () => {
    const res = await t.request('/api/products/hand-grinder');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'hand-grinder', priceMinor: '24000000000', compareAtPriceMinor: '29000000000' });
  });

  it.each(['no-such-thing', 'subscription-month', 'BAD%20SLUG', '..%2F..%2Fetc'])('answers 404 PRODUCT_NOT_FOUND for %s', async (slug) => {
    const res = await t.request(`/api/products/${slug}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'PRODUCT_NOT_FOUND' } });
  });
});

describe('demo images', () => {
  it('serves a locally drawn SVG for every demo product', async () => {
    const res = await t.request('/media/demo/espresso-beans.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('answers 404 for an unknown image', async () => {
    const res = await t.request('/media/demo/unknown.svg');
    expect(res.status).toBe(404);
  });
});

describe('unknown API routes', () => {
  it('answer 404 with a JSON error', async () => {
    const res = await t.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('GET /tonconnect-manifest.json', () => {
  it("describes the shop for wallets at the shop's configured address, readable cross-origin", async () => {
    const res = await t.request('/tonconnect-manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ url: 'http://shop.test', name: 'Bazaar', iconUrl: 'http://shop.test/icon-192.png' });
  });

  it('names that address whatever Host the request was sent with', async () => {
    const res = await t.request('/tonconnect-manifest.json', { to: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ url: 'http://shop.test', iconUrl: 'http://shop.test/icon-192.png' });
  });
});

// The catalog's kept answers (functions/core/catalog/catalog-snapshot.ts): made once per catalog version,
// and made again after any write to what they show, whoever wrote it: the admin API, a customer's order,
// a statement straight to the database. Runs on PGlite, and on the PostgreSQL server with DATABASE_URL.
import { createCatalogReads } from '../../functions/api/catalog-reads';
import { gunzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories } from '../../functions/adapters/db/schema';
import { createApp } from '../../functions/app';
import type { CatalogRepo } from '../../functions/core/catalog/catalog';
import { createTestApp, TEST_CRON_SECRET, TEST_ORIGIN, type TestApp } from '../support/test-app';
import { setStock } from '../support/stock';
import { asAdmin, placeOrder, productIdsBySlug } from './admin/admin-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

interface ProductBody {
  id: string;
  slug: string;
  title: string;
  stock: number;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await t.request(path, { headers });
  return { res, etag: res.headers.get('etag')!, text: await res.text() };
}

/** The app over the test's deps with the catalog's reads counted (and gzip kept, as the Node server does). */
function countingApp() {
  const reads = { lists: 0, products: 0 };
  const real = t.deps.catalog;
  const catalog: CatalogRepo = {
    currency: real.currency,
    listCatalog: () => (reads.lists++, real.listCatalog()),
    findActiveProductBySlug: (slug) => (reads.products++, real.findActiveProductBySlug(slug)),
    readVersion: () => real.readVersion(),
  };
  const app = createApp({ ...t.deps, catalog, catalogReads: createCatalogReads({ catalog, precompress: true }) });
  const request = (path: string, headers: Record<string, string> = {}) =>
    Promise.resolve(app.request(`${TEST_ORIGIN}${path}`, { headers: { host: new URL(TEST_ORIGIN).host, ...headers } }));
  return { reads, request };
}

describe('the catalog snapshot', () => {
  it('reads the catalog once for many requests, and again after an admin edit', async () => {
    const { reads, request } = countingApp();
    for (let i = 0; i < 5; i++) expect((await request('/api/catalog?locale=en')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await request('/api/products/espresso-beans?locale=en')).status).toBe(200);
    expect(reads).toEqual({ lists: 1, products: 1 });
    const id = (await productIdsBySlug(t)).get('espresso-beans')!;
    expect((await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { title: 'Espresso beans, new crop' } })).status).toBe(200);
    const product = (await (await request('/api/products/espresso-beans?locale=en')).json()) as ProductBody;
    expect(product.title).toBe('Espresso beans, new crop');
    await request('/api/catalog?locale=en');
    expect(reads).toEqual({ lists: 2, products: 2 });
  });

  it('answers 304 to the current ETag, then 200 with a new ETag after an admin edit', async () => {
    for (const path of ['/api/catalog?locale=en', '/api/products/filter-blend?locale=en', '/api/catalog']) {
      const before = await get(path);
      expect(before.res.status).toBe(200);
      expect((await get(path, { 'if-none-match': before.etag })).res.status).toBe(304);
      const id = (await productIdsBySlug(t)).get('filter-blend')!;
      const title = `Filter blend ${path.length}-${Date.now()}`;
      expect((await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { title } })).status).toBe(200);
      const after = await get(path, { 'if-none-match': before.etag });
      expect(after.res.status).toBe(200);
      expect(after.etag).not.toBe(before.etag);
      expect(after.text).toContain(title);
      expect((await get(path, { 'if-none-match': after.etag })).res.status).toBe(304);
    }
  });

  it("shows a customer's order in the stock at once, and the stock its expiry puts back", async () => {
    await setStock(t.db.handle.db, 'travel-mug', 9);
    const before = await get('/api/products/travel-mug?locale=en');
    expect((JSON.parse(before.text) as ProductBody).stock).toBe(9);
    const order = await placeOrder(t, { id: 7_700_001 }, [{ productId: (JSON.parse(before.text) as ProductBody).id, quantity: 2 }]);
    const after = await get('/api/products/travel-mug?locale=en', { 'if-none-match': before.etag });
    expect(after.res.status).toBe(200);
    expect((JSON.parse(after.text) as ProductBody).stock).toBe(7);
    const catalog = JSON.parse((await get('/api/catalog?locale=en')).text) as { products: ProductBody[] };
    expect(catalog.products.find((p) => p.slug === 'travel-mug')?.stock).toBe(7);
    // The order goes unpaid past its time; the reconciler reads the chain to now and expires it, putting
    // its units back on the shelf.
    t.clock.advanceSeconds(1800);
    const reconcile = await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    expect(reconcile.status).toBe(200);
    const status = await t.request(`/api/orders/${order.id}`, { auth: await t.authFor({ id: 7_700_001 }) });
    expect(((await status.json()) as { status: string }).status).toBe('expired');
    expect((JSON.parse((await get('/api/products/travel-mug?locale=en')).text) as ProductBody).stock).toBe(9);
  });

  it('sees a write that went straight to the database, past every repository', async () => {
    const before = JSON.parse((await get('/api/catalog?locale=en')).text) as { categories: { id: string; title: string }[] };
    const first = before.categories[0]!;
    await t.db.handle.db.update(categories).set({ title: 'Renamed in SQL' }).where(eq(categories.id, first.id));
    const after = JSON.parse((await get('/api/catalog?locale=en')).text) as { categories: { id: string; title: string }[] };
    expect(after.categories.find((c) => c.id === first.id)?.title).toBe('Renamed in SQL');
    await t.db.handle.db.update(categories).set({ title: first.title }).where(eq(categories.id, first.id));
  });

  it('bumps the version once per transaction, whatever the number of rows it writes', async () => {
    const version = () => t.deps.catalog.readVersion();
    const start = await version();
    await t.db.handle.db.execute(sql`update product_variants set stock = stock`);
    expect(await version()).toBe(start + 1n);
    await t.db.handle.db.execute(sql`select count(*) from products`);
    expect(await version()).toBe(start + 1n);
  });

  it('sends the kept gzip to a client that accepts it, with its own ETag, and 304 for either', async () => {
    const { request } = countingApp();
    const plain = await request('/api/catalog?locale=en');
    const zipped = await request('/api/catalog?locale=en', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const plainText = await plain.text();
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plainText);
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    for (const etag of [plain.headers.get('etag')!, zipped.headers.get('etag')!, `W/${zipped.headers.get('etag')}`]) {
      expect((await request('/api/catalog?locale=en', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(304);
    }
    expect((await request('/api/catalog?locale=en', { 'accept-encoding': 'gzip;q=0' })).headers.get('content-encoding')).toBeNull();
  });

  it('lets a CDN keep a ?locale= answer at most 2 s in all, and revalidates one chosen by Accept-Language', async () => {
    for (const path of ['/api/catalog?locale=ru', '/api/products/espresso-beans?locale=ru']) {
      const cacheControl = (await get(path)).res.headers.get('cache-control')!;
      const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1]);
      expect(seconds('s-maxage')).toBeGreaterThan(0);
      expect(seconds('stale-while-revalidate')).toBeGreaterThan(0);
      expect(seconds('s-maxage') + seconds('stale-while-revalidate')).toBeLessThanOrEqual(2);
      expect(cacheControl).toMatch(/max-age=0/);
    }
    const byHeader = (await get('/api/catalog', { 'accept-language': 'ru' })).res.headers.get('cache-control')!;
    expect(byHeader).toMatch(/no-cache/);
    expect(byHeader).not.toMatch(/s-maxage/);
  });

  it('still answers 404 JSON for an unknown product, and 400 for a bad locale', async () => {
    const missing = await get('/api/products/no-such-thing?locale=en');
    expect(missing.res.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ error: { code: 'PRODUCT_NOT_FOUND' } });
    const bad = await get('/api/products/espresso-beans?locale=..%2F');
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: 'INVALID_LOCALE' } });
  });
});

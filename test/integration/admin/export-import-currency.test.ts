// Issue #13: the exit door of a shop that prices in dollars. Every exported price says its currency, an
// import keeps it, and a file exported before prices had a currency (nanotons) still imports, as TON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../functions/core/admin/csv';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin, exportFile, importFile, placeOrder } from './admin-helpers';

const opened: TestApp[] = [];
let shop: TestApp;

async function usdShop() {
  const t = await createTestApp({ seed: false, pricing: { currency: 'USD' } });
  opened.push(t);
  return t;
}

function comparableItems(jsonExport: string) {
  return JSON.parse(jsonExport).items.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest);
}

beforeAll(async () => {
  shop = await usdShop();
  const mug = await asAdmin(shop, '/api/admin/products', { body: { slug: 'mug', title: 'Mug', priceMinor: '1250', compareAtPriceMinor: '1500', stock: 4 } });
  expect(mug.status).toBe(201);
  // A product with options priced in the shop's currency (no currency given), and one the merchant priced
  // in TON before, imported with its currency and kept as given.
  const items = [
    {
      slug: 'tee',
      title: 'Tee',
      priceMinor: '2400',
      options: [{ name: 'Size', values: ['M', 'XXL'] }],
      variants: [
        { optionValues: ['M'], stock: 3 },
        { optionValues: ['XXL'], stock: 1, priceMinor: '2600' },
      ],
    },
    { slug: 'ton-beans', title: 'Beans', currency: 'TON', priceMinor: '4500000000', stock: 2 },
  ];
  const kept = await importFile(shop, 'json', JSON.stringify({ kind: 'catalog', items }));
  expect(kept).toEqual({ status: 200, body: { created: 2, updated: 0, categoriesCreated: 0 } });
});
afterAll(async () => {
  for (const t of opened) {
    expect(t.errors).toEqual([]);
    await t.close();
  }
});

describe('catalog export and import in a USD shop', () => {
  it('exports each product with its currency, in JSON and in a CSV column', async () => {
    const items = JSON.parse((await exportFile(shop, 'catalog', 'json')).text).items as { slug: string; currency: string }[];
    expect(items.map((p) => [p.slug, p.currency])).toEqual([
      ['mug', 'USD'],
      ['tee', 'USD'],
      ['ton-beans', 'TON'],
    ]);
    const [header, ...rows] = parseCsv((await exportFile(shop, 'catalog', 'csv')).text);
    const at = (name: string) => header!.indexOf(name);
    expect(at('currency')).toBeGreaterThan(-1);
    expect(rows.filter((r) => r[at('title')] !== '').map((r) => [r[at('slug')], r[at('currency')], r[at('priceMinor')]])).toEqual([
      ['mug', 'USD', '1250'],
      ['tee', 'USD', '2400'],
      ['ton-beans', 'TON', '4500000000'],
    ]);
  });

  it.each(['json', 'csv'])('round trip in %s: the same catalog, currencies included, comes out of another USD shop', async (format) => {
    const expected = comparableItems((await exportFile(shop, 'catalog', 'json')).text);
    const target = await usdShop();
    const imported = await importFile(target, format, (await exportFile(shop, 'catalog', format)).text);
    expect(imported.body).toEqual({ created: 3, updated: 0, categoriesCreated: 0 });
    expect(comparableItems((await exportFile(target, 'catalog', 'json')).text)).toEqual(expected);
    // It sells what is in dollars, and not the TON product until it is repriced.
    const catalog = (await (await target.request('/api/catalog')).json()) as { currency: string; products: { slug: string }[] };
    expect(catalog.currency).toBe('USD');
    expect(catalog.products.map((p) => p.slug)).toEqual(['mug', 'tee']);
  });

  it('imports a row without a currency in the shop’s', async () => {
    const target = await usdShop();
    const result = await importFile(target, 'csv', 'slug,title,priceMinor,stock\r\nplain,Plain,999,1\r\n');
    expect(result.status).toBe(200);
    const { body } = await asAdmin(target, '/api/admin/products');
    expect(body.products.map((p: { slug: string; currency: string; priceMinor: string }) => [p.slug, p.currency, p.priceMinor])).toEqual([
      ['plain', 'USD', '999'],
    ]);
  });

  it('imports a CSV exported before prices had a currency (priceNano …) as TON, and does not sell it until repriced', async () => {
    const target = await usdShop();
    const old = [
      'type,slug,title,description,priceNano,compareAtPriceNano,stock,active,category,position,images,kind,option1Name,option1Value,variantSku,variantPriceNano,variantActive',
      'product,old-tee,Old tee,,12000000000,15000000000,3,true,,,,physical,Size,M,OT-M,,true',
      'product,old-tee,,,,,1,,,,,,,XXL,OT-XXL,13000000000,true',
      'product,old-mug,Old mug,,4500000000,,2,true,,,,physical,,,,,',
    ].join('\r\n');
    const result = await importFile(target, 'csv', old);
    expect(result).toEqual({ status: 200, body: { created: 2, updated: 0, categoriesCreated: 0 } });
    const { body } = await asAdmin(target, '/api/admin/products');
    expect(body.pricingCurrency).toBe('USD');
    const tee = body.products.find((p: { slug: string }) => p.slug === 'old-tee');
    expect(tee).toMatchObject({ currency: 'TON', priceMinor: '12000000000', compareAtPriceMinor: '15000000000' });
    expect(tee.variants.map((v: { priceOverrideMinor: string | null }) => v.priceOverrideMinor)).toEqual([null, '13000000000']);
    expect(body.products.find((p: { slug: string }) => p.slug === 'old-mug')).toMatchObject({ currency: 'TON', priceMinor: '4500000000' });
    const catalog = (await (await target.request('/api/catalog')).json()) as { products: unknown[] };
    expect(catalog.products).toEqual([]);
  });

  it('imports an old JSON export (priceNano …) as TON', async () => {
    const target = await usdShop();
    const old = { kind: 'catalog', items: [{ slug: 'old-json', title: 'Old', priceNano: '2000000000', compareAtPriceNano: null, stock: 1 }], categories: [] };
    expect((await importFile(target, 'json', JSON.stringify(old))).status).toBe(200);
    const items = JSON.parse((await exportFile(target, 'catalog', 'json')).text).items;
    expect(items).toEqual([expect.objectContaining({ slug: 'old-json', currency: 'TON', priceMinor: '2000000000' })]);
  });
});

describe('orders export in a USD shop', () => {
  it('says each order’s currency, in JSON and in a CSV column', async () => {
    const { body } = await asAdmin(shop, '/api/admin/products');
    const mug = body.products.find((p: { slug: string }) => p.slug === 'mug');
    const order = await placeOrder(shop, { id: 82_001 }, [{ productId: mug.id, quantity: 2 }]);
    expect(order.totalMinor).toBe('2500');
    const json = JSON.parse((await exportFile(shop, 'orders', 'json')).text);
    expect(json.items.find((o: { id: string }) => o.id === order.id)).toMatchObject({ currency: 'USD', totalMinor: '2500' });
    const [header, ...rows] = parseCsv((await exportFile(shop, 'orders', 'csv')).text);
    const row = rows.find((r) => r[0] === order.id)!;
    expect(row[header!.indexOf('currency')]).toBe('USD');
    expect(row[header!.indexOf('orderTotalMinor')]).toBe('2500');
  });
});

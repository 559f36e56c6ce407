import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../functions/core/admin/csv';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin, exportFile, importFile, placeOrder, productIdsBySlug } from './admin-helpers';

let shop: TestApp;
const opened: TestApp[] = [];

beforeAll(async () => {
  shop = await createTestApp();
  opened.push(shop);
  // What a real catalog holds besides the demo: an empty category, an inactive product, translations,
  // text that CSV must quote, and text a spreadsheet would run as a formula.
  expect((await asAdmin(shop, '/api/admin/categories', { body: { slug: 'empty-shelf', title: 'Empty, for now' } })).status).toBe(201);
  const tricky = await asAdmin(shop, '/api/admin/products', {
    body: {
      slug: 'tricky-one',
      title: '=HYPERLINK("http://evil.example","click")',
      description: 'Line one, with a comma\nLine "two" with quotes\r\n\'quoted start\n-dash start',
      priceMinor: '1234567890123',
      compareAtPriceMinor: '2000000000000',
      stock: 0,
      categoryId: null,
      images: ['/media/u/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png', 'https://cdn.example/x y.png'.replace(' ', '%20')],
      active: false,
      translations: { ru: { title: 'Хитрый, "товар"', description: '+7 строк' }, fa: { title: 'کالای پیچیده' } },
    },
  });
  expect(tricky.status).toBe(201);
});
afterAll(async () => {
  for (const t of opened) {
    expect(t.errors).toEqual([]);
    await t.close();
  }
});

/** The catalog export without what differs between shops by nature: ids and timestamps. */
function comparable(jsonExport: string) {
  const data = JSON.parse(jsonExport);
  return {
    kind: data.kind,
    categories: data.categories.map(({ id: _id, ...rest }: Record<string, unknown>) => rest),
    items: data.items.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest),
  };
}

async function emptyShop() {
  const t = await createTestApp({ seed: false });
  opened.push(t);
  return t;
}

describe('catalog export', () => {
  it('downloads JSON with the categories and every product field, translations and images included', async () => {
    const { text, headers } = await exportFile(shop, 'catalog', 'json');
    const date = shop.clock.now().toISOString().slice(0, 10);
    expect(headers.get('content-disposition')).toBe(`attachment; filename="bazaar-catalog-${date}.json"`);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('cache-control')).toBe('no-store');
    const data = JSON.parse(text);
    expect(data).toMatchObject({ kind: 'catalog', exportedAt: shop.clock.now().toISOString() });
    expect(data.categories.map((c: { slug: string }) => c.slug)).toContain('empty-shelf');
    expect(data.items.find((p: { slug: string }) => p.slug === 'tricky-one')).toMatchObject({
      priceMinor: '1234567890123',
      compareAtPriceMinor: '2000000000000',
      active: false,
      category: null,
      translations: { fa: { title: 'کالای پیچیده' } },
    });
    expect(data.items.find((p: { slug: string }) => p.slug === 'espresso-beans')).toMatchObject({
      category: 'coffee',
      images: ['/media/demo/espresso-beans.svg'],
    });
  });

  it('downloads CSV a spreadsheet reads safely: quoted per RFC 4180, formulas made inert', async () => {
    const { text, headers } = await exportFile(shop, 'catalog', 'csv');
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/filename="bazaar-catalog-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(text.startsWith('type,slug,title,description,currency,priceMinor')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    // Read back, every cell is exactly what was stored.
    const records = parseCsv(text);
    const header = records[0]!;
    const row = records.find((r) => r[1] === 'tricky-one')!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('title')).toBe('=HYPERLINK("http://evil.example","click")');
    expect(cell('description')).toBe('Line one, with a comma\nLine "two" with quotes\r\n\'quoted start\n-dash start');
    expect(cell('description:ru')).toBe('+7 строк');
  });
});

describe('catalog import', () => {
  it.each(['json', 'csv'])('round trip in %s: export, import into an empty shop, the same catalog comes out', async (format) => {
    const original = await exportFile(shop, 'catalog', 'json');
    const file = await exportFile(shop, 'catalog', format);
    const target = await emptyShop();
    const result = await importFile(target, format, file.text);
    const expected = comparable(original.text);
    expect(result).toEqual({ status: 200, body: { created: expected.items.length, updated: 0, categoriesCreated: expected.categories.length } });
    expect(comparable((await exportFile(target, 'catalog', 'json')).text)).toEqual(expected);
    if (format === 'csv') expect((await exportFile(target, 'catalog', 'csv')).text).toBe(file.text);
    // The imported shop sells: the public catalog lists the active products, priced as exported.
    const catalog = await (await target.request('/api/catalog')).json();
    expect(catalog.products).toHaveLength(expected.items.filter((p: { active: boolean }) => p.active).length);
  });

  it('updates products and categories matched by slug, and adds the new ones', async () => {
    const target = await emptyShop();
    const { text } = await exportFile(shop, 'catalog', 'json');
    await importFile(target, 'json', text);
    const data = JSON.parse(text);
    data.items[0].priceMinor = '777';
    data.items[0].title = 'Renamed';
    data.items.push({ slug: 'brand-new', title: 'Brand new', priceMinor: '5', stock: 1, category: 'empty-shelf' });
    data.categories[0].title = 'Retitled';
    const result = await importFile(target, 'json', JSON.stringify(data));
    expect(result).toEqual({ status: 200, body: { created: 1, updated: data.items.length - 1, categoriesCreated: 0 } });
    const after = JSON.parse((await exportFile(target, 'catalog', 'json')).text);
    expect(after.items.find((p: { slug: string }) => p.slug === data.items[0].slug)).toMatchObject({ priceMinor: '777', title: 'Renamed' });
    expect(after.items.find((p: { slug: string }) => p.slug === 'brand-new')).toMatchObject({ category: 'empty-shelf', active: true, description: '' });
    expect(after.categories[0].title).toBe('Retitled');
  });

  it('imports nothing from a file with bad rows, and reports every bad row', async () => {
    const target = await emptyShop();
    await importFile(target, 'json', (await exportFile(shop, 'catalog', 'json')).text);
    const before = (await exportFile(target, 'catalog', 'json')).text;
    const csv = [
      'type,slug,title,priceMinor,stock,category,active',
      'category,teas,Teas,,,,',
      'product,good-tea,Good tea,1000,5,teas,true', // row 3: fine, and must not be imported either
      'product,Bad Slug,Bad slug,1000,5,,', // row 4
      'product,no-price,No price,,5,,', // row 5
      'product,float-price,Float price,1.5,5,,', // row 6
      'product,neg-stock,Negative stock,1000,-2,,', // row 7
      'product,ghost-cat,Ghost category,1000,1,nowhere,', // row 8
      'product,good-tea,Good tea again,1000,5,,', // row 9: the slug is taken by row 3
      'product,espresso-beans,Price changed,1,1,coffee,maybe', // row 10: active is neither
      'category,,No slug,,,,', // row 11
    ].join('\r\n');
    const { status, body } = await importFile(target, 'csv', csv);
    expect(status).toBe(422);
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.message).toMatch(/Nothing was imported/);
    const problems = body.error.rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`);
    expect(problems).toEqual(['11:slug', '4:slug', '5:priceMinor', '6:priceMinor', '7:stock', '8:category', '9:slug', '10:active']);
    expect(body.error.rows.find((r: { row: number }) => r.row === 5).message).toBe('is required');
    expect((await exportFile(target, 'catalog', 'json')).text.replace(/"exportedAt": "[^"]+"/, '')).toBe(before.replace(/"exportedAt": "[^"]+"/, ''));
  });

  it.each([
    ['csv', 'slug,title\n"never closed,x', /never closed/],
    ['csv', 'name,price\nTea,1', /slug/],
    ['json', '{ not json', /not valid JSON/],
    ['json', '{ "kind": "orders", "items": [] }', /orders export/],
    ['json', '{ "kind": "catalog", "items": [] }', /no rows/],
  ])('refuses an unreadable %s file with 400 IMPORT_UNREADABLE', async (format, text, message) => {
    const { status, body } = await importFile(shop, format, text);
    expect(status).toBe(400);
    expect(body.error.code).toBe('IMPORT_UNREADABLE');
    expect(body.error.message).toMatch(message);
  });
});

describe('orders and customers export', () => {
  it('exports each order with its lines and the customer’s ids, as CSV and as JSON', async () => {
    const ids = await productIdsBySlug(shop);
    const order = await placeOrder(shop, { id: 60_001, firstName: '@SUM(A1:A9)', username: 'buyer' }, [
      { productId: ids.get('beanie')!, quantity: 2 },
      { productId: ids.get('travel-mug')!, quantity: 1 },
    ]);
    const json = JSON.parse((await exportFile(shop, 'orders', 'json')).text);
    expect(json.kind).toBe('orders');
    const exported = json.items.find((o: { id: string }) => o.id === order.id);
    expect(exported).toMatchObject({ code: order.code, status: 'pending', totalMinor: order.totalMinor, customerTelegramId: '60001' });
    expect(exported.items.map((i: { slug: string; quantity: number }) => [i.slug, i.quantity])).toEqual([
      ['beanie', 2],
      ['travel-mug', 1],
    ]);

    const csv = await exportFile(shop, 'orders', 'csv');
    expect(csv.headers.get('content-disposition')).toMatch(/filename="bazaar-orders-\d{4}-\d{2}-\d{2}\.csv"/);
    const records = parseCsv(csv.text);
    const lines = records.filter((r) => r[0] === order.id);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual(expect.arrayContaining([order.code, 'pending', order.totalMinor, exported.customerId, '60001', 'beanie', '2']));

    const customers = await exportFile(shop, 'customers', 'csv');
    expect(customers.text).toContain(`'@SUM(A1:A9)`);
    const customer = parseCsv(customers.text).find((r) => r[1] === '60001');
    expect(customer).toEqual([exported.customerId, '60001', '@SUM(A1:A9)', '', 'buyer', 'en', '', expect.any(String)]);
    const customersJson = JSON.parse((await exportFile(shop, 'customers', 'json')).text);
    expect(customersJson.items.find((c: { telegramId: string }) => c.telegramId === '60001')).toMatchObject({
      firstName: '@SUM(A1:A9)',
      username: 'buyer',
      languageCode: 'en',
      walletAddress: null,
    });
  });

  it('rejects an unknown kind or format with 400', async () => {
    expect((await asAdmin(shop, '/api/admin/export?kind=secrets&format=csv')).status).toBe(400);
    expect((await asAdmin(shop, '/api/admin/export?kind=orders&format=xlsx')).status).toBe(400);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../functions/adapters/db/schema';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app';
import { adminAuth, productIdsBySlug } from './admin/admin-helpers';

// The text rule (docs/api.md, "Text"): PostgreSQL stores neither U+0000 nor an unpaired surrogate, so
// every route refuses them with 400 TEXT_INVALID (422 with the rows, for an import) before anything is
// written. Text Telegram signed (initData, the Login Widget) is the person's own name: it is taken, with
// those characters replaced by U+FFFD.

let t: TestApp;
let admin: string;
let customer: string;
let productId: string;
let orderId: string;
let initialShop: unknown;

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminAuth(t);
  customer = await t.authFor({ id: 52_000 });
  productId = (await productIdsBySlug(t)).get('espresso-beans')!;
  const order = await t.request('/api/orders', { auth: customer, body: { items: [{ productId, quantity: 1 }] } });
  orderId = ((await order.json()) as { id: string }).id;
  initialShop = await shopState();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const UNSTORABLE: [string, string][] = [
  ['U+0000', 'Tea\u0000time'],
  ['a lone high surrogate', 'Tea \uD83D'],
  ['a lone low surrogate', '\uDE00 time'],
];

/** What the shop stores for `text` Telegram signed: each unstorable character becomes U+FFFD. */
// eslint-disable-next-line no-control-regex -- U+0000 is what this suite is about
const replaced = (text: string) => text.replace(/\u0000|\uD83D|\uDE00/g, '\uFFFD');

/** What the merchant's edits could have changed: products, categories, settings. */
async function shopState() {
  const [products, categories, settings] = await Promise.all(
    ['/api/admin/products', '/api/admin/categories', '/api/admin/settings'].map(async (path) => (await t.request(path, { auth: admin })).json()),
  );
  return { products, categories, settings };
}

async function errorOf(res: Response) {
  return { status: res.status, code: ((await res.json()) as { error: { code: string; message: string } }).error.code };
}

const product = { slug: 'text-rule-tea', title: 'Tea', priceMinor: '1000000000', stock: 1 };
const settings = { name: 'Bazaar', description: '', currencyDisplay: 'code', defaultLanguage: 'en', languages: ['en'] };

type BodyCase = [label: string, as: 'admin' | 'customer', method: string, path: () => string, body: (bad: string) => unknown];
const BODY_CASES: BodyCase[] = [
  ['a product title', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, title: bad })],
  ['a product description', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, description: bad })],
  ['a product slug', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, slug: `tea${bad}` })],
  ['a product translation', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, translations: { ru: { title: bad } } })],
  ['a product image URL', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, images: [`/media/u/${bad}.png`] })],
  ['a product category id', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, categoryId: `coffee${bad}` })],
  ['a product price', 'admin', 'POST', () => '/api/admin/products', (bad) => ({ ...product, priceMinor: `1${bad}` })],
  ['an edited product title', 'admin', 'PATCH', () => `/api/admin/products/${productId}`, (bad) => ({ title: bad })],
  ['a category title', 'admin', 'POST', () => '/api/admin/categories', (bad) => ({ slug: 'text-rule', title: bad })],
  ['an edited category title', 'admin', 'PATCH', () => '/api/admin/categories/coffee', (bad) => ({ title: bad })],
  ['the shop name', 'admin', 'PUT', () => '/api/admin/settings', (bad) => ({ ...settings, name: bad })],
  ['the shop description', 'admin', 'PUT', () => '/api/admin/settings', (bad) => ({ ...settings, description: bad })],
  ['a payment note', 'admin', 'POST', () => `/api/admin/payments/${crypto.randomUUID()}/resolve`, (bad) => ({ note: bad })],
  ['an order action', 'admin', 'POST', () => `/api/admin/orders/${orderId}/actions`, (bad) => ({ action: `cancel${bad}` })],
  ['a field the route does not read', 'admin', 'PATCH', () => `/api/admin/products/${productId}`, (bad) => ({ title: 'Tea', note: bad })],
  ['a field name', 'admin', 'PATCH', () => `/api/admin/products/${productId}`, (bad) => ({ title: 'Tea', [bad]: 1 })],
  ['an ordered product id', 'customer', 'POST', () => '/api/orders', (bad) => ({ items: [{ productId: `${productId}${bad}`, quantity: 1 }] })],
  ['a payment BOC', 'customer', 'POST', () => `/api/orders/${orderId}/payment`, (bad) => ({ boc: `te6${bad}` })],
];

describe.each(UNSTORABLE)('text with %s', (_name, bad) => {
  it.each(BODY_CASES)('is refused in %s with 400 TEXT_INVALID', async (_label, as, method, path, body) => {
    const res = await t.request(path(), { method, auth: as === 'admin' ? admin : customer, body: body(bad) });
    expect(await errorOf(res)).toEqual({ status: 400, code: 'TEXT_INVALID' });
  });

  it('is refused in a ton_proof payload, before the payload is looked up', async () => {
    const wallet = await t.ton.dev.chain.createDevWallet();
    const body = await t.tonProofFor(wallet, { payload: `${'0'.repeat(63)}${bad}` });
    for (const path of ['/api/auth/ton-proof', '/api/auth/link/ton-proof']) {
      const res = await t.request(path, { body, auth: customer, headers: { origin: TEST_ORIGIN } });
      expect(await errorOf(res)).toEqual({ status: 400, code: 'TEXT_INVALID' });
    }
  });

  it('is refused in a ton_proof address and domain', async () => {
    const wallet = await t.ton.dev.chain.createDevWallet();
    const body = await t.tonProofFor(wallet);
    const inAddress = { ...body, address: `${body.address}${bad}` };
    const inDomain = { ...body, proof: { ...body.proof, domain: { lengthBytes: 9, value: `shop.test${bad}` } } };
    for (const proof of [inAddress, inDomain]) {
      expect(await errorOf(await t.request('/api/auth/ton-proof', { body: proof }))).toEqual({ status: 400, code: 'TEXT_INVALID' });
    }
  });

  it('is refused in an import row with 422, naming the row and field, and nothing is imported', async () => {
    const before = await shopState();
    const file = {
      kind: 'catalog',
      items: [
        { ...product, slug: 'import-ok' },
        { ...product, slug: 'import-bad', title: bad },
      ],
      categories: [{ slug: 'import-cat', title: bad }],
    };
    const res = await t.request('/api/admin/import?format=json', { auth: admin, body: file });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; rows: { row: number; section: string; field: string; message: string }[] } };
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.rows).toEqual([
      { row: 1, section: 'category', field: 'title', message: expect.stringContaining('U+0000') },
      { row: 2, section: 'product', field: 'title', message: expect.stringContaining('U+0000') },
    ]);
    expect(await shopState()).toEqual(before);
  });
});

describe('text with U+0000 in an import', () => {
  it('is refused in a CSV cell with 422 for its row', async () => {
    const csv = 'slug,title,description,priceMinor,stock,title:ru\r\ncsv-ok,Tea,,1000,1,\r\ncsv-bad,Tea,Black\u0000tea,1000,1,Чай\u0000\r\n';
    const res = await t.request('/api/admin/import?format=csv', { auth: admin, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { rows: { row: number; field: string }[] } };
    expect(error.rows.map((r) => `${r.row}:${r.field}`)).toEqual(['3:description', '3:translations.ru.title']);
  });
});

describe('text in the address', () => {
  it.each([
    ['the admin order search', 'GET', '/api/admin/orders?q=Ann%00'],
    ['a query value a route reads as an enum', 'GET', '/api/admin/orders?status=paid%00'],
    ['a query parameter name', 'GET', '/api/admin/export?kind=catalog&format=csv&x%00=1'],
    ['the catalog locale', 'GET', '/api/catalog?locale=en%00'],
    ['a product slug', 'GET', '/api/products/espresso-beans%00'],
    ['an order id', 'GET', '/api/admin/orders/%00'],
    ['a category id', 'DELETE', '/api/admin/categories/coffee%00'],
    ['an image name', 'GET', '/media/u/%00.png'],
    ['a path segment of no route', 'GET', '/api/no-such%00route'],
  ])('refuses U+0000 in %s with 400 TEXT_INVALID', async (_label, method, path) => {
    const res = await t.request(path, { method, auth: admin });
    expect(await errorOf(res)).toEqual({ status: 400, code: 'TEXT_INVALID' });
  });

  it('leaves a percent-escape that is not UTF-8 as it was written, without decoding it into garbage', async () => {
    const res = await t.request('/api/admin/orders?q=%ED%A0%80', { auth: admin });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { orders: unknown[] }).orders).toEqual([]);
  });
});

describe('text Telegram signed', () => {
  it.each(UNSTORABLE)('takes a Mini App user whose name has %s, with U+FFFD in its place', async (_name, bad) => {
    const id = 52_100 + Math.floor(Math.random() * 1000);
    const res = await t.request('/api/me', { auth: await t.authFor({ id, firstName: bad, username: `u${bad}`, languageCode: `e${bad}` }) });
    expect(res.status).toBe(200);
    const [row] = await t.db.handle.db
      .select()
      .from(customers)
      .where(eq(customers.telegramId, String(id)));
    expect(row).toMatchObject({ firstName: replaced(bad), username: replaced(`u${bad}`), languageCode: replaced(`e${bad}`) });
  });

  it.each(UNSTORABLE)('signs in a Login Widget user whose name has %s, with U+FFFD in its place', async (_name, bad) => {
    const id = 53_100 + Math.floor(Math.random() * 1000);
    const res = await t.request('/api/auth/telegram-widget', { body: await t.widgetFor({ id, firstName: bad }, { lastName: `L${bad}` }) });
    expect(res.status).toBe(200);
    const { customer: signedIn } = (await res.json()) as { customer: { firstName: string; lastName: string } };
    expect(signedIn).toMatchObject({ firstName: replaced(bad), lastName: replaced(`L${bad}`) });
  });

  it('still refuses Login Widget data nobody signed, whatever text it carries', async () => {
    const body = { ...(await t.widgetFor({ id: 54_000 })), first_name: 'Eve\u0000' };
    expect(await errorOf(await t.request('/api/auth/telegram-widget', { body }))).toEqual({ status: 401, code: 'INIT_DATA_SIGNATURE_INVALID' });
  });
});

describe('after all those refusals', () => {
  it('left the shop exactly as it was', async () => {
    expect(await shopState()).toEqual(initialShop);
  });
});

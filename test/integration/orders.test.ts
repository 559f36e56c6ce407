import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../support/test-app';
import { eq } from 'drizzle-orm';
import { productVariants, products } from '../../functions/adapters/db/schema';
import { setStock as setStockOfSlug, stockOf as stockOfSlug } from '../support/stock';

let t: TestApp;
let bySlug: Map<string, { id: string; priceMinor: string; stock: number }>;

beforeAll(async () => {
  t = await createTestApp();
  bySlug = await catalogBySlug();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

async function catalogBySlug() {
  const body = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string; priceMinor: string; stock: number }[] };
  return new Map(body.products.map((p) => [p.slug, p]));
}

function stockOf(slug: string): Promise<number> {
  return stockOfSlug(t.db.handle.db, slug);
}

function setStock(slug: string, stock: number) {
  return setStockOfSlug(t.db.handle.db, slug, stock);
}

function id(slug: string): string {
  return bySlug.get(slug)!.id;
}

async function order(userId: number, items: unknown, extra: Record<string, unknown> = {}) {
  return t.request('/api/orders', { auth: await t.authFor({ id: userId }), body: { items, ...extra } });
}

describe('POST /api/orders', () => {
  it('creates a pending order priced from the database, with its expiry', async () => {
    const res = await order(101, [
      { productId: id('espresso-beans'), quantity: 2 },
      { productId: id('butter-croissant'), quantity: 3 },
    ]);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'pending',
      totalMinor: String(2n * 4_500_000_000n + 3n * 900_000_000n),
      items: [
        { slug: 'espresso-beans', quantity: 2, unitPriceMinor: '4500000000', lineTotalMinor: '9000000000' },
        { slug: 'butter-croissant', quantity: 3, unitPriceMinor: '900000000', lineTotalMinor: '2700000000' },
      ],
    });
    expect(body.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    // The payment intent: the merchant's wallet, the exact total, the order's comment, valid within the order's life.
    expect(body.payment).toMatchObject({
      address: t.deps.payments.merchant.friendly,
      amountNano: body.totalMinor,
      comment: `bz:${body.code}`,
      network: 'local',
    });
    expect(body.payment.validUntil).toBeLessThanOrEqual(Date.parse(body.expiresAt) / 1000);
    expect(body.payment.payload).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Date.parse(body.expiresAt) - Date.parse(body.createdAt)).toBe(1800 * 1000);
  });

  it('ignores prices, totals and user ids sent by the client', async () => {
    const res = await t.request('/api/orders', {
      auth: await t.authFor({ id: 102 }),
      body: {
        items: [{ productId: id('travel-mug'), quantity: 1, priceMinor: '1', unitPriceMinor: '1', price: 0.000001 }],
        totalMinor: '1',
        customerId: '00000000-0000-0000-0000-000000000000',
        userId: 101,
      },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.totalMinor).toBe('7200000000');
    expect(body.items[0].unitPriceMinor).toBe('7200000000');
    // The order belongs to the signed-in user 102, not to the user 101 named in the body.
    const mine = await (await t.request('/api/orders', { auth: await t.authFor({ id: 102 }) })).json();
    expect(mine.orders.map((o: { id: string }) => o.id)).toContain(body.id);
    const theirs = await (await t.request('/api/orders', { auth: await t.authFor({ id: 101 }) })).json();
    expect(theirs.orders.map((o: { id: string }) => o.id)).not.toContain(body.id);
  });

  it('reserves the ordered stock', async () => {
    const before = await stockOf('sourdough-loaf');
    expect((await order(103, [{ productId: id('sourdough-loaf'), quantity: 4 }])).status).toBe(201);
    expect(await stockOf('sourdough-loaf')).toBe(before - 4);
  });

  it('folds the same product listed twice into one line', async () => {
    const res = await order(104, [
      { productId: id('beanie'), quantity: 1 },
      { productId: id('beanie'), quantity: 2 },
    ]);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ slug: 'beanie', quantity: 3 });
  });
});

describe('POST /api/orders with bad input', () => {
  const cases: { name: string; body: () => unknown; status: number; code: string }[] = [
    {
      name: 'an unknown product',
      body: () => ({ items: [{ productId: '5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01', quantity: 1 }] }),
      status: 404,
      code: 'PRODUCT_NOT_FOUND',
    },
    { name: 'a product id that is not an id', body: () => ({ items: [{ productId: 'espresso-beans', quantity: 1 }] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'quantity zero', body: () => ({ items: [{ productId: id('beanie'), quantity: 0 }] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a negative quantity', body: () => ({ items: [{ productId: id('beanie'), quantity: -3 }] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a fractional quantity', body: () => ({ items: [{ productId: id('beanie'), quantity: 1.5 }] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an absurd quantity', body: () => ({ items: [{ productId: id('gift-card-10'), quantity: 1e9 }] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a quantity as a string', body: () => ({ items: [{ productId: id('beanie'), quantity: '2' }] }), status: 400, code: 'VALIDATION_FAILED' },
    {
      name: 'a product repeated past the per-line limit',
      body: () => ({
        items: [
          { productId: id('gift-card-10'), quantity: 60 },
          { productId: id('gift-card-10'), quantity: 60 },
        ],
      }),
      status: 400,
      code: 'QUANTITY_INVALID',
    },
    { name: 'no items', body: () => ({ items: [] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'no items field', body: () => ({}), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a JSON array instead of an object', body: () => [1, 2], status: 400, code: 'VALIDATION_FAILED' },
    {
      name: 'too many lines',
      body: () => ({ items: Array.from({ length: 51 }, () => ({ productId: id('beanie'), quantity: 1 })) }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { name: 'a sold-out product', body: () => ({ items: [{ productId: id('almond-biscotti'), quantity: 1 }] }), status: 409, code: 'OUT_OF_STOCK' },
    { name: 'more than is in stock', body: () => ({ items: [{ productId: id('digital-scale'), quantity: 2 }] }), status: 409, code: 'OUT_OF_STOCK' },
  ];

  it.each(cases)('rejects $name with $status $code and writes nothing', async ({ body, status, code }) => {
    const before = await stockSnapshot();
    const ordersBefore = await countOrders(200);
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 200 }), body: body() });
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toEqual(expect.any(String));
    expect(await stockSnapshot()).toEqual(before);
    expect(await countOrders(200)).toBe(ordersBefore);
  });

  it('rejects an inactive product', async () => {
    const res = await order(200, [{ productId: await inactiveProductId(), quantity: 1 }]);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('PRODUCT_INACTIVE');
  });

  it('names the product and what is left when stock runs short', async () => {
    const res = await order(200, [{ productId: id('digital-scale'), quantity: 2 }]);
    expect((await res.json()).error.message).toBe('Only 1 of "Coffee scale" left. Lower the quantity to continue.');
  });

  it('keeps the whole order unwritten when one of several lines fails', async () => {
    const before = await stockSnapshot();
    const res = await order(200, [
      { productId: id('espresso-beans'), quantity: 1 },
      { productId: id('almond-biscotti'), quantity: 1 },
    ]);
    expect(res.status).toBe(409);
    expect(await stockSnapshot()).toEqual(before);
  });

  it('rejects malformed JSON', async () => {
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 200 }), body: '{"items": [' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_JSON');
  });

  it('rejects a body that is not JSON', async () => {
    const res = await t.request('/api/orders', {
      auth: await t.authFor({ id: 200 }),
      body: 'items=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects an oversized body', async () => {
    const res = await t.request('/api/orders', {
      auth: await t.authFor({ id: 200 }),
      body: JSON.stringify({ items: [{ productId: id('beanie'), quantity: 1 }], padding: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('BODY_TOO_LARGE');
  });

  async function inactiveProductId(): Promise<string> {
    const [row] = await t.db.handle.db.select({ id: products.id }).from(products).where(eq(products.active, false));
    return row!.id;
  }
});

describe('authentication on order routes', () => {
  it.each([
    ['no Authorization header', undefined, 'INIT_DATA_MISSING'],
    ['another scheme', 'Bearer abc', 'INIT_DATA_MISSING'],
    ['garbage initData', 'tma not-init-data', 'INIT_DATA_MALFORMED'],
  ])('answers 401 to %s', async (_name, auth, code) => {
    const res = await t.request('/api/orders', auth ? { auth } : {});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe(code);
  });

  it('answers 401 INIT_DATA_SIGNATURE_INVALID to initData with a changed user id', async () => {
    const auth = await t.authFor({ id: 300 });
    const forged = auth.replace('%22id%22%3A300', '%22id%22%3A301');
    expect(forged).not.toBe(auth);
    const res = await t.request('/api/orders', { auth: forged });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('INIT_DATA_SIGNATURE_INVALID');
  });

  it('answers 401 INIT_DATA_EXPIRED to initData older than a day, and tells the person to reopen', async () => {
    const auth = await t.authFor({ id: 300 }, { authDate: Math.floor(t.clock.now().getTime() / 1000) - 86_401 });
    const res = await t.request('/api/orders', { auth });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('INIT_DATA_EXPIRED');
    expect(body.error.message).toMatch(/reopen|open .* again/i);
  });
});

describe('GET /api/orders and /api/orders/:id', () => {
  it("lists only the caller's orders, newest first", async () => {
    const first = await (await order(400, [{ productId: id('socks-pair'), quantity: 1 }])).json();
    t.clock.advanceSeconds(5);
    const second = await (await order(400, [{ productId: id('socks-pair'), quantity: 2 }])).json();
    await order(401, [{ productId: id('socks-pair'), quantity: 1 }]);
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 400 }) });
    const body = await res.json();
    expect(body.orders.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
  });

  it('returns my order by id', async () => {
    const created = await (await order(402, [{ productId: id('earl-grey'), quantity: 1 }])).json();
    const res = await t.request(`/api/orders/${created.id}`, { auth: await t.authFor({ id: 402 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
  });

  it("answers 404 for another customer's order, exactly as for a missing one", async () => {
    const created = await (await order(403, [{ productId: id('masala-chai'), quantity: 1 }])).json();
    const theirs = await t.request(`/api/orders/${created.id}`, { auth: await t.authFor({ id: 404 }) });
    const missing = await t.request('/api/orders/5b0c8b7e-1e8a-4c4b-9d61-3f1f6a3c9a01', { auth: await t.authFor({ id: 404 }) });
    const junk = await t.request('/api/orders/not-an-id', { auth: await t.authFor({ id: 404 }) });
    for (const res of [theirs, missing, junk]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'ORDER_NOT_FOUND', message: 'No such order among yours.' } });
    }
  });
});

describe('order expiry', () => {
  it('expires a pending order after its time and puts its stock back', async () => {
    await setStock('gooseneck-kettle', 3);
    const created = await (await order(500, [{ productId: id('gooseneck-kettle'), quantity: 3 }])).json();
    expect(await stockOf('gooseneck-kettle')).toBe(0);
    const blocked = await order(501, [{ productId: id('gooseneck-kettle'), quantity: 1 }]);
    expect(blocked.status).toBe(409);

    t.clock.advanceSeconds(1800);
    // The reconciler has read the merchant account to now: no payment for it is on the chain.
    expect((await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } })).status).toBe(200);
    const res = await t.request(`/api/orders/${created.id}`, { auth: await t.authFor({ id: 500 }) });
    expect((await res.json()).status).toBe('expired');
    expect(await stockOf('gooseneck-kettle')).toBe(3);
    expect((await order(501, [{ productId: id('gooseneck-kettle'), quantity: 1 }])).status).toBe(201);
  });

  it('keeps an order reserved until the last second', async () => {
    await setStock('hoodie', 1);
    const created = await (await order(502, [{ productId: id('hoodie'), quantity: 1 }])).json();
    t.clock.advanceSeconds(1799);
    const res = await t.request(`/api/orders/${created.id}`, { auth: await t.authFor({ id: 502 }) });
    expect((await res.json()).status).toBe('pending');
    expect(await stockOf('hoodie')).toBe(0);
  });

  it('puts stock back exactly once when sweeps overlap', async () => {
    await setStock('pour-over-dripper', 2);
    const created = await (await order(503, [{ productId: id('pour-over-dripper'), quantity: 2 }])).json();
    t.clock.advanceSeconds(1800);
    const repo = (await import('../../functions/adapters/db/order-repo')).createOrderRepo(t.db.handle.db);
    const due = { cutoff: t.clock.now(), now: t.clock.now() };
    const swept = await Promise.all([repo.expireDueOrders(due), repo.expireDueOrders(due), repo.expireDueOrders(due)]);
    expect(swept.flat().filter((orderId) => orderId === created.id)).toHaveLength(1);
    expect(await stockOf('pour-over-dripper')).toBe(2);
  });
});

describe('concurrent buyers', () => {
  it('sells exactly K units when N > K buyers race for them', async () => {
    const K = 5;
    const N = 20;
    await setStock('tasting-box', K);
    const auths = await Promise.all(Array.from({ length: N }, (_, i) => t.authFor({ id: 600 + i })));
    const results = await Promise.all(
      auths.map((auth) => t.request('/api/orders', { auth, body: { items: [{ productId: id('tasting-box'), quantity: 1 }] } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(K);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - K);
    expect(await stockOf('tasting-box')).toBe(0);
  });

  it('never oversells when buyers ask for several units each', async () => {
    await setStock('tea-sampler', 7);
    const auths = await Promise.all(Array.from({ length: 10 }, (_, i) => t.authFor({ id: 700 + i })));
    const results = await Promise.all(
      auths.map((auth) => t.request('/api/orders', { auth, body: { items: [{ productId: id('tea-sampler'), quantity: 2 }] } })),
    );
    const sold = results.filter((r) => r.status === 201).length * 2;
    expect(sold).toBe(6);
    expect(await stockOf('tea-sampler')).toBe(1);
  });
});

async function stockSnapshot() {
  const rows = await t.db.handle.db
    .select({ slug: products.slug, stock: productVariants.stock })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .orderBy(products.slug, productVariants.id);
  return rows.map((r) => `${r.slug}:${r.stock}`);
}

async function countOrders(userId: number): Promise<number> {
  const res = await t.request('/api/orders', { auth: await t.authFor({ id: userId }) });
  return (await res.json()).orders.length;
}

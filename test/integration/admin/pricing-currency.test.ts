// Issue #13: the merchant's side of a shop that prices in its own currency (PRICING_CURRENCY=USD here).
// What was saved when the shop priced in TON stays as it was, is shown as such and is not sold (nor
// charged) until the merchant saves it again in dollars.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productVariants, products, promoCodes, shopSettings } from '../../../functions/adapters/db/schema';
import { DEMO_DELIVERY } from '../../../functions/core/catalog/demo-delivery';
import { DELIVERY_SETTINGS_KEY, deliverySettingsToJson } from '../../../functions/core/delivery/delivery-methods';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin, placeOrder } from './admin-helpers';

let t: TestApp;
let nextUser = 81_000;
beforeAll(async () => {
  t = await createTestApp({ seed: false, pricing: { currency: 'USD' } });
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const now = () => t.clock.now();

/** A product saved while the shop priced in TON: 12 TON, was 15, its XL at 13 TON. */
async function insertTonProduct(slug: string): Promise<{ id: string; variantIds: string[] }> {
  const db = t.db.handle.db;
  const [row] = await db
    .insert(products)
    .values({
      slug,
      title: `Tee ${slug}`,
      currency: 'TON',
      priceMinor: 12_000_000_000n,
      compareAtPriceMinor: 15_000_000_000n,
      options: [{ name: 'Size', values: ['M', 'XL'] }],
      createdAt: now(),
      updatedAt: now(),
    })
    .returning({ id: products.id });
  const variants = await db
    .insert(productVariants)
    .values([
      { productId: row!.id, optionValues: ['M'], stock: 5, position: 0, createdAt: now(), updatedAt: now() },
      { productId: row!.id, optionValues: ['XL'], stock: 5, priceMinor: 13_000_000_000n, position: 1, createdAt: now(), updatedAt: now() },
    ])
    .returning({ id: productVariants.id });
  return { id: row!.id, variantIds: variants.map((v) => v.id) };
}

async function publicSlugs(): Promise<string[]> {
  const body = (await (await t.request('/api/catalog')).json()) as { products: { slug: string }[] };
  return body.products.map((p) => p.slug);
}

async function quote(body: Record<string, unknown>) {
  const res = await t.request('/api/orders/quote', { auth: await t.authFor({ id: nextUser++ }), body });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('products in a USD shop', () => {
  it('creates a product priced in the shop’s currency, says so, and sells it', async () => {
    const { status, body } = await asAdmin(t, '/api/admin/products', { body: { slug: 'mug', title: 'Mug', priceMinor: '1250', stock: 3 } });
    expect(status).toBe(201);
    expect(body.product).toMatchObject({ slug: 'mug', currency: 'USD', priceMinor: '1250' });
    expect(await publicSlugs()).toContain('mug');
  });

  it('accepts a body that names the shop’s currency in any case, and refuses another one naming the shop’s', async () => {
    const same = await asAdmin(t, '/api/admin/products', { body: { slug: 'cup', title: 'Cup', priceMinor: '900', stock: 1, currency: 'usd' } });
    expect(same.status).toBe(201);
    expect(same.body.product.currency).toBe('USD');
    const other = await asAdmin(t, '/api/admin/products', { body: { slug: 'bowl', title: 'Bowl', priceMinor: '900', stock: 1, currency: 'EUR' } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('CURRENCY_MISMATCH');
    expect(other.body.error.message).toContain('USD');
    const patched = await asAdmin(t, `/api/admin/products/${same.body.product.id}`, { method: 'PATCH', body: { priceMinor: '950', currency: 'TON' } });
    expect(patched.status).toBe(422);
    expect(patched.body.error.code).toBe('CURRENCY_MISMATCH');
  });

  it('lists a product still priced in TON with its currency beside the shop’s, and does not sell it', async () => {
    const tee = await insertTonProduct('old-tee');
    const { status, body } = await asAdmin(t, '/api/admin/products');
    expect(status).toBe(200);
    expect(body.pricingCurrency).toBe('USD');
    expect(body.products.find((p: { id: string }) => p.id === tee.id)).toMatchObject({ currency: 'TON', priceMinor: '12000000000' });
    expect(await publicSlugs()).not.toContain('old-tee');
  });

  it('leaves the currency and prices alone when other fields of such a product are edited', async () => {
    const tee = await insertTonProduct('tee-renamed');
    const { status, body } = await asAdmin(t, `/api/admin/products/${tee.id}`, { method: 'PATCH', body: { title: 'Renamed tee' } });
    expect(status).toBe(200);
    expect(body.product).toMatchObject({ title: 'Renamed tee', currency: 'TON', priceMinor: '12000000000', compareAtPriceMinor: '15000000000' });
    expect(body.product.variants.map((v: { priceOverrideMinor: string | null }) => v.priceOverrideMinor)).toEqual([null, '13000000000']);
  });

  it('refuses own variant prices, or a compare-at price alone, on a product not yet repriced', async () => {
    const tee = await insertTonProduct('tee-unpriced');
    const variants = await asAdmin(t, `/api/admin/products/${tee.id}/variants`, {
      method: 'PUT',
      body: {
        options: [{ name: 'Size', values: ['M', 'XL'] }],
        variants: [
          { id: tee.variantIds[0], optionValues: ['M'], stock: 5 },
          { id: tee.variantIds[1], optionValues: ['XL'], stock: 5, priceMinor: '1400' },
        ],
      },
    });
    expect(variants.status).toBe(422);
    expect(variants.body.error.code).toBe('CURRENCY_MISMATCH');
    expect(variants.body.error.message).toMatch(/reprice the product first/);
    const compareAt = await asAdmin(t, `/api/admin/products/${tee.id}`, { method: 'PATCH', body: { compareAtPriceMinor: '1500' } });
    expect(compareAt.status).toBe(422);
    expect(compareAt.body.error.code).toBe('CURRENCY_MISMATCH');
    const [row] = await t.db.handle.db.select().from(products).where(eq(products.id, tee.id));
    expect(row).toMatchObject({ currency: 'TON', compareAtPriceMinor: 15_000_000_000n });
  });

  it('reprices a product with a new price: the shop’s currency, no old compare-at price, no old variant prices; then sells it', async () => {
    const tee = await insertTonProduct('tee-repriced');
    const { status, body } = await asAdmin(t, `/api/admin/products/${tee.id}`, { method: 'PATCH', body: { priceMinor: '2400' } });
    expect(status).toBe(200);
    expect(body.product).toMatchObject({ currency: 'USD', priceMinor: '2400', compareAtPriceMinor: null });
    expect(body.product.variants.map((v: { priceOverrideMinor: string | null; priceMinor: string }) => [v.priceOverrideMinor, v.priceMinor])).toEqual([
      [null, '2400'],
      [null, '2400'],
    ]);
    expect(await publicSlugs()).toContain('tee-repriced');
    const own = await asAdmin(t, `/api/admin/products/${tee.id}/variants`, {
      method: 'PUT',
      body: {
        options: [{ name: 'Size', values: ['M', 'XL'] }],
        variants: [
          { id: tee.variantIds[0], optionValues: ['M'], stock: 5 },
          { id: tee.variantIds[1], optionValues: ['XL'], stock: 5, priceMinor: '2600' },
        ],
      },
    });
    expect(own.status).toBe(200);
    expect(own.body.product.variants[1]).toMatchObject({ priceOverrideMinor: '2600', priceMinor: '2600' });
  });

  it('keeps the compare-at price a repricing patch gives', async () => {
    const tee = await insertTonProduct('tee-on-sale');
    const { body } = await asAdmin(t, `/api/admin/products/${tee.id}`, { method: 'PATCH', body: { priceMinor: '2400', compareAtPriceMinor: '3000' } });
    expect(body.product).toMatchObject({ currency: 'USD', priceMinor: '2400', compareAtPriceMinor: '3000' });
  });
});

describe('orders in a USD shop', () => {
  it('shows the merchant each order’s currency, in the list and in the detail', async () => {
    const { body } = await asAdmin(t, '/api/admin/products', { body: { slug: 'order-mug', title: 'Mug', priceMinor: '1100', stock: 5 } });
    const order = await placeOrder(t, { id: nextUser++ }, [{ productId: body.product.id, quantity: 2 }]);
    const list = await asAdmin(t, '/api/admin/orders');
    expect(list.body.orders.find((o: { id: string }) => o.id === order.id)).toMatchObject({ currency: 'USD', totalMinor: '2200' });
    const detail = await asAdmin(t, `/api/admin/orders/${order.id}`);
    expect(detail.body.order).toMatchObject({ currency: 'USD', totalMinor: '2200' });
  });
});

describe('promo codes in a USD shop', () => {
  let mugId: string;
  beforeAll(async () => {
    const { body } = await asAdmin(t, '/api/admin/products', { body: { slug: 'promo-mug', title: 'Mug', priceMinor: '2000', stock: 50 } });
    mugId = body.product.id;
  });

  async function insertTonCode(code: string, fields: { kind: 'percent' | 'fixed'; value: bigint; minSubtotalMinor?: bigint }) {
    const [row] = await t.db.handle.db
      .insert(promoCodes)
      .values({ code, currency: 'TON', active: true, createdAt: now(), updatedAt: now(), ...fields })
      .returning({ id: promoCodes.id });
    return row!.id;
  }

  it('creates a code in the shop’s currency and shows it; refuses another currency', async () => {
    const { status, body } = await asAdmin(t, '/api/admin/promo-codes', { body: { code: 'FIVEOFF', kind: 'fixed', value: '500' } });
    expect(status).toBe(201);
    expect(body.promoCode).toMatchObject({ code: 'FIVEOFF', currency: 'USD', value: '500' });
    const other = await asAdmin(t, '/api/admin/promo-codes', { body: { code: 'TONOFF', kind: 'fixed', value: '500', currency: 'TON' } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('CURRENCY_MISMATCH');
    const quoted = await quote({ items: [{ productId: mugId, quantity: 1 }], promoCode: 'fiveoff' });
    expect(quoted.status).toBe(200);
    expect(quoted.body).toMatchObject({ currency: 'USD', discountMinor: '500', totalMinor: '1500' });
  });

  it('refuses at checkout a TON code with a fixed value or a minimum, and applies a TON percentage without one', async () => {
    await insertTonCode('TONFIXED', { kind: 'fixed', value: 1_000_000_000n });
    await insertTonCode('TONMIN', { kind: 'percent', value: 1000n, minSubtotalMinor: 1_000_000_000n });
    await insertTonCode('TONPCT', { kind: 'percent', value: 1000n });
    for (const code of ['TONFIXED', 'TONMIN']) {
      const refused = await quote({ items: [{ productId: mugId, quantity: 1 }], promoCode: code });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'PROMO_CURRENCY_MISMATCH', fields: [{ field: 'promoCode', code: 'PROMO_CURRENCY_MISMATCH' }] });
    }
    const applied = await quote({ items: [{ productId: mugId, quantity: 1 }], promoCode: 'TONPCT' });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ discountMinor: '200', totalMinor: '1800' });
    const listed = await asAdmin(t, '/api/admin/promo-codes');
    expect(listed.body.promoCodes.find((p: { code: string }) => p.code === 'TONFIXED')).toMatchObject({ currency: 'TON' });
  });

  it('reprices a TON code when its value is saved again, clearing a minimum left out', async () => {
    const id = await insertTonCode('TONAGAIN', { kind: 'fixed', value: 1_000_000_000n, minSubtotalMinor: 5_000_000_000n });
    const minimumAlone = await asAdmin(t, `/api/admin/promo-codes/${id}`, { method: 'PATCH', body: { minSubtotalMinor: '1000' } });
    expect(minimumAlone.status).toBe(422);
    expect(minimumAlone.body.error.code).toBe('CURRENCY_MISMATCH');
    const renamed = await asAdmin(t, `/api/admin/promo-codes/${id}`, { method: 'PATCH', body: { active: true } });
    expect(renamed.body.promoCode).toMatchObject({ currency: 'TON', value: '1000000000' });
    const { status, body } = await asAdmin(t, `/api/admin/promo-codes/${id}`, { method: 'PATCH', body: { value: '300' } });
    expect(status).toBe(200);
    expect(body.promoCode).toMatchObject({ currency: 'USD', value: '300', minSubtotalMinor: null });
    const quoted = await quote({ items: [{ productId: mugId, quantity: 1 }], promoCode: 'TONAGAIN' });
    expect(quoted.body).toMatchObject({ discountMinor: '300' });
  });
});

describe('delivery settings in a USD shop', () => {
  let mugId: string;
  beforeAll(async () => {
    const { body } = await asAdmin(t, '/api/admin/products', { body: { slug: 'ship-mug', title: 'Mug', priceMinor: '2000', stock: 50 } });
    mugId = body.product.id;
    // Saved by a version before fees had a currency: no `currency` in the document, fees in nanotons.
    const { currency: _ton, ...legacy } = deliverySettingsToJson(DEMO_DELIVERY);
    await t.db.handle.db.insert(shopSettings).values({ key: DELIVERY_SETTINGS_KEY, value: legacy, updatedAt: now() });
  });

  const toIran = {
    methodId: 'post',
    address: { recipientName: 'Sara', phone: '+989121234567', country: 'IR', city: 'Tehran', line1: 'Valiasr 12', postalCode: '1234567890' },
  };

  it('shows the admin fees saved before currencies as TON beside the shop’s USD', async () => {
    const { status, body } = await asAdmin(t, '/api/admin/delivery');
    expect(status).toBe(200);
    expect(body.pricingCurrency).toBe('USD');
    expect(body.delivery.currency).toBe('TON');
    expect(body.delivery.methods.map((m: { id: string }) => m.id)).toEqual(['post', 'courier', 'pickup', 'in-chat']);
  });

  it('offers and asks no delivery at checkout while the fees are in TON', async () => {
    const offered = (await (await t.request('/api/delivery-methods')).json()) as { currency: string; methods: unknown[] };
    expect(offered).toEqual({ currency: 'USD', methods: [] });
    const quoted = await quote({ items: [{ productId: mugId, quantity: 1 }] });
    expect(quoted.status).toBe(200);
    expect(quoted.body).toMatchObject({ deliveryFeeMinor: '0', totalMinor: '2000', delivery: null });
    const chosen = await quote({ items: [{ productId: mugId, quantity: 1 }], delivery: toIran });
    expect(chosen.status).toBe(422);
  });

  it('stamps the shop’s currency on saved fees, refuses another, and the checkout charges them again', async () => {
    const methods = [{ id: 'post', kind: 'shipping', name: 'Post', zones: [{ id: 'iran', name: 'Iran', countries: ['IR'], feeMinor: '700' }] }];
    const other = await asAdmin(t, '/api/admin/delivery', { method: 'PUT', body: { currency: 'TON', methods } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('CURRENCY_MISMATCH');
    const saved = await asAdmin(t, '/api/admin/delivery', { method: 'PUT', body: { methods } });
    expect(saved.status).toBe(200);
    expect(saved.body.delivery).toMatchObject({ currency: 'USD', methods: [{ id: 'post', zones: [{ feeMinor: '700' }] }] });
    expect((await asAdmin(t, '/api/admin/delivery')).body.delivery.currency).toBe('USD');
    const offered = (await (await t.request('/api/delivery-methods')).json()) as { currency: string; methods: { id: string }[] };
    expect(offered.methods.map((m) => m.id)).toEqual(['post']);
    const quoted = await quote({ items: [{ productId: mugId, quantity: 1 }], delivery: toIran });
    expect(quoted.status).toBe(200);
    expect(quoted.body).toMatchObject({ deliveryFeeMinor: '700', totalMinor: '2700' });
  });
});

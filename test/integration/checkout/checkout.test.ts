// Issue #12: a checkout a merchant can fulfil. Variants, delivery and promo codes, priced by the server
// from the database and the merchant's settings; whatever the client claims is ignored.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promoCodeUses, productVariants } from '../../../functions/adapters/db/schema';
import { asAdmin } from '../admin/admin-helpers';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../../support/test-app';

let t: TestApp;
let nextUser = 70_000;

interface ProductJson {
  id: string;
  slug: string;
  priceMinor: string;
  options: { name: string; values: string[] }[];
  variants: { id: string; optionValues: string[]; priceMinor: string; stock: number; sku: string | null }[];
}

let catalog: Map<string, ProductJson>;

beforeAll(async () => {
  t = await createTestApp({ deliveryMethods: true });
  catalog = new Map(((await (await t.request('/api/catalog')).json()) as { products: ProductJson[] }).products.map((p) => [p.slug, p]));
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const variantOf = (slug: string, ...values: string[]) => catalog.get(slug)!.variants.find((v) => v.optionValues.join('/') === values.join('/'))!;
const customer = () => t.authFor({ id: nextUser++ });
const tehran = {
  recipientName: 'Sara Ahmadi',
  phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
  country: 'IR',
  region: 'Tehran',
  city: 'Tehran',
  line1: 'Valiasr St 12, unit 4',
  postalCode: '۱۴۳۳۶۵۴۳۲۱',
};
const byPost = { methodId: 'post', address: tehran };

async function order(body: Record<string, unknown>, auth?: string) {
  const res = await t.request('/api/orders', { auth: auth ?? (await customer()), body });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function setVariantStock(id: string, stock: number) {
  await t.db.handle.db.update(productVariants).set({ stock }).where(eq(productVariants.id, id));
}

describe('variants', () => {
  it('sells a size and colour at its own price, naming it on the line', async () => {
    const xxl = variantOf('logo-tee', 'XXL', 'Black');
    await setVariantStock(xxl.id, 5);
    const { status, body } = await order({ items: [{ variantId: xxl.id, quantity: 2 }], delivery: byPost });
    expect(status).toBe(201);
    expect(body.items).toEqual([
      expect.objectContaining({
        variantId: xxl.id,
        variantLabel: 'XXL / Black',
        sku: 'TEE-XXL-BLK',
        unitPriceMinor: '13000000000',
        lineTotalMinor: '26000000000',
      }),
    ]);
    expect(body).toMatchObject({ subtotalMinor: '26000000000', deliveryFeeMinor: '1000000000', totalMinor: '27000000000' });
  });

  it('asks which variant when a product with options is ordered by its product id', async () => {
    const { status, body } = await order({ items: [{ productId: catalog.get('logo-tee')!.id, quantity: 1 }], delivery: byPost });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VARIANT_REQUIRED');
  });

  it('still takes a product sold without options by its product id', async () => {
    const { status } = await order({ items: [{ productId: catalog.get('travel-mug')!.id, quantity: 1 }], delivery: byPost });
    expect(status).toBe(201);
  });

  it('sells exactly K of a variant when K + 25 buyers race for it', async () => {
    const K = 4;
    const m = variantOf('logo-tee', 'M', 'Sand');
    await setVariantStock(m.id, K);
    const results = await Promise.all(Array.from({ length: K + 25 }, async () => order({ items: [{ variantId: m.id, quantity: 1 }], delivery: byPost })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(K);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(25).fill('OUT_OF_STOCK'));
    const [row] = await t.db.handle.db.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, m.id));
    expect(row!.stock).toBe(0);
  });

  it('refuses a variant the merchant switched off', async () => {
    const apron = variantOf('barista-apron', 'Charcoal');
    await t.db.handle.db.update(productVariants).set({ active: false }).where(eq(productVariants.id, apron.id));
    const { status, body } = await order({ items: [{ variantId: apron.id, quantity: 1 }], delivery: byPost });
    expect([status, body.error.code]).toEqual([409, 'PRODUCT_INACTIVE']);
    await t.db.handle.db.update(productVariants).set({ active: true }).where(eq(productVariants.id, apron.id));
  });
});

describe('delivery', () => {
  const mug = () => ({ variantId: catalog.get('travel-mug')!.variants[0]!.id, quantity: 1 });

  it('ignores a delivery fee, discount and total the client sends', async () => {
    const { status, body } = await order({
      items: [mug()],
      delivery: { ...byPost, feeMinor: '0' },
      deliveryFeeMinor: '0',
      discountMinor: '999',
      totalMinor: '1',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ subtotalMinor: '7200000000', discountMinor: '0', deliveryFeeMinor: '1000000000', totalMinor: '8200000000' });
  });

  it('keeps the address as a snapshot, the phone in E.164 and the digits in Latin', async () => {
    const { body } = await order({ items: [mug()], delivery: byPost, note: 'Ring twice' });
    expect(body.delivery).toMatchObject({
      methodId: 'post',
      kind: 'shipping',
      zoneName: 'Iran',
      address: { phone: '+989121234567', postalCode: '1433654321', city: 'Tehran' },
    });
    expect(body.note).toBe('Ring twice');
  });

  it('answers 422 naming each wrong field', async () => {
    const { status, body } = await order({ items: [mug()], delivery: { methodId: 'post', address: { country: 'IR', phone: '12', line1: 'x'.repeat(201) } } });
    expect(status).toBe(422);
    expect(body.error.code).toBe('CHECKOUT_FIELDS_INVALID');
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { field: 'address.recipientName', code: 'required' },
        { field: 'address.city', code: 'required' },
        { field: 'address.postalCode', code: 'required' },
        { field: 'address.line1', code: 'too_long' },
        { field: 'address.phone', code: 'phone_invalid' },
      ]),
    );
  });

  it('refuses a country no zone ships to, and an order without a method', async () => {
    expect((await order({ items: [mug()], delivery: { ...byPost, address: { ...tehran, country: 'US' } } })).body.error.fields).toContainEqual({
      field: 'address.country',
      code: 'not_delivered_here',
    });
    expect((await order({ items: [mug()] })).body.error.fields).toEqual([{ field: 'methodId', code: 'required' }]);
  });

  it('ships free above the zone’s threshold', async () => {
    const kettle = catalog.get('gooseneck-kettle')!.variants[0]!;
    await setVariantStock(kettle.id, 10);
    const { body } = await order({ items: [{ variantId: kettle.id, quantity: 2 }], delivery: byPost });
    expect(body).toMatchObject({ subtotalMinor: '39800000000', deliveryFeeMinor: '0', totalMinor: '39800000000' });
  });

  it('asks a pickup order for its point only, free', async () => {
    const { status, body } = await order({ items: [mug()], delivery: { methodId: 'pickup', pickupPointId: 'grand-bazaar' } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ deliveryFeeMinor: '0', delivery: { kind: 'pickup', pickupPoint: { name: 'Grand Bazaar stall 12' } } });
  });

  it('prices a courier by its area', async () => {
    const { body } = await order({
      items: [mug()],
      delivery: { methodId: 'courier', areaId: 'central-tehran', address: { phone: '+98 912 123 4567', line1: 'Ferdowsi Sq 1' } },
    });
    expect(body).toMatchObject({ deliveryFeeMinor: '400000000', delivery: { kind: 'courier', zoneName: 'Central Tehran' } });
  });

  it('asks nothing of a cart of digital goods', async () => {
    const gift = catalog.get('gift-card-10')!.variants[0]!;
    const { status, body } = await order({ items: [{ variantId: gift.id, quantity: 1 }] });
    expect(status).toBe(201);
    expect(body).toMatchObject({ deliveryFeeMinor: '0', delivery: { kind: 'none' } });
  });

  it('quotes the same prices without writing an order or taking stock', async () => {
    const before = catalog.get('travel-mug')!.variants[0]!;
    const auth = await customer();
    const res = await t.request('/api/orders/quote', { auth, body: { items: [mug()], delivery: byPost, promoCode: 'welcome10' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      subtotalMinor: '7200000000',
      discountMinor: '720000000',
      deliveryFeeMinor: '1000000000',
      totalMinor: '7480000000',
      promoCode: 'WELCOME10',
    });
    expect(((await (await t.request('/api/orders', { auth })).json()) as { orders: unknown[] }).orders).toEqual([]);
    const [row] = await t.db.handle.db.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, before.id));
    expect(row!.stock).toBeGreaterThan(0);
  });

  it('keeps the address for the next checkout when asked to', async () => {
    const auth = await customer();
    await order({ items: [mug()], delivery: byPost, saveAddress: true }, auth);
    const res = await t.request('/api/me/checkout-details', { auth });
    expect(await res.json()).toEqual({ phone: null, addresses: [expect.objectContaining({ recipientName: 'Sara Ahmadi', phone: '+989121234567' })] });
  });
});

describe('promo codes', () => {
  const apron = () => ({ variantId: variantOf('barista-apron', 'Tobacco').id, quantity: 1 });

  async function makeCode(fields: Record<string, unknown>) {
    const res = await asAdmin(t, '/api/admin/promo-codes', { body: { kind: 'percent', value: '1000', ...fields } });
    expect(res.status).toBe(201);
    return res.body.promoCode as { id: string; code: string };
  }

  it('refuses with 400, not 500, an edit of a percentage code’s value alone past 100 %', async () => {
    const { id } = await makeCode({ code: 'PCT-EDIT' });
    const res = await asAdmin(t, `/api/admin/promo-codes/${id}`, { method: 'PATCH', body: { value: '46227764288' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('applies a percentage, rounding down, and ignores a discount the client claims', async () => {
    await setVariantStock(variantOf('barista-apron', 'Tobacco').id, 500);
    const { status, body } = await order({ items: [apron()], delivery: byPost, promoCode: 'welcome10', discountMinor: '18500000000' });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      subtotalMinor: '18500000000',
      discountMinor: '1850000000',
      deliveryFeeMinor: '1000000000',
      totalMinor: '17650000000',
      promoCode: 'WELCOME10',
    });
  });

  it.each([
    ['an unknown code', { code: 'NOSUCH' }, 'NOSUCH', 'PROMO_NOT_FOUND'],
    ['an expired code', { code: 'OLD1', endsAt: '2020-01-01T00:00:00Z' }, 'OLD1', 'PROMO_EXPIRED'],
    ['a minimum not met', { code: 'BIG1', minSubtotalMinor: '100000000000' }, 'BIG1', 'PROMO_MINIMUM_NOT_MET'],
    ['other categories only', { code: 'TEAONLY', categoryIds: ['tea'] }, 'TEAONLY', 'PROMO_NOT_FOR_THESE_ITEMS'],
  ])('refuses %s with its reason on the field', async (_name, fields, typed, reason) => {
    if (typed !== 'NOSUCH') await makeCode(fields);
    const { status, body } = await order({ items: [apron()], delivery: byPost, promoCode: typed });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: reason, fields: [{ field: 'promoCode', code: reason }] });
  });

  it('is used exactly K times when K + 20 checkouts race for its last K uses', async () => {
    const K = 3;
    const promo = await makeCode({ code: 'RACE', maxUses: K });
    const results = await Promise.all(Array.from({ length: K + 20 }, async () => order({ items: [apron()], delivery: byPost, promoCode: 'RACE' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(K);
    expect(results.filter((r) => r.status === 422).map((r) => r.body.error.code)).toEqual(Array(20).fill('PROMO_USED_UP'));
    const uses = await t.db.handle.db.select().from(promoCodeUses).where(eq(promoCodeUses.promoCodeId, promo.id));
    expect(uses).toHaveLength(K);
  });

  it('frees the use an expired order held, and holds one per customer', async () => {
    const promo = await makeCode({ code: 'ONCE', maxUses: 1, maxUsesPerCustomer: 1 });
    const auth = await customer();
    expect((await order({ items: [apron()], delivery: byPost, promoCode: 'ONCE' }, auth)).status).toBe(201);
    expect((await order({ items: [apron()], delivery: byPost, promoCode: 'ONCE' })).body.error.code).toBe('PROMO_USED_UP');
    t.clock.advanceSeconds(1801);
    expect((await t.request('/api/cron/run', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } })).status).toBe(200);
    const [use] = await t.db.handle.db.select().from(promoCodeUses).where(eq(promoCodeUses.promoCodeId, promo.id));
    expect(use!.status).toBe('released');
    expect((await order({ items: [apron()], delivery: byPost, promoCode: 'ONCE' })).status).toBe(201);
  });
});

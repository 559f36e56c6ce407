// Issue #13: `npm start` with PRICING_CURRENCY=EUR opens a demo shop priced in euros (the demo rates of
// core/catalog/demo-prices.ts), delivery fees and the welcome code included, and it sells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS, demoCatalogIn } from '../../functions/core/catalog/demo-catalog';
import { createTestApp, type TestApp } from '../support/test-app';
import { asAdmin } from './admin/admin-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ pricing: { currency: 'EUR' }, deliveryMethods: true });
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

interface CatalogBody {
  currency: string;
  products: { id: string; slug: string; title: string; currency: string; priceMinor: string; compareAtPriceMinor: string | null }[];
}

describe('the demo shop of a shop that prices in EUR', () => {
  it('lists every demo product for sale, priced in euros', async () => {
    const body = (await (await t.request('/api/catalog')).json()) as CatalogBody;
    expect(body.currency).toBe('EUR');
    expect(body.products.map((p) => p.slug)).toEqual(DEMO_PRODUCTS.filter((p) => p.active !== false).map((p) => p.slug));
    expect(body.products.every((p) => p.currency === 'EUR')).toBe(true);
    const espresso = body.products.find((p) => p.slug === 'espresso-beans')!;
    // $14 at the demo rate of 0.92 is €12.88, shown as €13.00.
    expect(espresso.priceMinor).toBe('1300');
    const expected = demoCatalogIn('EUR').find((p) => p.slug === 'filter-blend')!;
    expect(body.products.find((p) => p.slug === 'filter-blend')).toMatchObject({
      priceMinor: expected.priceMinor.toString(),
      compareAtPriceMinor: expected.compareAtPriceMinor!.toString(),
    });
    expect(body.products.find((p) => p.slug === 'gift-card-10')!.title).toBe(`Gift card, €23.00`);
  });

  it('offers its delivery in euros and charges it, with the welcome code, at checkout', async () => {
    const methods = (await (await t.request('/api/delivery-methods')).json()) as { currency: string; methods: { id: string }[] };
    expect(methods.currency).toBe('EUR');
    expect(methods.methods.map((m) => m.id)).toEqual(['post', 'courier', 'pickup', 'in-chat']);
    expect((await asAdmin(t, '/api/admin/delivery')).body.delivery.currency).toBe('EUR');
    const promo = (await asAdmin(t, '/api/admin/promo-codes')).body.promoCodes.find((p: { code: string }) => p.code === 'WELCOME10');
    expect(promo).toMatchObject({ currency: 'EUR' });

    const body = (await (await t.request('/api/catalog')).json()) as CatalogBody;
    const beans = body.products.find((p) => p.slug === 'espresso-beans')!;
    const res = await t.request('/api/orders/quote', {
      auth: await t.authFor({ id: 83_001 }),
      body: {
        items: [{ productId: beans.id, quantity: 2 }],
        promoCode: 'WELCOME10',
        delivery: {
          methodId: 'post',
          address: { recipientName: 'Sara', phone: '+989121234567', country: 'IR', city: 'Tehran', line1: 'Valiasr 12', postalCode: '1234567890' },
        },
      },
    });
    expect(res.status).toBe(200);
    // 2 × €13.00 = €26.00, 10 % off, and the post to Iran ($3 → €2.76 → €2.80).
    expect(await res.json()).toMatchObject({ currency: 'EUR', subtotalMinor: '2600', discountMinor: '260', deliveryFeeMinor: '280', totalMinor: '2620' });
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS, demoCatalogIn } from '../../../functions/core/catalog/demo-catalog';
import { DEMO_DELIVERY, demoDeliveryIn } from '../../../functions/core/catalog/demo-delivery';
import { demoAmountIn, usd } from '../../../functions/core/catalog/demo-prices';
import { PRICING_CURRENCIES, type PricingCurrency } from '../../../functions/core/pricing/currencies';

const amount = (whole: number, cents = 0) => ({ ton: 1n, usdCents: usd(whole, cents) });
const significantDigits = (n: bigint) => n.toString().replace(/0+$/, '').length;

describe('demoAmountIn', () => {
  it.each<[string, ReturnType<typeof amount>, PricingCurrency, bigint]>([
    ['TON as written in nanotons', { ton: 4_500_000_000n, usdCents: 1400n }, 'TON', 4_500_000_000n],
    ['dollars exactly as written', amount(8, 50), 'USD', 850n],
    ['USDT one to one, in its 6 minor digits', amount(8, 50), 'USDT', 8_500_000n],
    ['euros at 0.92, rounded to two significant digits (12.88 → 13.00)', amount(14), 'EUR', 1300n],
    ['rupees at 83 (373.50 → 370.00)', amount(4, 50), 'INR', 37_000n],
    ['roubles at 90 (315 → 320)', amount(3, 50), 'RUB', 32_000n],
    ['dirhams at 3.67 (33.03 → 33.00)', amount(9), 'AED', 3300n],
    ['lira at 34 (323 → 320)', amount(9, 50), 'TRY', 32_000n],
    ['whole rials at 1,000,000', amount(14), 'IRR', 14_000_000n],
    ['an exact result unrounded (0.92 × 2.50 = 2.30)', amount(2, 50), 'EUR', 230n],
    ['a half rounded up (90 × 0.95 = 85.50 → 86.00)', amount(0, 95), 'RUB', 8600n],
  ])('gives %s', (_name, given, currency, expected) => {
    expect(demoAmountIn(given, currency)).toBe(expected);
  });
});

describe('demoCatalogIn', () => {
  it('leaves the TON demo shop as it always was', () => {
    const priced = demoCatalogIn('TON');
    expect(priced.map((p) => [p.slug, p.priceMinor, p.compareAtPriceMinor])).toEqual(
      DEMO_PRODUCTS.map((p) => [p.slug, p.price.ton, p.compareAtPrice?.ton ?? null]),
    );
    expect(priced.find((p) => p.slug === 'gift-card-10')!.title).toBe('Gift card, 10 TON');
    expect(priced.find((p) => p.slug === 'logo-tee')!.variants!.find((v) => v.sku === 'TEE-XXL-BLK')!.priceMinor).toBe(13_000_000_000n);
  });

  it.each(PRICING_CURRENCIES.filter((c) => c !== 'TON'))('prices every product in %s: round figures, discounts still discounts', (currency) => {
    for (const product of demoCatalogIn(currency)) {
      const amounts = [product.priceMinor, ...(product.variants ?? []).flatMap((v) => (v.priceMinor === null ? [] : [v.priceMinor]))];
      for (const minor of amounts) {
        expect(minor).toBeGreaterThan(0n);
        if (currency !== 'USD' && currency !== 'USDT') expect(significantDigits(minor), `${product.slug}: ${minor}`).toBeLessThanOrEqual(2);
      }
      if (product.compareAtPriceMinor !== null) expect(product.compareAtPriceMinor, product.slug).toBeGreaterThan(product.priceMinor);
    }
  });

  it('names a gift card by its price in the shop’s currency', () => {
    expect(demoCatalogIn('USD').find((p) => p.slug === 'gift-card-10')).toMatchObject({ title: 'Gift card, $25.00', priceMinor: 2500n });
  });
});

describe('demoDeliveryIn', () => {
  it('is the TON demo delivery in TON', () => {
    expect(DEMO_DELIVERY.currency).toBe('TON');
    const post = DEMO_DELIVERY.methods[0];
    expect(post?.kind === 'shipping' && post.zones[0]).toMatchObject({ id: 'iran', feeMinor: 1_000_000_000n, freeAboveMinor: 30_000_000_000n });
  });

  it('stamps the currency and converts every fee like the catalog', () => {
    const eur = demoDeliveryIn('EUR');
    expect(eur.currency).toBe('EUR');
    const post = eur.methods.find((m) => m.id === 'post');
    const courier = eur.methods.find((m) => m.id === 'courier');
    expect(post?.kind === 'shipping' && post.zones.map((z) => [z.id, z.feeMinor, z.freeAboveMinor])).toEqual([
      ['iran', 280n, 8300n],
      ['russia', 550n, null],
      ['india', 550n, null],
      ['eu', 830n, 14_000n],
    ]);
    expect(courier?.kind === 'courier' && courier.areas.map((a) => a.feeMinor)).toEqual([170n, 110n, 140n]);
  });
});

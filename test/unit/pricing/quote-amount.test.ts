import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyInfo, FIAT_CURRENCIES, PAYMENT_ASSETS, PRICING_CURRENCIES } from '../../../functions/core/pricing/currencies';
import { rateFromDecimal } from '../../../functions/core/pricing/exact-rate';
import { quoteAmount } from '../../../functions/core/pricing/quote-amount';

const rate = (text: string) => rateFromDecimal(text)!;

describe('the amount of an asset that pays a price', () => {
  it('converts a fiat price in minor units into the asset’s smallest unit', () => {
    // $10.00 at 5 USD per TON is 2 TON; at 1 USD per USDT it is 10 USDT (6 decimals, never 9).
    expect(quoteAmount(1000n, 'USD', 'TON', rate('5'))).toBe(2_000_000_000n);
    expect(quoteAmount(1000n, 'USD', 'USDT', rate('1'))).toBe(10_000_000n);
    // 5,000,000 rials (500,000 tomans) at 2,500,000 rials per TON: 2 TON. The rial counts in whole rials.
    expect(quoteAmount(5_000_000n, 'IRR', 'TON', rate('2500000'))).toBe(2_000_000_000n);
    // ₽1,234.56 at 80.5 RUB per USDT: 15.336149…, rounded up to the next micro-USDT.
    expect(quoteAmount(123_456n, 'RUB', 'USDT', rate('80.5'))).toBe(15_336_150n);
  });

  it('rounds up to the next smallest unit, so the merchant never gets less than the price', () => {
    // $10.00 at 5.4321 USD per TON = 1.840908672 52… TON → 1,840,908,673 nanotons.
    expect(quoteAmount(1000n, 'USD', 'TON', rate('5.4321'))).toBe(1_840_908_673n);
    // An amount that divides exactly is not rounded.
    expect(quoteAmount(54321n, 'USD', 'TON', rate('5.4321'))).toBe(100_000_000_000n);
  });

  it('needs no rate when the shop prices in the asset it is paid in', () => {
    expect(quoteAmount(1_500_000_000n, 'TON', 'TON', null)).toBe(1_500_000_000n);
    expect(quoteAmount(2_500_000n, 'USDT', 'USDT', null)).toBe(2_500_000n);
  });

  it('refuses a missing rate and a negative price', () => {
    expect(() => quoteAmount(100n, 'USD', 'TON', null)).toThrow(RangeError);
    expect(() => quoteAmount(-1n, 'TON', 'TON', null)).toThrow(RangeError);
  });

  it('is, in every currency and asset, the least whole amount worth at least the price, never more than one unit over', () => {
    const fiatOrAsset = fc.constantFrom(...PRICING_CURRENCIES);
    const asset = fc.constantFrom(...PAYMENT_ASSETS);
    const anyRate = fc.record({ numerator: fc.bigInt({ min: 1n, max: 10n ** 18n }), denominator: fc.bigInt({ min: 1n, max: 10n ** 12n }) });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fiatOrAsset, asset, anyRate, (price, currency, paidIn, r) => {
        fc.pre(currency !== paidIn);
        const amount = quoteAmount(price, currency, paidIn, r);
        // Worth, in the pricing currency's minor units × the rate's denominator, both sides exact:
        const scaleAsset = 10n ** BigInt(currencyInfo(paidIn).minorDigits);
        const scaleCurrency = 10n ** BigInt(currencyInfo(currency).minorDigits);
        const worth = (units: bigint) => units * scaleCurrency * r.numerator;
        const owed = price * scaleAsset * r.denominator;
        expect(worth(amount) >= owed).toBe(true);
        if (amount > 0n) expect(worth(amount - 1n) < owed).toBe(true);
      }),
    );
  });

  it('counts each fiat currency in its own minor unit', () => {
    expect(FIAT_CURRENCIES.map((c) => [c, currencyInfo(c).minorDigits])).toEqual([
      ['USD', 2],
      ['EUR', 2],
      ['RUB', 2],
      ['INR', 2],
      ['AED', 2],
      ['TRY', 2],
      ['IRR', 0],
    ]);
  });
});

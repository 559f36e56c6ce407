import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareRates,
  divideRates,
  formatRate,
  medianRate,
  parseStoredRate,
  rateFromDecimal,
  rateFromNumber,
} from '../../../functions/core/pricing/exact-rate';

const r = (numerator: bigint, denominator: bigint) => ({ numerator, denominator });

describe('an exchange rate is an exact fraction', () => {
  it('is read from the decimal digits a source wrote', () => {
    expect(rateFromDecimal('5.4321')).toEqual(r(54321n, 10000n));
    expect(rateFromDecimal('12')).toEqual(r(12n, 1n));
    expect(rateFromDecimal('0.50')).toEqual(r(1n, 2n));
    expect(rateFromDecimal('1e-7')).toEqual(r(1n, 10_000_000n));
    expect(rateFromDecimal('2.5E+3')).toEqual(r(2500n, 1n));
  });

  it('refuses what is not a positive plain decimal', () => {
    for (const text of ['', '0', '0.000', '-1', '+1', 'abc', '1.2.3', '1,5', 'Infinity', 'NaN', '.5', '5.', '1e999']) {
      expect(rateFromDecimal(text), text).toBeNull();
    }
  });

  it('takes a JSON number as the decimal it was written as, not as the binary double', () => {
    // 0.1 as a double is 0.1000000000000000055511151231257827…; the source meant 1/10.
    expect(rateFromNumber(0.1)).toEqual(r(1n, 10n));
    expect(compareRates(rateFromNumber(3.0765432109876)!, r(30765432109876n, 10n ** 13n))).toBe(0);
    expect(rateFromNumber(0.00000123)).toEqual(r(123n, 10n ** 8n));
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(rateFromNumber(bad)).toBeNull();
  });

  it('reads back any decimal of up to 15 significant digits that a source could send as a JSON number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 20 }), (digits, scale) => {
        const text = scale === 0 ? String(digits) : `${digits / 10n ** BigInt(scale)}.${String(digits % 10n ** BigInt(scale)).padStart(scale, '0')}`;
        const exact = rateFromDecimal(text)!;
        const viaNumber = rateFromNumber(JSON.parse(text) as number)!;
        expect(compareRates(viaNumber, exact)).toBe(0);
        expect(exact.numerator * 10n ** BigInt(scale)).toBe(digits * exact.denominator);
      }),
    );
  });

  it('takes the median of an odd count as the middle figure and of an even count as the exact mean of the middle two', () => {
    expect(medianRate([r(5n, 1n), r(51n, 10n), r(49n, 10n)])).toEqual(r(5n, 1n));
    expect(medianRate([r(5n, 1n), r(52n, 10n)])).toEqual(r(51n, 10n));
    expect(medianRate([r(1n, 3n), r(1n, 2n)])).toEqual(r(5n, 12n));
    expect(() => medianRate([])).toThrow(RangeError);
  });

  it('makes a cross rate by exact division', () => {
    // TON at 5.5 USD and USDT at 1.1 USD: one TON is 5 USDT.
    expect(divideRates(r(55n, 10n), r(11n, 10n))).toEqual(r(5n, 1n));
  });

  it('is stored as "numerator/denominator" and read back the same', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (n, d) => {
        const stored = parseStoredRate(`${n}/${d}`)!;
        expect(compareRates(stored, r(n, d))).toBe(0);
        expect(parseStoredRate(formatRate(stored))).toEqual(stored);
      }),
    );
    for (const bad of ['', '5', '5/0', '0/5', '-1/2', '1.5/2', '1/2/3']) expect(parseStoredRate(bad), bad).toBeNull();
  });
});

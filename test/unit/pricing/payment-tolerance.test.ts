import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgePayment, leastAccepted, toleranceFromPercent } from '../../../functions/core/pricing/payment-tolerance';

describe('a payment against its quote', () => {
  it('with no tolerance (the default), pays only at or above the quote', () => {
    expect(judgePayment(1_000_000n, 1_000_000n, 0)).toEqual({ verdict: 'exact' });
    expect(judgePayment(1_000_001n, 1_000_000n, 0)).toEqual({ verdict: 'over', overpaid: 1n });
    expect(judgePayment(999_999n, 1_000_000n, 0)).toEqual({ verdict: 'short', missing: 1n });
  });

  it('with a tolerance, accepts a little under the quote and records by how much', () => {
    // 1 % of 1 USDT is 10,000 micro-USDT.
    expect(leastAccepted(1_000_000n, 100)).toBe(990_000n);
    expect(judgePayment(990_000n, 1_000_000n, 100)).toEqual({ verdict: 'accepted', shortBy: 10_000n });
    expect(judgePayment(989_999n, 1_000_000n, 100)).toEqual({ verdict: 'short', missing: 1n });
  });

  it('rounds the tolerance down, in the merchant’s favour', () => {
    // 0.25 % of 999 units is 2.4975 units: 2 may be missing, not 3.
    expect(leastAccepted(999n, 25)).toBe(997n);
  });

  it('never lets the least accepted exceed the quote or fall below the quote less the tolerance', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 10_000 }), (quoted, bp) => {
        const least = leastAccepted(quoted, bp);
        expect(least <= quoted).toBe(true);
        expect(least * 10_000n >= quoted * BigInt(10_000 - bp)).toBe(true);
      }),
    );
  });

  it('refuses a tolerance that is not whole basis points from 0 to 10,000', () => {
    for (const bad of [-1, 10_001, 1.5, Number.NaN]) expect(() => leastAccepted(100n, bad)).toThrow(RangeError);
  });

  it('reads a tolerance as a merchant types it, in percent with up to two decimals', () => {
    expect(toleranceFromPercent('0')).toBe(0);
    expect(toleranceFromPercent('0.25')).toBe(25);
    expect(toleranceFromPercent('1.5')).toBe(150);
    expect(toleranceFromPercent(' 2 ')).toBe(200);
    expect(toleranceFromPercent('100')).toBe(10_000);
    for (const bad of ['', '100.01', '101', '-1', '1.234', '1,5', 'abc', '.5']) expect(toleranceFromPercent(bad), bad).toBeNull();
  });
});

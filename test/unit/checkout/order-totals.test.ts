import { describe, expect, it } from 'vitest';
import { computeOrderTotals } from '../../../functions/core/checkout/order-totals';

describe('computeOrderTotals', () => {
  it('is items − discount + delivery', () => {
    expect(computeOrderTotals({ lineTotalsMinor: [3_000n, 1_500n], discountMinor: 500n, deliveryFeeMinor: 200n })).toEqual({
      subtotalMinor: 4_500n,
      discountMinor: 500n,
      deliveryFeeMinor: 200n,
      totalMinor: 4_200n,
    });
  });

  it('never lets a discount take the items below zero (delivery is still paid)', () => {
    expect(computeOrderTotals({ lineTotalsMinor: [100n], discountMinor: 1_000n, deliveryFeeMinor: 50n })).toMatchObject({
      discountMinor: 100n,
      totalMinor: 50n,
    });
  });

  it('reads a negative discount or fee as none', () => {
    expect(computeOrderTotals({ lineTotalsMinor: [100n], discountMinor: -5n, deliveryFeeMinor: -5n })).toEqual({
      subtotalMinor: 100n,
      discountMinor: 0n,
      deliveryFeeMinor: 0n,
      totalMinor: 100n,
    });
  });
});

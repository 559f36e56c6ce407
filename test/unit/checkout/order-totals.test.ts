import { describe, expect, it } from 'vitest';
import { computeOrderTotals } from '../../../functions/core/checkout/order-totals';

describe('computeOrderTotals', () => {
  it('is items − discount + delivery', () => {
    expect(computeOrderTotals({ lineTotalsNano: [3_000n, 1_500n], discountNano: 500n, deliveryFeeNano: 200n })).toEqual({
      subtotalNano: 4_500n,
      discountNano: 500n,
      deliveryFeeNano: 200n,
      totalNano: 4_200n,
    });
  });

  it('never lets a discount take the items below zero (delivery is still paid)', () => {
    expect(computeOrderTotals({ lineTotalsNano: [100n], discountNano: 1_000n, deliveryFeeNano: 50n })).toMatchObject({ discountNano: 100n, totalNano: 50n });
  });

  it('reads a negative discount or fee as none', () => {
    expect(computeOrderTotals({ lineTotalsNano: [100n], discountNano: -5n, deliveryFeeNano: -5n })).toEqual({
      subtotalNano: 100n,
      discountNano: 0n,
      deliveryFeeNano: 0n,
      totalNano: 100n,
    });
  });
});

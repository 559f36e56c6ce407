/**
 * What an order costs, in the smallest unit: the one definition every screen, message and export shows.
 * total = subtotal − discount + delivery. The discount never exceeds the subtotal (a code cannot make
 * items free of charge below zero), and nothing here is ever negative.
 */
export interface OrderTotals {
  subtotalMinor: bigint;
  discountMinor: bigint;
  deliveryFeeMinor: bigint;
  totalMinor: bigint;
}

export function computeOrderTotals(input: { lineTotalsMinor: readonly bigint[]; discountMinor?: bigint; deliveryFeeMinor?: bigint }): OrderTotals {
  const subtotalMinor = input.lineTotalsMinor.reduce((sum, line) => sum + line, 0n);
  const discountMinor = clamp(input.discountMinor ?? 0n, 0n, subtotalMinor);
  const deliveryFeeMinor = input.deliveryFeeMinor !== undefined && input.deliveryFeeMinor > 0n ? input.deliveryFeeMinor : 0n;
  return { subtotalMinor, discountMinor, deliveryFeeMinor, totalMinor: subtotalMinor - discountMinor + deliveryFeeMinor };
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

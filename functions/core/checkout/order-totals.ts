/**
 * What an order costs, in the smallest unit: the one definition every screen, message and export shows.
 * total = subtotal − discount + delivery. The discount never exceeds the subtotal (a code cannot make
 * items free of charge below zero), and nothing here is ever negative.
 */
export interface OrderTotals {
  subtotalNano: bigint;
  discountNano: bigint;
  deliveryFeeNano: bigint;
  totalNano: bigint;
}

export function computeOrderTotals(input: { lineTotalsNano: readonly bigint[]; discountNano?: bigint; deliveryFeeNano?: bigint }): OrderTotals {
  const subtotalNano = input.lineTotalsNano.reduce((sum, line) => sum + line, 0n);
  const discountNano = clamp(input.discountNano ?? 0n, 0n, subtotalNano);
  const deliveryFeeNano = input.deliveryFeeNano !== undefined && input.deliveryFeeNano > 0n ? input.deliveryFeeNano : 0n;
  return { subtotalNano, discountNano, deliveryFeeNano, totalNano: subtotalNano - discountNano + deliveryFeeNano };
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

import { decidePayment, type PaymentDecision } from '../orders/order-lifecycle';
import type { OrderStatus } from '../orders/order-status';
import { leastAccepted } from '../pricing/payment-tolerance';

/**
 * What a payment of `paid` (in the quote's asset) does to the order, the quote being `quoted` and the
 * shop letting `toleranceBasisPoints` of it go (core/pricing/payment-tolerance.ts). The order's life decides
 * as for any payment (order-lifecycle.ts, decidePayment: late, cancelled, already paid, stock), against
 * the least the quote accepts; the overpayment and the shortfall are then counted from the quote itself,
 * so a payment within the tolerance records no overpayment and an underpayment names what the quote lacks.
 */
export function decideQuotedPayment(input: {
  order: { status: OrderStatus; expiresAt: Date };
  quoted: bigint;
  paid: bigint;
  at: Date;
  toleranceBasisPoints: number;
  stockAvailable: boolean;
}): PaymentDecision {
  const { order, quoted, paid } = input;
  const least = leastAccepted(quoted, input.toleranceBasisPoints);
  const decision = decidePayment(
    { status: order.status, expiresAt: order.expiresAt, totalMinor: least },
    { amountNano: paid, at: input.at },
    input.stockAvailable,
  );
  if (decision.kind === 'pay') return { ...decision, overpaymentNano: paid > quoted ? paid - quoted : 0n };
  if (decision.reason === 'underpaid') return { ...decision, shortfallNano: quoted - paid };
  return decision;
}

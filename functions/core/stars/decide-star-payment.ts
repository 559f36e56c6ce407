import { decidePayment, type AttentionReason, type OrderTransition } from '../orders/order-lifecycle';
import type { OrderStatus } from '../orders/order-status';
import { STARS_CURRENCY, type IncomingStarPayment } from './star-payment';

/** The order a Stars payment's payload names, locked by the caller. */
export interface StarsCandidateOrder {
  status: OrderStatus;
  expiresAt: Date;
  totalStars: number | null;
  /** Another charge already credited this order. */
  creditedByOtherCharge: boolean;
  /** Whether its units are on the shelf; read only when paying needs them back (an expired order). */
  stockAvailable: boolean;
}

export type StarPaymentDecision =
  | { status: 'credited'; transition: OrderTransition }
  | { status: 'refunded_duplicate'; reason: 'already_paid' }
  | { status: 'refunded'; reason: AttentionReason | 'wrong_currency' | 'not_invoiced' };

/**
 * What a Stars payment Telegram reports does to the order its payload names. The order lifecycle decides
 * as for a TON payment (order-lifecycle.ts decidePayment: on time by Telegram's clock, enough money, the
 * stock there for an order that gave it back), with whole Stars in place of nanotons. Money that cannot
 * pay is refunded, not set aside as TON is: Telegram gives the bot a refund call, and the customer gets
 * their Stars back at once. A second charge for an order already paid is `refunded_duplicate`.
 */
export function decideStarPayment(order: StarsCandidateOrder | null, payment: IncomingStarPayment): StarPaymentDecision {
  if (!order) return { status: 'refunded', reason: 'unknown_comment' };
  if (order.creditedByOtherCharge) return { status: 'refunded_duplicate', reason: 'already_paid' };
  if (payment.currency !== STARS_CURRENCY) return { status: 'refunded', reason: 'wrong_currency' };
  if (order.totalStars === null) return { status: 'refunded', reason: 'not_invoiced' };
  const decision = decidePayment(
    { status: order.status, totalMinor: BigInt(order.totalStars), expiresAt: order.expiresAt },
    { amountNano: BigInt(payment.amountStars), at: payment.paidAt },
    order.stockAvailable,
  );
  if (decision.kind === 'pay') return { status: 'credited', transition: decision.transition };
  // Paid by a TON payment meanwhile: the Stars are a second payment of the same order.
  if (decision.reason === 'already_paid') return { status: 'refunded_duplicate', reason: 'already_paid' };
  return { status: 'refunded', reason: decision.reason };
}

import { isPaid } from '../orders/order-lifecycle';
import type { OrderStatus } from '../orders/order-status';
import { STARS_CURRENCY } from './star-payment';

/** Why the bot says no to a pre-checkout query: each has its own sentence for the customer. */
export const PRE_CHECKOUT_REFUSALS = ['unknown_order', 'already_paid', 'not_payable', 'expired', 'out_of_stock', 'wrong_amount'] as const;
export type PreCheckoutRefusal = (typeof PRE_CHECKOUT_REFUSALS)[number];

/** The order a pre-checkout query's payload names, as the decision needs it. */
export interface PreCheckoutOrder {
  status: OrderStatus;
  expiresAt: Date;
  /** The Stars total fixed when the invoice was made; null: the shop never invoiced this order in Stars. */
  totalStars: number | null;
  /** Whether every unit of the order is on the shelf now: read only for an order that gave its stock back. */
  stockAvailable: boolean;
}

/**
 * Telegram's last question before it takes the customer's Stars (core.telegram.org/bots/api#answerprecheckoutquery):
 * yes only for an order that awaits payment, has time left, still holds its units, and whose invoice asks
 * exactly the Stars total the shop fixed, in XTR. Anything else is refused with the reason, so no Star
 * moves for an order that could not be delivered.
 */
export function decidePreCheckout(
  order: PreCheckoutOrder | null,
  query: { currency: string; totalAmount: number },
  now: Date,
): { ok: true } | { ok: false; reason: PreCheckoutRefusal } {
  if (!order) return { ok: false, reason: 'unknown_order' };
  if (isPaid(order.status)) return { ok: false, reason: 'already_paid' };
  if (order.status === 'expired') return { ok: false, reason: order.stockAvailable ? 'expired' : 'out_of_stock' };
  if (order.status !== 'pending') return { ok: false, reason: 'not_payable' };
  if (order.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (query.currency !== STARS_CURRENCY || order.totalStars === null || query.totalAmount !== order.totalStars) {
    return { ok: false, reason: 'wrong_amount' };
  }
  return { ok: true };
}

import type { MessengerId } from '../messenger/messenger-id';
import { planTransition, type OrderTransition } from '../orders/order-lifecycle';
import type { OrderStatus } from '../orders/order-status';
import type { RefundStarPaymentParams } from '../telegram/bot-api';
import { DomainError } from '../domain-error';

/** The order was not paid in Telegram Stars: there is no charge to give back with refundStarPayment. */
export class OrderNotPaidInStarsError extends DomainError {
  constructor() {
    super('conflict', 'ORDER_NOT_PAID_IN_STARS', 'This order was not paid in Telegram Stars, so it cannot be refunded from here.');
  }
}

/**
 * The merchant's refund of a Stars order: the order moves to `refunded` through the lifecycle (its keys
 * revoked, the customer told) and the charge that paid it is given back with refundStarPayment
 * (core.telegram.org/bots/api#refundstarpayment), sent through the outbox so it happens exactly once.
 * @throws OrderNotPaidInStarsError when no charge credited the order; InvalidOrderTransitionError (409)
 *   when the order is not in a state that can be refunded (unpaid, shipped, refunded already)
 */
export function planStarsRefund(
  order: { status: OrderStatus },
  creditedCharge: { chargeId: string; payerTelegramId: MessengerId } | null,
): { transition: OrderTransition; refund: RefundStarPaymentParams } {
  if (!creditedCharge) throw new OrderNotPaidInStarsError();
  return {
    transition: planTransition(order.status, 'refund'),
    refund: { user_id: creditedCharge.payerTelegramId, telegram_payment_charge_id: creditedCharge.chargeId },
  };
}

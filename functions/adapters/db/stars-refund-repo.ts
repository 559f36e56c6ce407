import { and, eq } from 'drizzle-orm';
import { planStarsRefund } from '../../core/stars/refund-star-order';
import type { Db } from './connect';
import { applyTransition } from './order-transitions';
import { enqueueOutbox } from './outbox-enqueue';
import { orders, starPayments } from './schema';

/** The merchant's refunds of Stars orders (core/stars/refund-star-order.ts) over Postgres. */
export function createStarsRefundRepo(db: Db) {
  return {
    /**
     * Refunds the order in one transaction, its row locked: the lifecycle's `refund` (keys revoked, the
     * customer's message queued), the charge marked refunded, and its refundStarPayment queued in the
     * outbox under the charge's dedupe key, so a double click refunds once. False when there is no such order.
     */
    async refundOrder(orderId: string, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [order] = await tx.select({ id: orders.id, status: orders.status }).from(orders).where(eq(orders.id, orderId)).for('update');
        if (!order) return false;
        const [charge] = await tx
          .select({ chargeId: starPayments.telegramPaymentChargeId, payerTelegramId: starPayments.payerTelegramId })
          .from(starPayments)
          .where(and(eq(starPayments.orderId, order.id), eq(starPayments.status, 'credited')));
        const plan = planStarsRefund(order, charge ?? null);
        await applyTransition(tx, [order.id], plan.transition, { now });
        await tx
          .update(starPayments)
          .set({ status: 'refunded', reason: 'merchant_refund', updatedAt: now })
          .where(eq(starPayments.telegramPaymentChargeId, plan.refund.telegram_payment_charge_id));
        await enqueueOutbox(
          tx,
          [
            {
              dedupeKey: `stars_refund:${plan.refund.telegram_payment_charge_id}`,
              kind: 'stars_refund',
              chatId: plan.refund.user_id,
              orderId: order.id,
              payload: { userId: plan.refund.user_id, chargeId: plan.refund.telegram_payment_charge_id },
            },
          ],
          now,
        );
        return true;
      });
    },
  };
}

export type StarsRefundRepo = ReturnType<typeof createStarsRefundRepo>;

import type { MessengerId } from '../../core/messenger/messenger-id';
import { and, asc, eq, lt } from 'drizzle-orm';
import { paymentNeedsStock } from '../../core/orders/order-lifecycle';
import { decideStarPayment } from '../../core/stars/decide-star-payment';
import type { StarsRepo } from '../../core/stars/stars-repo';
import type { Db, DbExecutor } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { applyTransition, lockStockAvailable } from './order-transitions';
import { withItems } from './order-repo';
import { orderItems, orders, products, starPayments, starTransactionCursors } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Telegram Stars payments over Postgres. Like payment-repo.ts for TON, it only locks and executes: what a
 * payment does to its order is core/stars/decide-star-payment.ts's call (which asks the order lifecycle),
 * the paid messages are enqueued by the lifecycle's transition in the same transaction, and a refund is an
 * outbox entry written with the payment's row, so it goes out exactly once however often Telegram or the
 * reconciler report the charge.
 */
export function createStarsRepo(db: Db, options: { merchantChatIds?: readonly MessengerId[] } = {}): StarsRepo {
  const merchantChatIds = options.merchantChatIds ?? [];
  return {
    async fixStarsTotal({ customerId, orderId, price, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(orders)
          .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)))
          .for('update');
        if (!row) return null;
        let totalStars = row.totalStars;
        if (totalStars === null) {
          const lines = await tx
            .select({ title: products.title, kind: products.kind, priceStars: products.priceStars, quantity: orderItems.quantity })
            .from(orderItems)
            .innerJoin(products, eq(products.id, orderItems.productId))
            .where(eq(orderItems.orderId, row.id))
            .orderBy(asc(orderItems.position));
          totalStars = price(lines);
          await tx.update(orders).set({ totalStars, updatedAt: now }).where(eq(orders.id, row.id));
        }
        const [order] = await withItems(tx, [row]);
        return { order: order!, totalStars };
      });
    },

    async readPreCheckout(orderId) {
      if (!UUID.test(orderId)) return null;
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(orders).where(eq(orders.id, orderId));
        if (!row) return null;
        return {
          status: row.status,
          expiresAt: row.expiresAt,
          totalStars: row.totalStars,
          stockAvailable: paymentNeedsStock(row.status) ? await lockStockAvailable(tx, row.id) : true,
        };
      });
    },

    async recordPayment(payment, now) {
      return db.transaction(async (tx) => {
        // Lock the order the payload names: two charges for one order queue here, and the second sees the first.
        const [row] = UUID.test(payment.invoicePayload)
          ? await tx.select().from(orders).where(eq(orders.id, payment.invoicePayload.toLowerCase())).for('update')
          : [];
        const [known] = await tx.select({ status: starPayments.status }).from(starPayments).where(eq(starPayments.telegramPaymentChargeId, payment.chargeId));
        if (known) return { kind: 'already_recorded' as const, status: known.status };

        const decision = decideStarPayment(
          row
            ? {
                status: row.status,
                expiresAt: row.expiresAt,
                totalStars: row.totalStars,
                creditedByOtherCharge: await isCredited(tx, row.id),
                stockAvailable: paymentNeedsStock(row.status) ? await lockStockAvailable(tx, row.id) : true,
              }
            : null,
          payment,
        );
        const inserted = await tx
          .insert(starPayments)
          .values({
            telegramPaymentChargeId: payment.chargeId,
            orderId: row?.id ?? null,
            invoicePayload: payment.invoicePayload,
            amountStars: payment.amountStars,
            payerTelegramId: payment.payerTelegramId,
            status: decision.status,
            reason: decision.status === 'credited' ? null : decision.reason,
            source: payment.source,
            paidAt: payment.paidAt,
            recordedAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: starPayments.telegramPaymentChargeId })
          .returning({ status: starPayments.status });
        // The same charge recorded by a concurrent call (webhook and reconciler at once): theirs stands.
        if (inserted.length === 0) return { kind: 'already_recorded' as const, status: decision.status };

        if (decision.status === 'credited') {
          await applyTransition(tx, [row!.id], decision.transition, { now, merchantChatIds });
          return { kind: 'recorded' as const, decision, refundOutboxId: null };
        }
        const [refundOutboxId] = await enqueueOutbox(
          tx,
          [
            {
              dedupeKey: `stars_refund:${payment.chargeId}`,
              kind: 'stars_refund',
              chatId: payment.payerTelegramId,
              orderId: row?.id ?? null,
              payload: { userId: payment.payerTelegramId, chargeId: payment.chargeId },
            },
          ],
          now,
        );
        return { kind: 'recorded' as const, decision, refundOutboxId: refundOutboxId ?? null };
      });
    },

    async readTransactionsRead(bot) {
      const [row] = await db.select().from(starTransactionCursors).where(eq(starTransactionCursors.bot, bot));
      return row?.transactionsRead ?? 0;
    },

    async advanceTransactionsRead(bot, transactionsRead, now) {
      await db
        .insert(starTransactionCursors)
        .values({ bot, transactionsRead, updatedAt: now })
        .onConflictDoUpdate({
          target: starTransactionCursors.bot,
          set: { transactionsRead, updatedAt: now },
          setWhere: lt(starTransactionCursors.transactionsRead, transactionsRead),
        });
    },
  };
}

async function isCredited(tx: DbExecutor, orderId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: starPayments.id })
    .from(starPayments)
    .where(and(eq(starPayments.orderId, orderId), eq(starPayments.status, 'credited')));
  return rows.length > 0;
}

import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { transitionOrder } from '../../core/orders/order-status';
import { matchPayment, type PaymentCandidateOrder, type PaymentVerdict } from '../../core/payments/match-payment';
import { orderComment, parseOrderComment } from '../../core/payments/order-comment';
import type { PaymentRecord, PaymentRepo } from '../../core/payments/payment-repo';
import { orderPaidEntries } from '../../core/notifications/order-paid-entries';
import type { Db, DbExecutor } from './connect';
import { withItems } from './order-repo';
import { enqueueOutbox } from './outbox-enqueue';
import { chainCursors, customers, orders, paymentSubmissions, payments } from './schema';

/**
 * Payments over Postgres: the only code that marks an order paid. The paid messages (customer and
 * `merchantChatIds`) are written to the outbox in the same transaction, so they exist exactly when the
 * order is paid, and the Bot API is never called on the payment path.
 */
export function createPaymentRepo(db: Db, options: { merchantChatIds?: readonly number[] } = {}): PaymentRepo {
  const merchantChatIds = options.merchantChatIds ?? [];
  return {
    async recordSubmission({ order, parsed, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(orders).where(eq(orders.id, order.id)).for('update');
        if (!row) return { kind: 'not_payable' as const, order };
        const payable =
          row.status === 'confirming' || (row.status === 'pending' && row.expiresAt.getTime() > now.getTime());
        if (!payable) return { kind: 'not_payable' as const, order: await loadOrder(tx, row.id) };

        const inserted = await tx
          .insert(paymentSubmissions)
          .values({
            orderId: row.id,
            walletAddress: parsed.walletAddress,
            messageHashRaw: parsed.hashRaw,
            messageHashNorm: parsed.hashNorm,
            validUntil: new Date(parsed.validUntil * 1000),
            submittedAt: now,
          })
          .onConflictDoNothing({ target: paymentSubmissions.messageHashNorm })
          .returning({ orderId: paymentSubmissions.orderId });
        if (inserted.length === 0) {
          const [existing] = await tx
            .select({ orderId: paymentSubmissions.orderId })
            .from(paymentSubmissions)
            .where(eq(paymentSubmissions.messageHashNorm, parsed.hashNorm));
          if (existing?.orderId !== row.id) return { kind: 'submitted_elsewhere' as const };
        }
        if (row.status === 'pending') {
          await tx
            .update(orders)
            .set({ status: transitionOrder(row.status, 'submit_payment'), updatedAt: now })
            .where(eq(orders.id, row.id));
        }
        return { kind: 'accepted' as const, order: await loadOrder(tx, row.id) };
      });
    },

    async recordIncomingTransaction({ tx: chainTx, merchantAddress, now }) {
      const code = parseOrderComment(chainTx.inMessage?.comment);
      return db.transaction(async (tx): Promise<PaymentVerdict> => {
        // Lock the order the comment names: concurrent confirms and reconciler runs queue here, and each
        // sees the outcome of the one before it.
        const candidate = code ? await lockCandidateOrder(tx, code) : null;
        const verdict = matchPayment({ tx: chainTx, merchantAddress, order: candidate });
        if (verdict.kind === 'ignore') return verdict;

        const { payment } = verdict;
        const inserted = await tx
          .insert(payments)
          .values({
            txHash: payment.txHash,
            txLt: payment.lt,
            orderId: verdict.orderId,
            payerAddress: payment.payer,
            amountNano: payment.amountNano,
            overpaymentNano: verdict.kind === 'paid' ? verdict.overpaymentNano : 0n,
            comment: payment.comment,
            status: verdict.kind === 'paid' ? 'applied' : 'attention',
            reason: verdict.kind === 'attention' ? verdict.reason : null,
            chainTime: payment.at,
            recordedAt: now,
          })
          .onConflictDoNothing({ target: payments.txHash })
          .returning({ id: payments.id });
        if (inserted.length === 0) return { kind: 'ignore', reason: 'already_recorded' };

        if (verdict.kind === 'paid' && candidate) {
          await tx
            .update(orders)
            .set({ status: transitionOrder(candidate.status, 'confirm_payment'), paidAt: now, updatedAt: now })
            .where(eq(orders.id, candidate.id));
          const [customer] = await tx
            .select({ telegramId: customers.telegramId })
            .from(orders)
            .innerJoin(customers, eq(customers.id, orders.customerId))
            .where(eq(orders.id, candidate.id));
          await enqueueOutbox(
            tx,
            orderPaidEntries({ orderId: candidate.id, customerTelegramId: customer?.telegramId ?? null, merchantChatIds }),
            now,
          );
        }
        return verdict;
      });
    },

    async firstOrderCreatedAt() {
      const [row] = await db.select({ at: sql<string | null>`min(${orders.createdAt})` }).from(orders);
      // Raw aggregate: drivers hand back text (postgres.js) or a Date (PGlite); normalise.
      return row?.at ? new Date(row.at) : null;
    },

    async readCursor(account) {
      const [row] = await db.select().from(chainCursors).where(eq(chainCursors.account, account));
      return row ? { lt: row.lastLt, hash: row.lastHash } : null;
    },

    async advanceCursor(account, lastLt, lastHash, now) {
      await db
        .insert(chainCursors)
        .values({ account, lastLt, lastHash, updatedAt: now })
        .onConflictDoUpdate({
          target: chainCursors.account,
          set: { lastLt, lastHash, updatedAt: now },
          setWhere: lt(chainCursors.lastLt, lastLt),
        });
    },

    async releaseStaleSubmissions(now, graceSeconds) {
      // Raw SQL gets the time as ISO text: drivers differ in how they bind a Date outside Drizzle's columns.
      const horizon = new Date(now.getTime() - graceSeconds * 1000);
      const released = await db
        .update(orders)
        .set({ status: 'pending', updatedAt: now })
        .where(
          and(
            eq(orders.status, 'confirming'),
            sql`not exists (select 1 from ${paymentSubmissions} s where s.order_id = ${orders.id} and s.valid_until > ${horizon.toISOString()}::timestamptz)`,
          ),
        )
        .returning({ id: orders.id });
      return released.map((row) => row.id);
    },

    async listPayments({ status, orderId, limit }) {
      const rows = await db
        .select({ payment: payments, orderCode: orders.code })
        .from(payments)
        .leftJoin(orders, eq(orders.id, payments.orderId))
        .where(and(status ? eq(payments.status, status) : undefined, orderId ? eq(payments.orderId, orderId) : undefined))
        .orderBy(desc(payments.txLt))
        .limit(limit);
      return rows.map(({ payment, orderCode }): PaymentRecord => ({
        id: payment.id,
        txHash: payment.txHash,
        txLt: payment.txLt,
        orderId: payment.orderId,
        orderCode,
        payerAddress: payment.payerAddress,
        amountNano: payment.amountNano,
        overpaymentNano: payment.overpaymentNano,
        comment: payment.comment,
        status: payment.status,
        reason: payment.reason,
        chainTime: payment.chainTime,
        recordedAt: payment.recordedAt,
      }));
    },
  };
}

async function lockCandidateOrder(tx: DbExecutor, code: string): Promise<PaymentCandidateOrder | null> {
  const [row] = await tx.select().from(orders).where(eq(orders.code, code)).for('update');
  if (!row) return null;
  const [applied] = await tx
    .select({ txHash: payments.txHash })
    .from(payments)
    .where(and(eq(payments.orderId, row.id), eq(payments.status, 'applied')));
  return {
    id: row.id,
    status: row.status,
    totalNano: row.totalNano,
    expiresAt: row.expiresAt,
    comment: orderComment(row.code),
    paidByTxHash: applied?.txHash ?? null,
  };
}

async function loadOrder(tx: DbExecutor, orderId: string) {
  const [order] = await withItems(tx, await tx.select().from(orders).where(eq(orders.id, orderId)));
  if (!order) throw new Error(`order ${orderId} vanished inside its own transaction`);
  return order;
}


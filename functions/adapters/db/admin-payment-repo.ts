import { and, eq } from 'drizzle-orm';
import type { PaymentRecord } from '../../core/payments/payment-repo';
import type { Db } from './connect';
import { orders, payments } from './schema';
import { readSetting, writeSetting } from './settings-repo';

export interface PaymentResolution {
  note: string | null;
  resolvedAt: string;
  /** The admin's messenger id (text: core/messenger/messenger-id.ts); 0 in rows resolved before it was text. */
  resolvedBy: string | number;
}

export type ResolveOutcome = { kind: 'resolved'; payment: PaymentRecord; resolution: PaymentResolution } | { kind: 'not_found' } | { kind: 'not_in_attention' };

/**
 * The merchant settling a payment that needed attention (refunded it, matched it by hand…). The payments
 * table has no note column, so who resolved it, when, and the note are kept as a settings document
 * `payment_resolution:<id>`, written in the same transaction as the status change.
 */
export function createAdminPaymentRepo(db: Db) {
  return {
    async resolvePayment(id: string, input: { note: string | null; by: string; now: Date }): Promise<ResolveOutcome> {
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(payments)
          .set({ status: 'resolved' })
          .where(and(eq(payments.id, id), eq(payments.status, 'attention')))
          .returning();
        const [row] = updated;
        if (!row) {
          const [exists] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.id, id));
          return exists ? { kind: 'not_in_attention' } : { kind: 'not_found' };
        }
        const resolution: PaymentResolution = { note: input.note, resolvedAt: input.now.toISOString(), resolvedBy: input.by };
        await writeSetting(tx, `payment_resolution:${id}`, resolution, input.now);
        const [order] = row.orderId ? await tx.select({ code: orders.code }).from(orders).where(eq(orders.id, row.orderId)) : [];
        return { kind: 'resolved', payment: { ...row, orderCode: order?.code ?? null }, resolution };
      });
    },

    async readResolution(id: string): Promise<PaymentResolution | null> {
      return ((await readSetting(db, `payment_resolution:${id}`)) as PaymentResolution | undefined) ?? null;
    },
  };
}

export type AdminPaymentRepo = ReturnType<typeof createAdminPaymentRepo>;

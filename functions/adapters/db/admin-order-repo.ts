import { loadOrderRefunds } from './refund-repo';
import { and, asc, desc, eq, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AdminOrderDetail, AdminOrderSummary, OrderCursor } from '../../core/admin/admin-order';
import { planAdminAction, type AdminOrderAction } from '../../core/admin/order-actions';
import type { OrderStatus } from '../../core/orders/order-status';
import type { PaymentRecord } from '../../core/payments/payment-repo';
import type { Db, DbExecutor } from './connect';
import { applyTransition } from './order-transitions';
import { withItems } from './order-repo';
import { customers, orderItems, orders, payments, starPayments } from './schema';

export interface AdminOrderFilter {
  status?: OrderStatus;
  /** An order code, a customer's name or @username, or a Telegram id. */
  q?: string;
  /** A delivery method's kind (`shipping`, `courier`, `pickup`, `none`) or id; `none` includes orders that asked nothing. */
  delivery?: string;
  limit: number;
  before?: OrderCursor;
}

/** The merchant's view of orders: every customer's, searchable, with status actions. */
export function createAdminOrderRepo(db: Db) {
  return {
    /** Newest first, one page; `next` is the cursor of the page after, or null at the end. */
    async listOrders(filter: AdminOrderFilter): Promise<{ orders: AdminOrderSummary[]; next: OrderCursor | null }> {
      const rows = await summaryQuery(db)
        .where(
          and(
            filter.status ? eq(orders.status, filter.status) : undefined,
            searchCondition(filter.q),
            deliveryCondition(filter.delivery),
            cursorCondition(filter.before),
          ),
        )
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(filter.limit + 1);
      const page = rows.slice(0, filter.limit).map(toSummary);
      const last = page.at(-1);
      return { orders: page, next: rows.length > filter.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    },

    async findOrder(id: string): Promise<AdminOrderDetail | null> {
      return loadDetail(db, id);
    },

    /**
     * Applies the merchant's action with the order row locked: the status change, the stock put back when
     * it is a cancel, and the customer's notification in the outbox all commit together or not at all.
     * Null when there is no such order; InvalidOrderTransitionError when the action is not allowed now.
     */
    async applyAction(id: string, action: AdminOrderAction, now: Date): Promise<AdminOrderDetail | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
        if (!row) return null;
        await applyTransition(tx, [id], planAdminAction(row.status, action), { now });
        return loadDetail(tx, id);
      });
    },
  };
}

export type AdminOrderRepo = ReturnType<typeof createAdminOrderRepo>;

function summaryQuery(db: DbExecutor) {
  return db
    .select({
      order: orders,
      customer: {
        id: customers.id,
        telegramId: customers.telegramId,
        firstName: customers.firstName,
        lastName: customers.lastName,
        username: customers.username,
      },
      itemCount: sql<number>`(select coalesce(sum(${orderItems.quantity}), 0) from ${orderItems} where ${orderItems.orderId} = ${orders.id})`.mapWith(Number),
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(row: SummaryRow): AdminOrderSummary {
  return {
    id: row.order.id,
    code: row.order.code,
    status: row.order.status,
    currency: row.order.currency,
    subtotalMinor: row.order.subtotalMinor,
    discountMinor: row.order.discountMinor,
    deliveryFeeMinor: row.order.deliveryFeeMinor,
    totalMinor: row.order.totalMinor,
    delivery: row.order.delivery,
    createdAt: row.order.createdAt,
    paidAt: row.order.paidAt,
    itemCount: row.itemCount,
    customer: row.customer,
  };
}

function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const byCode = eq(orders.code, text.toUpperCase());
  // LIKE's own wildcards in what the merchant typed are matched literally.
  const pattern = `%${text.replace(/^@/, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // The customer's messenger id matches as typed (ids are text: core/messenger/messenger-id.ts).
  return or(
    byCode,
    eq(customers.telegramId, text),
    ilike(customers.firstName, pattern),
    ilike(customers.lastName, pattern),
    ilike(customers.username, pattern),
  );
}

function deliveryCondition(delivery: string | undefined): SQL | undefined {
  if (!delivery) return undefined;
  const byMethod = or(sql`${orders.delivery}->>'kind' = ${delivery}`, sql`${orders.delivery}->>'methodId' = ${delivery}`);
  return delivery === 'none' ? or(isNull(orders.delivery), byMethod) : byMethod;
}

function cursorCondition(before: OrderCursor | undefined): SQL | undefined {
  if (!before) return undefined;
  return or(lt(orders.createdAt, before.createdAt), and(eq(orders.createdAt, before.createdAt), lt(orders.id, before.id)));
}

async function loadDetail(db: DbExecutor, id: string): Promise<AdminOrderDetail | null> {
  const [row] = await summaryQuery(db).where(eq(orders.id, id)).limit(1);
  if (!row) return null;
  const [order] = await withItems(db, [row.order]);
  const paymentRows = await db.select().from(payments).where(eq(payments.orderId, id)).orderBy(asc(payments.txLt));
  const charges = await db
    .select({ chargeId: starPayments.telegramPaymentChargeId, amountStars: starPayments.amountStars, status: starPayments.status, reason: starPayments.reason })
    .from(starPayments)
    .where(eq(starPayments.orderId, id))
    .orderBy(asc(starPayments.recordedAt));
  return {
    ...toSummary(row),
    items: order?.items ?? [],
    note: row.order.note,
    promoCode: row.order.promoCode,
    expiresAt: row.order.expiresAt,
    payments: paymentRows.map((p): PaymentRecord => ({ ...p, orderCode: row.order.code })),
    starCharges: charges,
    refunds: await loadOrderRefunds(db, id),
  };
}

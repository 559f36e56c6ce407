import { and, asc, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { checkCustomerOrderLimits, CUSTOMER_ORDER_LIMITS } from '../../core/orders/customer-order-limits';
import { makeOrderCode } from '../../core/orders/order-code';
import { planTransition, statusesAllowing } from '../../core/orders/order-lifecycle';
import { orderExpiresAt, type Order } from '../../core/orders/order';
import type { OrderRepo } from '../../core/orders/order-repo';
import { normalizeRequestedItems, priceOrder, type ProductForPricing } from '../../core/orders/price-order';
import type { Db, DbExecutor } from './connect';
import { applyTransition } from './order-transitions';
import { isUniqueViolation } from './pg-errors';
import { customers, orderItems, orders, products } from './schema';

// An order the customer can still pay: what the open-order limit counts.
const OPEN_STATUSES = statusesAllowing('submit_payment');

/** Orders over Postgres: the one place where stock is reserved and released. */
export function createOrderRepo(db: Db): OrderRepo {
  return {
    async createOrder({ customerId, items, now, ttlSeconds }) {
      const requested = normalizeRequestedItems(items);
      // A fresh code is drawn on the (astronomically rare) collision with an existing one.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(async (tx) => {
            await checkLimits(tx, customerId, now);
            // Lock the products' rows in id order: concurrent buyers of the same product queue here,
            // and a fixed order means two orders for the same products cannot deadlock.
            const rows = await tx
              .select()
              .from(products)
              .where(
                inArray(
                  products.id,
                  requested.map((item) => item.productId),
                ),
              )
              .orderBy(asc(products.id))
              .for('update');
            const byId = new Map<string, ProductForPricing>(rows.map((row) => [row.id, row]));
            const priced = priceOrder(requested, byId);

            for (const line of [...priced.lines].sort((a, b) => a.productId.localeCompare(b.productId))) {
              await tx
                .update(products)
                .set({ stock: sql`${products.stock} - ${line.quantity}`, updatedAt: now })
                .where(eq(products.id, line.productId));
            }
            const [order] = await tx
              .insert(orders)
              .values({
                code: makeOrderCode(crypto.getRandomValues(new Uint8Array(32))),
                customerId,
                status: 'pending',
                totalNano: priced.totalNano,
                createdAt: now,
                expiresAt: orderExpiresAt(now, ttlSeconds),
                updatedAt: now,
              })
              .returning();
            if (!order) throw new Error('order insert returned no row');
            const lines = await tx
              .insert(orderItems)
              .values(priced.lines.map((line, position) => ({ ...line, orderId: order.id, position })))
              .returning();
            return toOrder(order, lines);
          });
        } catch (error) {
          if (attempt < 3 && isUniqueViolation(error, 'orders_code_unique')) continue;
          throw error;
        }
      }
    },

    async listCustomerOrders(customerId, limit) {
      const rows = await db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.createdAt), desc(orders.id)).limit(limit);
      return withItems(db, rows);
    },

    async findCustomerOrder(customerId, orderId) {
      const rows = await db
        .select()
        .from(orders)
        .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)))
        .limit(1);
      const [order] = await withItems(db, rows);
      return order ?? null;
    },

    async expireDueOrders({ cutoff, now }) {
      return db.transaction(async (tx) => {
        // Rows another sweep (or a payment) holds are skipped, not waited for; the status condition in
        // applyTransition makes overlapping sweeps put stock back exactly once.
        let expired: string[] = [];
        for (const from of statusesAllowing('expire')) {
          const due = await tx
            .select({ id: orders.id })
            .from(orders)
            .where(and(eq(orders.status, from), lte(orders.expiresAt, cutoff)))
            .orderBy(asc(orders.id))
            .for('update', { skipLocked: true });
          expired = expired.concat(
            await applyTransition(
              tx,
              due.map((row) => row.id),
              planTransition(from, 'expire'),
              { now },
            ),
          );
        }
        return expired;
      });
    },
  };
}

/**
 * The customer's limits (customer-order-limits.ts), read with the customer's row locked so that one
 * customer's parallel checkouts are counted one after another.
 */
async function checkLimits(tx: DbExecutor, customerId: string, now: Date): Promise<void> {
  await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
  const windowStart = new Date(now.getTime() - CUSTOMER_ORDER_LIMITS.windowSeconds * 1000);
  const rows = await tx
    .select({ status: orders.status, createdAt: orders.createdAt, expiresAt: orders.expiresAt })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), or(inArray(orders.status, OPEN_STATUSES), gt(orders.createdAt, windowStart))));
  checkCustomerOrderLimits({
    openOrderExpiries: rows.filter((row) => OPEN_STATUSES.includes(row.status)).map((row) => row.expiresAt),
    recentCreatedAt: rows.map((row) => row.createdAt),
    now,
  });
}

/** Loads the lines of the given order rows and assembles the orders. */
export async function withItems(db: DbExecutor, rows: (typeof orders.$inferSelect)[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select()
    .from(orderItems)
    .where(
      inArray(
        orderItems.orderId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(orderItems.orderId), asc(orderItems.position));
  return rows.map((row) =>
    toOrder(
      row,
      items.filter((item) => item.orderId === row.id),
    ),
  );
}

function toOrder(row: typeof orders.$inferSelect, items: (typeof orderItems.$inferSelect)[]): Order {
  return {
    id: row.id,
    code: row.code,
    customerId: row.customerId,
    status: row.status,
    items: [...items]
      .sort((a, b) => a.position - b.position)
      .map((item) => ({
        productId: item.productId,
        slug: item.slug,
        title: item.title,
        unitPriceNano: item.unitPriceNano,
        quantity: item.quantity,
        lineTotalNano: item.lineTotalNano,
      })),
    totalNano: row.totalNano,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    updatedAt: row.updatedAt,
    paidAt: row.paidAt,
  };
}

import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { makeOrderCode } from '../../core/orders/order-code';
import { orderExpiresAt, type Order } from '../../core/orders/order';
import type { OrderRepo } from '../../core/orders/order-repo';
import { normalizeRequestedItems, priceOrder, type ProductForPricing } from '../../core/orders/price-order';
import type { Db, DbExecutor } from './connect';
import { isUniqueViolation } from './pg-errors';
import { orderItems, orders, products } from './schema';

/** Orders over Postgres: the one place where stock is reserved and released. */
export function createOrderRepo(db: Db): OrderRepo {
  return {
    async createOrder({ customerId, items, now, ttlSeconds }) {
      const requested = normalizeRequestedItems(items);
      // A fresh code is drawn on the (astronomically rare) collision with an existing one.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(async (tx) => {
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
      const rows = await db
        .select()
        .from(orders)
        .where(eq(orders.customerId, customerId))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit);
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

    async expireDueOrders(now) {
      return db.transaction(async (tx) => {
        // The status condition makes this safe to run twice at once: a row already expired by another
        // sweep no longer matches, so its stock is put back exactly once.
        const expired = await tx
          .update(orders)
          .set({ status: 'expired', updatedAt: now })
          .where(and(eq(orders.status, 'pending'), lte(orders.expiresAt, now)))
          .returning({ id: orders.id });
        const ids = expired.map((row) => row.id);
        if (ids.length > 0) await restock(tx, ids, now);
        return ids;
      });
    },
  };
}

/**
 * Puts the stock of the given orders back on the shelf, product by product in id order. Call it inside the
 * transaction that moved the orders to a status that releases stock (expired, cancelled by the merchant).
 */
export async function restock(tx: DbExecutor, orderIds: string[], now: Date): Promise<void> {
  const quantities = await tx
    .select({
      productId: orderItems.productId,
      quantity: sql<string>`sum(${orderItems.quantity})`.mapWith(Number),
    })
    .from(orderItems)
    .where(inArray(orderItems.orderId, orderIds))
    .groupBy(orderItems.productId)
    .orderBy(asc(orderItems.productId));
  for (const { productId, quantity } of quantities) {
    await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${quantity}`, updatedAt: now })
      .where(eq(products.id, productId));
  }
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

import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { SalesDay } from '../../core/admin/sales-series';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { Db } from './connect';
import { orderItems, orders, products } from './schema';

/** Orders that count as sold: the money came, whatever happened after (cancelled ones are refunded). */
export const SOLD_STATUSES = ['paid', 'shipped', 'ready_for_pickup', 'completed'] as const;

export interface TopProduct {
  productId: string;
  title: string;
  quantity: number;
  revenueMinor: bigint;
}

/** Sales figures for the merchant's overview, by the day orders were paid (UTC). */
export function createSalesRepo(db: Db) {
  const sold = (since: Date, currency: PricingCurrency) =>
    and(inArray(orders.status, [...SOLD_STATUSES]), gte(orders.paidAt, since), eq(orders.currency, currency));
  return {
    /** Revenue and order count per UTC day since `since` of the orders in `currency` (days with no sale are absent). */
    async salesByDay(since: Date, currency: PricingCurrency): Promise<SalesDay[]> {
      const day = sql<string>`to_char(${orders.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;
      const rows = await db
        .select({
          date: day,
          revenueMinor: sql<string>`sum(${orders.totalMinor})`.mapWith(String),
          orders: sql<number>`count(*)`.mapWith(Number),
        })
        .from(orders)
        .where(sold(since, currency))
        .groupBy(day);
      return rows.map((row) => ({ date: row.date, revenueMinor: BigInt(row.revenueMinor), orders: row.orders }));
    },

    /** The best sellers by revenue since `since` in orders in `currency`, with each product's current title. */
    async topProducts(since: Date, limit: number, currency: PricingCurrency): Promise<TopProduct[]> {
      const revenue = sql<string>`sum(${orderItems.lineTotalMinor})`;
      const rows = await db
        .select({
          productId: orderItems.productId,
          title: sql<string>`max(${products.title})`,
          quantity: sql<number>`sum(${orderItems.quantity})`.mapWith(Number),
          revenueMinor: revenue.mapWith(String),
        })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(products, eq(products.id, orderItems.productId))
        .where(sold(since, currency))
        .groupBy(orderItems.productId)
        .orderBy(desc(revenue), orderItems.productId)
        .limit(limit);
      return rows.map((row) => ({ ...row, revenueMinor: BigInt(row.revenueMinor) }));
    },
  };
}

export type SalesRepo = ReturnType<typeof createSalesRepo>;

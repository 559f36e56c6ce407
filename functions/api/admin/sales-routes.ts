import { Hono } from 'hono';
import { z } from 'zod';
import { fillSalesSeries, salesWindowStart, totalSales } from '../../core/admin/sales-series';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { AdminContext, AdminEnv } from './admin-context';

const salesQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminSalesSchemas = { salesQuery };

/**
 * Revenue and orders per UTC day over the window, and the top products by revenue: the orders placed in
 * the shop's pricing currency (`currency`), since sums of cents and nanotons mean nothing; an order from
 * before a change of currency is in the orders list, not in these figures.
 */
export function adminSalesRoutes(deps: { admin: AdminContext; clock: () => Date; currency: PricingCurrency }) {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const { days } = salesQuery.parse(c.req.query());
    const now = deps.clock();
    const since = salesWindowStart(now, days);
    const [rows, top] = await Promise.all([deps.admin.sales.salesByDay(since, deps.currency), deps.admin.sales.topProducts(since, 5, deps.currency)]);
    const series = fillSalesSeries(rows, now, days);
    const totals = totalSales(series);
    return c.json({
      currency: deps.currency,
      days: series.map((d) => ({ date: d.date, revenueMinor: d.revenueMinor.toString(), orders: d.orders })),
      topProducts: top.map((p) => ({ productId: p.productId, title: p.title, quantity: p.quantity, revenueMinor: p.revenueMinor.toString() })),
      totals: { revenueMinor: totals.revenueMinor.toString(), orders: totals.orders },
    });
  });
  return app;
}

import { Hono } from 'hono';
import { z } from 'zod';
import { catalogToCsvRecords } from '../../core/admin/catalog-records';
import { writeCsv } from '../../core/admin/csv';
import { customersToCsvRecords, exportJsonReplacer, ordersToCsvRecords } from '../../core/admin/export-records';
import { utcDate } from '../../core/admin/sales-series';
import type { AdminContext, AdminEnv } from './admin-context';

const exportQuery = z.object({
  kind: z.enum(['catalog', 'orders', 'customers']),
  format: z.enum(['csv', 'json']),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminExportSchemas = { exportQuery };

/** The exit door: the merchant's catalog, orders and customers as CSV or JSON downloads. */
export function adminExportRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const { kind, format } = exportQuery.parse(c.req.query());
    const now = deps.clock();
    const body = format === 'csv' ? await exportCsv(deps.admin, kind) : await exportJson(deps.admin, kind, now);
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="bazaar-${kind}-${utcDate(now)}.${format}"`,
      // Customers' names and orders: never kept by a shared cache.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}

type Kind = z.infer<typeof exportQuery>['kind'];

async function exportCsv(admin: AdminContext, kind: Kind): Promise<string> {
  switch (kind) {
    case 'catalog': {
      const { categories, products } = await admin.exports.loadCatalog();
      return writeCsv(catalogToCsvRecords(categories, products));
    }
    case 'orders':
      return writeCsv(ordersToCsvRecords(await admin.exports.loadOrders()));
    case 'customers':
      return writeCsv(customersToCsvRecords(await admin.exports.loadCustomers()));
  }
}

async function exportJson(admin: AdminContext, kind: Kind, now: Date): Promise<string> {
  const exportedAt = now.toISOString();
  switch (kind) {
    case 'catalog': {
      const { categories, products } = await admin.exports.loadCatalog();
      return JSON.stringify({ kind, exportedAt, items: products, categories }, exportJsonReplacer, 2);
    }
    case 'orders':
      return JSON.stringify({ kind, exportedAt, items: await admin.exports.loadOrders() }, exportJsonReplacer, 2);
    case 'customers':
      return JSON.stringify({ kind, exportedAt, items: await admin.exports.loadCustomers() }, exportJsonReplacer, 2);
  }
}

import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ORDER_LIMITS } from '../core/orders/price-order';
import { checkCanSubscribe, StockAlertVariantNotFoundError, type StockAlertRepo } from '../core/reminders/back-in-stock';
import type { CartRepo } from '../core/reminders/cart-snapshot';
import type { CustomerVariables } from '../http/customer-auth';
import { idParam, uuidId } from '../http/id-schema';
import { readJsonBody } from '../http/read-json-body';

// The cart as the Mini App holds it: references and quantities only. A price or a title sent along is
// dropped by the schema: nothing here is ever charged, and an order is priced from the database.
const cartBody = z.object({
  items: z
    .array(
      z.object({
        productId: uuidId,
        /** Null (or absent) for a line saved before variants existed. */
        variantId: uuidId.nullable().optional(),
        quantity: z.number().int().min(1).max(ORDER_LIMITS.maxQuantityPerLine),
      }),
    )
    .max(ORDER_LIMITS.maxLines, `a cart can hold at most ${ORDER_LIMITS.maxLines} lines`),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const reminderSchemas = { cartBody };

/**
 * What brings a customer back: the server's copy of their cart (`PUT /api/cart`, which the abandoned-cart
 * reminder reads) and "Notify me" on sold-out variants (`/api/stock-alerts`).
 */
export function reminderRoutes(deps: {
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  carts: CartRepo;
  stockAlerts: StockAlertRepo;
  clock: () => Date;
}) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  // Personal data: never kept by a shared cache. (Per route: a `use('*')` here would reach every /api route.)
  const noStore: MiddlewareHandler = async (c, next) => {
    c.header('Cache-Control', 'private, no-store');
    await next();
  };

  app.put('/cart', noStore, deps.requireCustomer, async (c) => {
    const { items } = await readJsonBody(c, cartBody);
    const lines = items.map((item) => ({ productId: item.productId, variantId: item.variantId ?? null, quantity: item.quantity }));
    const saved = await deps.carts.saveCart(c.get('customer').id, lines, deps.clock());
    return c.json({ items: saved?.items ?? [], updatedAt: saved?.updatedAt.toISOString() ?? null });
  });

  app.get('/stock-alerts', noStore, deps.requireCustomer, async (c) => {
    const alerts = await deps.stockAlerts.list(c.get('customer').id);
    return c.json({ alerts: alerts.map(presentAlert) });
  });

  app.put('/stock-alerts/:variantId', noStore, deps.requireCustomer, async (c) => {
    const raw = c.req.param('variantId');
    const variantId = idParam(uuidId, raw, new StockAlertVariantNotFoundError(raw));
    const customer = c.get('customer');
    checkCanSubscribe(await deps.stockAlerts.findVariant(variantId), customer, variantId);
    return c.json({ alert: presentAlert(await deps.stockAlerts.subscribe(customer.id, variantId, deps.clock())) });
  });

  app.delete('/stock-alerts/:variantId', noStore, deps.requireCustomer, async (c) => {
    const raw = c.req.param('variantId');
    const variantId = idParam(uuidId, raw, new StockAlertVariantNotFoundError(raw));
    return c.json({ removed: await deps.stockAlerts.unsubscribe(c.get('customer').id, variantId) });
  });
  return app;
}

function presentAlert(alert: { variantId: string; productId: string; createdAt: Date }) {
  return { variantId: alert.variantId, productId: alert.productId, createdAt: alert.createdAt.toISOString() };
}

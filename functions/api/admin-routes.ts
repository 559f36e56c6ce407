import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { PAYMENT_STATUSES } from '../adapters/db/schema';
import { HttpError } from '../http/http-error';
import type { CustomerVariables } from '../http/telegram-auth';
import type { PaymentContext } from './payment-context';
import { presentPayment } from './present';

const paymentsQuery = z.object({
  status: z.enum(PAYMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The merchant's routes: only Telegram users listed in ADMIN_IDS, checked on every call. */
export function adminRoutes(deps: {
  adminIds: readonly number[];
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  payments: PaymentContext;
}) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  const admins = new Set(deps.adminIds);
  app.use('*', deps.requireCustomer);
  app.use('*', async (c, next) => {
    const telegramId = c.get('customer').telegramId;
    if (telegramId === null || !admins.has(telegramId)) {
      throw new HttpError(403, 'FORBIDDEN', 'This is for the shop’s staff only.');
    }
    await next();
  });

  // Payments: applied ones and those needing the merchant's attention (underpaid, late, unknown comment).
  app.get('/payments', async (c) => {
    const query = paymentsQuery.parse(c.req.query());
    const rows = await deps.payments.repo.listPayments({ limit: query.limit, ...(query.status && { status: query.status }) });
    return c.json({ payments: rows.map(presentPayment) });
  });

  return app;
}

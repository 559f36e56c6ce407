import { Hono } from 'hono';
import { z } from 'zod';
import { PAYMENT_STATUSES } from '../../adapters/db/schema';
import type { PaymentContext } from '../payment-context';
import { HttpError } from '../../http/http-error';
import { idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import { text } from '../../core/text/storable-text';
import type { AdminContext, AdminEnv } from './admin-context';
import { presentAdminPayment } from './present-admin';

const listQuery = z.object({
  status: z.enum(PAYMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const resolveBody = z.object({ note: text().trim().max(500).optional() });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminPaymentSchemas = { listQuery, resolveBody };

const notFound = () => new HttpError('not_found', 'PAYMENT_NOT_FOUND', 'No such payment.');

/** Payments: applied ones and those needing the merchant's attention (underpaid, late, unknown comment). */
export function adminPaymentRoutes(deps: { admin: AdminContext; payments: PaymentContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const query = listQuery.parse(c.req.query());
    const rows = await deps.payments.repo.listPayments({ limit: query.limit, ...(query.status && { status: query.status }) });
    return c.json({ payments: rows.map((p) => presentAdminPayment(p, deps.payments.network)) });
  });

  // The merchant dealt with it outside the shop (refunded, matched by hand): it leaves the attention list.
  app.post('/:id/resolve', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const { note } = await readJsonBody(c, resolveBody);
    const by = c.get('customer').telegramId ?? '0';
    const outcome = await deps.admin.payments.resolvePayment(id, { note: note || null, by, now: deps.clock() });
    if (outcome.kind === 'not_found') throw notFound();
    if (outcome.kind === 'not_in_attention') {
      throw new HttpError('conflict', 'PAYMENT_NOT_IN_ATTENTION', 'This payment does not need attention (it is applied or already resolved).');
    }
    return c.json({ payment: { ...presentAdminPayment(outcome.payment, deps.payments.network), resolution: outcome.resolution } });
  });

  return app;
}

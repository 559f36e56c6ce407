import { Hono } from 'hono';
import { z } from 'zod';
import { ORDER_STATUSES } from '../../core/orders/order-status';
import { decodeOrderCursor, encodeOrderCursor } from '../../core/admin/admin-order';
import { ADMIN_ORDER_ACTIONS } from '../../core/admin/order-actions';
import type { TonNetwork } from '../../core/payments/payment-intent';
import { HttpError } from '../../http/http-error';
import { idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import { text } from '../../core/text/storable-text';
import type { AdminContext, AdminEnv } from './admin-context';
import { presentAdminOrder, presentAdminOrderSummary } from './present-admin';

const listQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  q: text().max(100).optional(),
  /** A delivery method's kind or id. */
  delivery: text()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a delivery method kind or id')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: text().max(200).optional(),
});

const actionBody = z.object({ action: z.enum(ADMIN_ORDER_ACTIONS) });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminOrderSchemas = { listQuery, actionBody };

const notFound = () => new HttpError('not_found', 'ORDER_NOT_FOUND', 'No such order.');

/** Every customer's orders: list, search, detail, status actions. */
export function adminOrderRoutes(deps: { admin: AdminContext; network: TonNetwork; clock: () => Date }) {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const query = listQuery.parse(c.req.query());
    const before = query.before ? decodeOrderCursor(query.before) : undefined;
    if (before === null) throw new HttpError('invalid', 'VALIDATION_FAILED', 'before: not a cursor this server gave out.');
    const page = await deps.admin.orders.listOrders({
      limit: query.limit,
      ...(query.status && { status: query.status }),
      ...(query.q && { q: query.q }),
      ...(query.delivery && { delivery: query.delivery }),
      ...(before && { before }),
    });
    return c.json({ orders: page.orders.map(presentAdminOrderSummary), nextCursor: page.next ? encodeOrderCursor(page.next) : null });
  });

  app.get('/:id', async (c) => {
    const order = await deps.admin.orders.findOrder(idParam(uuidId, c.req.param('id'), notFound()));
    if (!order) throw notFound();
    return c.json({ order: presentAdminOrder(order, deps.network) });
  });

  app.post('/:id/actions', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const { action } = await readJsonBody(c, actionBody);
    const order = await deps.admin.orders.applyAction(id, action, deps.clock());
    if (!order) throw notFound();
    return c.json({ order: presentAdminOrder(order, deps.network) });
  });

  // Gives a Stars payment back (refundStarPayment, through the outbox): the order becomes refunded, its keys
  // are revoked, its download links stop working, and the customer is told.
  app.post('/:id/stars-refund', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    if (!(await deps.admin.starsRefunds.refundOrder(id, deps.clock()))) throw notFound();
    const order = await deps.admin.orders.findOrder(id);
    if (!order) throw notFound();
    return c.json({ order: presentAdminOrder(order, deps.network) });
  });

  return app;
}

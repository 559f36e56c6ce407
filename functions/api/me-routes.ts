import { Hono, type MiddlewareHandler } from 'hono';
import type { Customer } from '../core/customers/customer';
import type { CustomerVariables } from '../http/customer-auth';

/** A customer as the API shows them to themselves. */
export function presentCustomer(customer: Customer) {
  return {
    id: customer.id,
    firstName: customer.firstName,
    lastName: customer.lastName,
    username: customer.username,
    telegramId: customer.telegramId,
    walletAddress: customer.walletAddress,
    languageCode: customer.languageCode,
  };
}

/** `GET /api/me`: who the caller is, and whether they came through the Mini App or a web session. */
export function meRoutes(deps: { requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }> }) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  app.get('/', deps.requireCustomer, (c) => {
    // Personal data: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.json({ customer: presentCustomer(c.get('customer')), via: c.get('via') });
  });
  return app;
}

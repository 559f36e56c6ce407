import type { MessengerId } from '../core/messenger/messenger-id';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Customer, CustomerRepo } from '../core/customers/customer';
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
export function meRoutes(deps: {
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  /** ADMIN_IDS: `isAdmin` tells the Mini App whether to offer the admin screens (they check again on every call). */
  adminIds?: readonly MessengerId[];
  customers: CustomerRepo;
}) {
  const admins = new Set(deps.adminIds ?? []);
  const app = new Hono<{ Variables: CustomerVariables }>();
  app.get('/', deps.requireCustomer, (c) => {
    // Personal data: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    const customer = c.get('customer');
    // A 200 either way: asking /api/admin/session would answer every customer 403, which browsers log as an error.
    const isAdmin = customer.telegramId !== null && admins.has(customer.telegramId);
    return c.json({ customer: presentCustomer(customer), via: c.get('via'), isAdmin });
  });
  // What the checkout prefills: the phone the customer shared with the bot (requestContact), and the
  // addresses they had delivered to before.
  app.get('/checkout-details', deps.requireCustomer, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await deps.customers.readCheckoutDetails(c.get('customer').id));
  });
  return app;
}

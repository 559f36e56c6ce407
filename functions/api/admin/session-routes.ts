import { Hono } from 'hono';
import type { AdminEnv } from './admin-context';

/** Who the admin is: a 200 here is how the Mini App knows to show the admin screens. */
export function adminSessionRoutes() {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => {
    const customer = c.get('customer');
    return c.json({ admin: { telegramId: customer.telegramId, firstName: customer.firstName } });
  });
  return app;
}

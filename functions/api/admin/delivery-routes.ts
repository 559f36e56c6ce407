import { Hono } from 'hono';
import { deliverySettingsSchema, deliverySettingsToJson } from '../../core/delivery/delivery-methods';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminContext, AdminEnv } from './admin-context';

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminDeliverySchemas = { deliveryBody: deliverySettingsSchema };

/** The shop's delivery methods: shipping zones, courier areas, pickup points, or nothing to send. */
export function adminDeliveryRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => c.json({ delivery: deliverySettingsToJson(await deps.admin.settings.readDelivery()) }));
  app.put('/', async (c) => {
    const settings = await readJsonBody(c, deliverySettingsSchema);
    return c.json({ delivery: deliverySettingsToJson(await deps.admin.settings.writeDelivery(settings, deps.clock())) });
  });
  return app;
}

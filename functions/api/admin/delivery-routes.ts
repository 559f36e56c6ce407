import { Hono } from 'hono';
import { deliverySettingsBodySchema, deliverySettingsToJson, type DeliverySettings } from '../../core/delivery/delivery-methods';
import { HttpError } from '../../http/http-error';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminContext, AdminEnv } from './admin-context';

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminDeliverySchemas = { deliveryBody: deliverySettingsBodySchema };

/**
 * The shop's delivery methods: shipping zones, courier areas, pickup points, or nothing to send. The
 * answer says the fees' `currency` beside the shop's `pricingCurrency`: when they differ the checkout
 * offers no delivery until the merchant saves the fees again (in the shop's currency).
 */
export function adminDeliveryRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();
  const shopCurrency = deps.admin.pricingCurrency;
  const answer = (settings: DeliverySettings) => ({ delivery: deliverySettingsToJson(settings), pricingCurrency: shopCurrency });
  app.get('/', async (c) => c.json(answer(await deps.admin.settings.readDelivery())));
  app.put('/', async (c) => {
    const { currency, methods } = await readJsonBody(c, deliverySettingsBodySchema);
    if (currency !== undefined && currency !== shopCurrency) {
      throw new HttpError('unprocessable', 'CURRENCY_MISMATCH', `This shop prices in ${shopCurrency}: enter the fees in ${shopCurrency} (not ${currency}).`);
    }
    return c.json(answer(await deps.admin.settings.writeDelivery({ currency: shopCurrency, methods }, deps.clock())));
  });
  return app;
}

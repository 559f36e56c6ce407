import { Hono } from 'hono';
import type { SettingsRepo } from '../adapters/db/settings-repo';
import { deliverySettingsFor, deliverySettingsToJson } from '../core/delivery/delivery-methods';
import type { PricingCurrency } from '../core/pricing/currencies';

/** The shop's public face: name, description, languages, how prices are shown. No sign-in needed. */
export function shopRoutes(deps: { settings: SettingsRepo; pricingCurrency: PricingCurrency }) {
  const app = new Hono();
  app.get('/shop', async (c) => {
    const s = await deps.settings.readShop();
    c.header('Cache-Control', 'public, no-cache');
    return c.json({
      name: s.name,
      description: s.description,
      defaultLanguage: s.defaultLanguage,
      languages: s.languages,
      currencyDisplay: s.currencyDisplay,
      country: s.country,
    });
  });
  // The delivery methods a checkout offers (active ones), with their zones, areas, points and fees:
  // the checkout shows them; the server prices the order from its own copy. Fees saved in another currency
  // than the shop's are not used by the checkout, so none are offered (core/delivery/delivery-methods.ts).
  app.get('/delivery-methods', async (c) => {
    const settings = deliverySettingsFor(await deps.settings.readDelivery(), deps.pricingCurrency);
    c.header('Cache-Control', 'public, no-cache');
    return c.json(deliverySettingsToJson({ currency: settings.currency, methods: settings.methods.filter((m) => m.active) }));
  });
  return app;
}

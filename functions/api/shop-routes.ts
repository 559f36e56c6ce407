import { Hono } from 'hono';
import type { SettingsRepo } from '../adapters/db/settings-repo';

/** The shop's public face: name, description, languages, how prices are shown. No sign-in needed. */
export function shopRoutes(deps: { settings: SettingsRepo }) {
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
    });
  });
  return app;
}

import { Hono } from 'hono';
import { z } from 'zod';
import { CURRENCY_DISPLAYS, SHOP_LANGUAGES } from '../../core/admin/shop-settings';
import { DEFAULT_ABANDONED_CART_HOURS, MAX_ABANDONED_CART_HOURS } from '../../core/reminders/abandoned-cart';
import { readJsonBody } from '../../http/read-json-body';
import { text } from '../../core/text/storable-text';
import type { AdminContext, AdminEnv } from './admin-context';

const settingsBody = z
  .object({
    name: text().trim().min(1).max(100),
    description: text().trim().max(1000).default(''),
    currencyDisplay: z.enum(CURRENCY_DISPLAYS),
    defaultLanguage: z.enum(SHOP_LANGUAGES),
    languages: z
      .array(z.enum(SHOP_LANGUAGES))
      .min(1)
      .transform((list) => SHOP_LANGUAGES.filter((lang) => list.includes(lang))),
    /** Where the shop is: phone numbers written without a country code are read as from there. */
    country: text()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(text().regex(/^([A-Z]{2})?$/, 'must be a two-letter country code such as IR, or empty'))
      .default(''),
    /** The bot's answer to /paysupport (Telegram's Stars terms). */
    paySupportText: text().trim().max(2000).default(''),
    /** Hours a cart waits before its one reminder; 0: no reminders. */
    abandonedCartHours: z.number().int().min(0).max(MAX_ABANDONED_CART_HOURS).default(DEFAULT_ABANDONED_CART_HOURS),
  })
  .refine((s) => s.languages.includes(s.defaultLanguage), { path: ['languages'], message: 'must include the default language' });

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminSettingsSchemas = { settingsBody };

/** The shop's name, description, price display and languages. */
export function adminSettingsRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => c.json({ settings: await deps.admin.settings.readShop() }));
  app.put('/', async (c) => {
    const settings = await readJsonBody(c, settingsBody);
    return c.json({ settings: await deps.admin.settings.writeShop(settings, deps.clock()) });
  });
  return app;
}

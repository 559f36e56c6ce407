import { and, desc, eq } from 'drizzle-orm';
import type { BotLookups } from '../../core/bot/bot-lookups';
import type { Db } from './connect';
import { customers, orders, products, shopSettings } from './schema';

/** What the bot reads to answer, over Postgres. */
export function createBotLookups(db: Db): BotLookups {
  return {
    async findProduct(slug) {
      const [row] = await db
        .select({ slug: products.slug, title: products.title, translations: products.translations })
        .from(products)
        .where(and(eq(products.slug, slug), eq(products.active, true)));
      if (!row) return null;
      const titles: Record<string, string> = {};
      for (const [locale, fields] of Object.entries(row.translations ?? {})) {
        if (typeof fields?.title === 'string' && fields.title.trim() !== '') titles[locale] = fields.title;
      }
      return { slug: row.slug, title: row.title, titles };
    },

    async recentOrders(telegramId, limit) {
      return db
        .select({ id: orders.id, code: orders.code, status: orders.status, totalNano: orders.totalNano, createdAt: orders.createdAt })
        .from(orders)
        .innerJoin(customers, eq(customers.id, orders.customerId))
        .where(eq(customers.telegramId, telegramId))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit);
    },

    async shopName() {
      const [row] = await db.select({ value: shopSettings.value }).from(shopSettings).where(eq(shopSettings.key, 'shop'));
      const name = (row?.value as { name?: unknown } | undefined)?.name;
      return typeof name === 'string' && name.trim() !== '' ? name : null;
    },
  };
}

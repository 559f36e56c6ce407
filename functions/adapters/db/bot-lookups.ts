import { and, desc, eq } from 'drizzle-orm';
import type { BotLookups } from '../../core/bot/bot-lookups';
import { listTranslatedTitles } from '../../core/catalog/localize-product';
import type { Db } from './connect';
import { customers, orders, products } from './schema';
import { readSetting } from './settings-repo';

/** What the bot reads to answer, over Postgres. */
export function createBotLookups(db: Db): BotLookups {
  return {
    async findProduct(slug) {
      const [row] = await db
        .select({ slug: products.slug, title: products.title, translations: products.translations })
        .from(products)
        .where(and(eq(products.slug, slug), eq(products.active, true)));
      return row ? { slug: row.slug, title: row.title, titles: listTranslatedTitles(row.translations) } : null;
    },

    async recentOrders(telegramId, limit) {
      return db
        .select({
          id: orders.id,
          code: orders.code,
          status: orders.status,
          currency: orders.currency,
          totalMinor: orders.totalMinor,
          createdAt: orders.createdAt,
        })
        .from(orders)
        .innerJoin(customers, eq(customers.id, orders.customerId))
        .where(eq(customers.telegramId, telegramId))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit);
    },

    async shopName() {
      const name = ((await readSetting(db, 'shop')) as { name?: unknown } | null | undefined)?.name;
      return typeof name === 'string' && name.trim() !== '' ? name : null;
    },
    async paySupportText() {
      const text = ((await readSetting(db, 'shop')) as { paySupportText?: unknown } | null | undefined)?.paySupportText;
      return typeof text === 'string' && text.trim() !== '' ? text : null;
    },
  };
}

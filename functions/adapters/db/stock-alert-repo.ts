import { and, asc, eq, sql } from 'drizzle-orm';
import { listTranslatedTitles } from '../../core/catalog/localize-product';
import { variantLabel } from '../../core/catalog/variants';
import type { StockAlert, StockAlertRepo } from '../../core/reminders/back-in-stock';
import type { Db } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { rowsOf } from './result-rows';
import { customers, productVariants, products, stockAlerts } from './schema';

/** Alerts fired in one pass at most; the next run takes the rest. */
const FIRE_BATCH = 1000;

/** "Notify me" over Postgres (schema `stock_alerts`). */
export function createStockAlertRepo(db: Db): StockAlertRepo {
  const list = (customerId: string): Promise<StockAlert[]> =>
    db
      .select({ variantId: stockAlerts.variantId, productId: productVariants.productId, createdAt: stockAlerts.createdAt })
      .from(stockAlerts)
      .innerJoin(productVariants, eq(productVariants.id, stockAlerts.variantId))
      .where(eq(stockAlerts.customerId, customerId))
      .orderBy(asc(stockAlerts.createdAt));
  return {
    async findVariant(variantId) {
      const [row] = await db
        .select({
          variantId: productVariants.id,
          productId: productVariants.productId,
          stock: productVariants.stock,
          active: productVariants.active,
          productActive: products.active,
        })
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(eq(productVariants.id, variantId));
      return row ?? null;
    },

    list,

    async subscribe(customerId, variantId, now) {
      await db.insert(stockAlerts).values({ customerId, variantId, createdAt: now }).onConflictDoNothing();
      return (await list(customerId)).find((alert) => alert.variantId === variantId)!;
    },

    async unsubscribe(customerId, variantId) {
      const removed = await db
        .delete(stockAlerts)
        .where(and(eq(stockAlerts.customerId, customerId), eq(stockAlerts.variantId, variantId)))
        .returning({ id: stockAlerts.id });
      return removed.length > 0;
    },

    async enqueueBackInStock(now) {
      return db.transaction(async (tx) => {
        // Deleting the alerts and writing their messages in one transaction: an alert is never consumed
        // without its message, nor messaged twice (a second run at once waits on the deleted rows, then
        // finds them gone; the dedupe key on the alert's id backs that up). Alerts of people the bot cannot
        // reach are consumed too: their rows are settled `blocked` by the outbox, as for any message.
        const fired = rowsOf<{
          id: string;
          variant_id: string;
          telegram_id: string | null;
          product_id: string;
          slug: string;
          title: string;
          translations: Record<string, { title?: string }> | null;
          option_values: string[];
        }>(
          await tx.execute(sql`
            delete from ${stockAlerts} as a
            using ${productVariants} as v, ${products} as p, ${customers} as c
            where a.id in (
              select a2.id from ${stockAlerts} as a2
              join ${productVariants} as v2 on v2.id = a2.variant_id
              join ${products} as p2 on p2.id = v2.product_id
              where v2.stock > 0 and v2.active and p2.active
              order by a2.created_at
              limit ${FIRE_BATCH}
              for update of a2 skip locked
            )
              and v.id = a.variant_id and p.id = v.product_id and c.id = a.customer_id
            returning a.id, a.variant_id, c.telegram_id, p.id as product_id, p.slug, p.title, p.translations, v.option_values`),
        );
        const entries = fired
          .filter((row) => row.telegram_id !== null)
          .map((row) => ({
            kind: 'back_in_stock' as const,
            dedupeKey: `back_in_stock:${row.id}`,
            chatId: String(row.telegram_id),
            payload: {
              productId: row.product_id,
              variantId: row.variant_id,
              slug: row.slug,
              title: row.title,
              titles: listTranslatedTitles(row.translations),
              variantLabel: variantLabel(row.option_values ?? []),
            },
          }));
        return (await enqueueOutbox(tx, entries, now)).length;
      });
    },
  };
}

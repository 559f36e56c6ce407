import { sql } from 'drizzle-orm';
import { DEMO_CATEGORIES, demoCatalogIn } from '../../core/catalog/demo-catalog';
import { demoDeliveryIn } from '../../core/catalog/demo-delivery';
import { DEMO_TRANSLATIONS } from '../../core/catalog/demo-translations';
import { DELIVERY_SETTINGS_KEY, deliverySettingsToJson } from '../../core/delivery/delivery-methods';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { Db } from './connect';
import { categories, productVariants, products, promoCodes, shopSettings } from './schema';

/** Where a demo product's generated picture is served (functions/api/media.ts). */
export function demoImageUrl(slug: string): string {
  return `/media/demo/${slug}.svg`;
}

/**
 * Seeds the demo catalog when the shop has no products at all, so a first `npm start` shows a shop and a
 * merchant's real catalog is never touched. Prices, delivery fees and the promo code are in `currency`,
 * the shop's pricing currency (default TON). Returns whether it seeded.
 */
export async function seedDemoCatalogIfEmpty(db: Db, options: { deliveryMethods?: boolean; currency?: PricingCurrency } = {}): Promise<boolean> {
  const currency = options.currency ?? 'TON';
  const demoProducts = demoCatalogIn(currency);
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts (two instances on one fresh database) on an advisory lock.
    await tx.execute(sql`select pg_advisory_xact_lock(72616001)`);
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(products);
    if (count > 0) return false;
    await tx
      .insert(categories)
      .values(DEMO_CATEGORIES.map((c, position) => ({ id: c.id, slug: c.slug, title: c.title, position })))
      .onConflictDoNothing();
    // created_at is spaced one second apart so the catalog keeps the order written above.
    const start = Date.now() - demoProducts.length * 1000;
    const inserted = await tx
      .insert(products)
      .values(
        demoProducts.map((p, i) => ({
          slug: p.slug,
          title: p.title,
          description: p.description,
          translations: DEMO_TRANSLATIONS[p.slug] ?? {},
          currency,
          priceMinor: p.priceMinor,
          compareAtPriceMinor: p.compareAtPriceMinor,
          images: [demoImageUrl(p.slug)],
          categoryId: p.categoryId,
          kind: p.kind ?? 'physical',
          options: p.options ?? [],
          active: p.active ?? true,
          createdAt: new Date(start + i * 1000),
          updatedAt: new Date(start + i * 1000),
        })),
      )
      .returning({ id: products.id, slug: products.slug });
    const idBySlug = new Map(inserted.map((row) => [row.slug, row.id]));
    await tx.insert(productVariants).values(
      demoProducts.flatMap((p) =>
        (p.variants ?? [{ values: [], stock: p.stock, priceMinor: null }]).map((v: NonNullable<typeof p.variants>[number], position) => ({
          productId: idBySlug.get(p.slug)!,
          optionValues: v.values,
          stock: v.stock,
          priceMinor: v.priceMinor,
          sku: v.sku ?? null,
          position,
        })),
      ),
    );
    // A demo shop ships, couriers and hands over at its stall, and gives newcomers a code to try.
    const now = new Date();
    if (options.deliveryMethods) {
      await tx
        .insert(shopSettings)
        .values({ key: DELIVERY_SETTINGS_KEY, value: deliverySettingsToJson(demoDeliveryIn(currency)), updatedAt: now })
        .onConflictDoNothing();
    }
    await tx
      .insert(promoCodes)
      .values({ code: 'WELCOME10', kind: 'percent', value: 1000n, currency, maxUsesPerCustomer: 1, active: true, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    return true;
  });
}

import { sql } from 'drizzle-orm';
import { validateCatalogImport, type ImportProblem } from '../../core/admin/catalog-import';
import type { RawCatalog } from '../../core/admin/catalog-records';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { Db } from './connect';
import { categories, products } from './schema';
import { syncVariants } from './variant-rows';

export type CatalogImportOutcome =
  { kind: 'imported'; created: number; updated: number; categoriesCreated: number } | { kind: 'invalid'; problems: ImportProblem[] };

// Rows per INSERT: well under Postgres' 65535 bind parameters (16 columns a product).
const BATCH = 500;

/**
 * Imports a catalog all-or-nothing: validation and every write happen in one transaction, so a bad row
 * (or any failure) leaves the shop exactly as it was. Categories and products are matched by slug;
 * products and categories not in the file are left alone. A row without a currency is priced in
 * `currency`, the shop's.
 */
export function createImportRepo(db: Db, { currency }: { currency: PricingCurrency }) {
  return {
    async importCatalog(raw: RawCatalog, now: Date): Promise<CatalogImportOutcome> {
      return db.transaction(async (tx) => {
        // One import at a time: two at once would both decide "new" for the same slug.
        await tx.execute(sql`select pg_advisory_xact_lock(72616002)`);
        const existingCategories = await tx.select({ id: categories.id, slug: categories.slug }).from(categories);
        const result = validateCatalogImport(raw, new Set(existingCategories.map((c) => c.slug)), currency);
        if (!result.ok) return { kind: 'invalid', problems: result.problems };

        const knownCategories = new Set(existingCategories.map((c) => c.slug));
        const categoryIds = new Map(existingCategories.map((c) => [c.slug, c.id]));
        let categoriesCreated = 0;
        for (const category of result.categories) {
          if (!knownCategories.has(category.slug)) categoriesCreated++;
          const [row] = await tx
            .insert(categories)
            .values({ id: crypto.randomUUID(), ...category })
            .onConflictDoUpdate({ target: categories.slug, set: { title: category.title, position: category.position } })
            .returning({ id: categories.id });
          if (row) categoryIds.set(category.slug, row.id);
        }

        const existingSlugs = new Set((await tx.select({ slug: products.slug }).from(products)).map((p) => p.slug));
        const created = result.products.filter((p) => !existingSlugs.has(p.slug)).length;
        for (let i = 0; i < result.products.length; i += BATCH) {
          const batch = result.products.slice(i, i + BATCH);
          await tx
            .insert(products)
            .values(
              batch.map(({ category, variants: _variants, ...product }, offset) => ({
                ...product,
                categoryId: category ? (categoryIds.get(category) ?? null) : null,
                // Spaced by a millisecond so the shop lists new products in the file's order.
                createdAt: new Date(now.getTime() + i + offset),
                updatedAt: now,
              })),
            )
            .onConflictDoUpdate({
              target: products.slug,
              set: {
                title: sql`excluded.title`,
                description: sql`excluded.description`,
                currency: sql`excluded.currency`,
                priceMinor: sql`excluded.price_minor`,
                compareAtPriceMinor: sql`excluded.compare_at_price_minor`,
                active: sql`excluded.active`,
                kind: sql`excluded.kind`,
                options: sql`excluded.options`,
                categoryId: sql`excluded.category_id`,
                images: sql`excluded.images`,
                translations: sql`excluded.translations`,
                updatedAt: now,
              },
            });
        }
        // Each product's variants, matched by their option values: a variant the file leaves out is switched
        // off (orders may name it), as the admin's variants table does.
        const ids = new Map((await tx.select({ id: products.id, slug: products.slug }).from(products)).map((p) => [p.slug, p.id]));
        for (const product of result.products) {
          const problem = await syncVariants(tx, ids.get(product.slug)!, product.variants, now);
          if (problem) throw new Error(`import: variants of ${product.slug} did not sync (${problem.kind}) after validation`);
        }
        return { kind: 'imported', created, updated: result.products.length - created, categoriesCreated };
      });
    },
  };
}

export type ImportRepo = ReturnType<typeof createImportRepo>;

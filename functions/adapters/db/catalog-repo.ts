import { and, asc, eq, sql } from 'drizzle-orm';
import { totalStock, type CatalogRepo, type Category, type Product } from '../../core/catalog/catalog';
import type { ProductVariant } from '../../core/catalog/variants';
import type { Db } from './connect';
import { catalogVersion, categories, products } from './schema';
import { loadVariants } from './variant-rows';

/**
 * Catalog reads over Postgres. With `onCatalogChange` (PGlite: DatabaseHandle), the version is read
 * again only after a change was announced; otherwise every call reads it.
 */
export function createCatalogRepo(db: Db, onCatalogChange?: (listener: () => void) => void): CatalogRepo {
  const queryVersion = async () => {
    // The shards' sum (schema.ts, catalogVersion); one statement, so one consistent view of them. Raw SQL:
    // it runs on every request, and the query builder's own work was a third of its cost.
    const result: unknown = await db.execute(sql`select coalesce(sum(${catalogVersion.version}), 0)::text as "version" from ${catalogVersion}`);
    // postgres.js answers rows as an array, PGlite and Neon as { rows }.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { version?: string }[];
    return BigInt(rows[0]?.version ?? '0');
  };
  return {
    readVersion: onCatalogChange ? readVersionOnChange(queryVersion, onCatalogChange) : queryVersion,
    async listCatalog() {
      const [categoryRows, productRows] = await Promise.all([
        db.select().from(categories).orderBy(asc(categories.position), asc(categories.title)),
        db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.createdAt), asc(products.slug)),
      ]);
      const variants = await loadVariants(
        db,
        productRows.map((row) => row.id),
        { activeOnly: true },
      );
      return { categories: categoryRows.map(toCategory), products: productRows.map((row) => toProduct(row, variants.get(row.id) ?? [])) };
    },
    async findActiveProductBySlug(slug) {
      const [row] = await db
        .select()
        .from(products)
        .where(and(eq(products.slug, slug), eq(products.active, true)))
        .limit(1);
      if (!row) return null;
      const variants = await loadVariants(db, [row.id], { activeOnly: true });
      return toProduct(row, variants.get(row.id) ?? []);
    },
  };
}

/**
 * The version as last read, while no change has been announced since that read began: every caller gets
 * a read that began after the last announced change, so none is answered with a version older than a
 * commit it saw return.
 */
function readVersionOnChange(query: () => Promise<bigint>, onCatalogChange: (listener: () => void) => void): () => Promise<bigint> {
  let latest: Promise<bigint> | null = null;
  onCatalogChange(() => {
    latest = null;
  });
  return () => {
    if (latest) return latest;
    const reading = query();
    latest = reading;
    // A failed read is not kept: the next caller reads again.
    reading.catch(() => {
      if (latest === reading) latest = null;
    });
    return reading;
  };
}

export function toCategory(row: typeof categories.$inferSelect): Category {
  return { id: row.id, slug: row.slug, title: row.title, position: row.position };
}

export function toProduct(row: typeof products.$inferSelect, variants: ProductVariant[]): Product {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    priceNano: row.priceNano,
    compareAtPriceNano: row.compareAtPriceNano,
    images: row.images,
    categoryId: row.categoryId,
    kind: row.kind,
    options: row.options,
    variants,
    stock: totalStock(variants),
    active: row.active,
    translations: row.translations,
  };
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { totalStock, type CatalogRepo, type Category, type Product } from '../../core/catalog/catalog';
import type { ProductVariant } from '../../core/catalog/variants';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { Db } from './connect';
import { catalogVersion, categories, products } from './schema';
import { loadVariants } from './variant-rows';

/**
 * How long the Node server on the PostgreSQL server reuses a read of the catalog version (#14). An edit
 * through another instance, or straight in SQL, shows in this instance's answers at most this long (plus
 * one version read) after its commit; the rule is 2 s. This instance's own writes show at once.
 */
export const CATALOG_VERSION_REUSE_MS = 250;

/**
 * Catalog reads over Postgres. With `onCatalogChange` (PGlite: DatabaseHandle), the version is read
 * again only after a change was announced. With `onLocalWrite` (the Node server on the PostgreSQL
 * server), a read is reused for `CATALOG_VERSION_REUSE_MS` unless this instance wrote since it began.
 * Otherwise (serverless entries) every call reads it.
 */
export function createCatalogRepo(
  db: Db,
  notices: {
    /** The shop's pricing currency: only products priced in it are listed and found (core/orders/price-order.ts sells no other). */
    currency?: PricingCurrency;
    onCatalogChange?: ((listener: () => void) => void) | undefined;
    onLocalWrite?: ((listener: () => void) => void) | undefined;
  } = {},
  now: () => number = () => performance.now(),
): CatalogRepo {
  const queryVersion = async () => {
    // The shards' sum (schema.ts, catalogVersion); one statement, so one consistent view of them. Raw SQL:
    // it runs on every request, and the query builder's own work was a third of its cost.
    const result: unknown = await db.execute(sql`select coalesce(sum(${catalogVersion.version}), 0)::text as "version" from ${catalogVersion}`);
    // postgres.js answers rows as an array, PGlite and Neon as { rows }.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { version?: string }[];
    return BigInt(rows[0]?.version ?? '0');
  };
  const currency = notices.currency ?? 'TON';
  return {
    currency,
    readVersion: notices.onCatalogChange
      ? readVersionOnChange(queryVersion, notices.onCatalogChange)
      : notices.onLocalWrite
        ? readVersionReused(queryVersion, { maxAgeMs: CATALOG_VERSION_REUSE_MS, onLocalWrite: notices.onLocalWrite, now })
        : queryVersion,
    async listCatalog() {
      const [categoryRows, productRows] = await Promise.all([
        db.select().from(categories).orderBy(asc(categories.position), asc(categories.title)),
        db
          .select()
          .from(products)
          .where(and(eq(products.active, true), eq(products.currency, currency)))
          .orderBy(asc(products.createdAt), asc(products.slug)),
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
        .where(and(eq(products.slug, slug), eq(products.active, true), eq(products.currency, currency)))
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

/**
 * A version read reused by every caller for `maxAgeMs` after it began, and dropped when this instance's
 * own write ends (read-your-writes: a customer who just ordered, on the same instance, sees the new
 * stock). Why not read per request: on the PostgreSQL server that query, one socket round trip per
 * request round, was most of a catalog answer's cost (docs/performance.md). Why not LISTEN/NOTIFY: a
 * NOTIFY takes a database-wide lock at every checkout's commit. The price is the bound: another
 * instance's edit is seen up to `maxAgeMs` late (measured from the start of the read it replaces).
 */
export function readVersionReused(
  query: () => Promise<bigint>,
  options: { maxAgeMs: number; onLocalWrite: (listener: () => void) => void; now: () => number },
): () => Promise<bigint> {
  let kept: { reading: Promise<bigint>; startedAt: number } | null = null;
  // Cleared when a write ends, so a read kept after it began after it: never one that predates the write.
  options.onLocalWrite(() => {
    kept = null;
  });
  return () => {
    const at = options.now();
    if (kept && at - kept.startedAt <= options.maxAgeMs) return kept.reading;
    const entry = { reading: query(), startedAt: at };
    kept = entry;
    // A failed read is not kept: the next caller reads again.
    entry.reading.catch(() => {
      if (kept === entry) kept = null;
    });
    return entry.reading;
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
    currency: row.currency,
    priceMinor: row.priceMinor,
    compareAtPriceMinor: row.compareAtPriceMinor,
    images: row.images,
    categoryId: row.categoryId,
    kind: row.kind,
    priceStars: row.priceStars,
    options: row.options,
    variants,
    stock: totalStock(variants),
    active: row.active,
    translations: row.translations,
  };
}

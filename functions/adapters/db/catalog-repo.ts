import { and, asc, eq } from 'drizzle-orm';
import type { CatalogRepo, Category, Product } from '../../core/catalog/catalog';
import type { Db } from './connect';
import { categories, products } from './schema';

/** Catalog reads over Postgres. */
export function createCatalogRepo(db: Db): CatalogRepo {
  return {
    async listCatalog() {
      const [categoryRows, productRows] = await Promise.all([
        db.select().from(categories).orderBy(asc(categories.position), asc(categories.title)),
        db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.createdAt), asc(products.slug)),
      ]);
      return { categories: categoryRows.map(toCategory), products: productRows.map(toProduct) };
    },
    async findActiveProductBySlug(slug) {
      const [row] = await db
        .select()
        .from(products)
        .where(and(eq(products.slug, slug), eq(products.active, true)))
        .limit(1);
      return row ? toProduct(row) : null;
    },
  };
}

export function toCategory(row: typeof categories.$inferSelect): Category {
  return { id: row.id, slug: row.slug, title: row.title, position: row.position };
}

export function toProduct(row: typeof products.$inferSelect): Product {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    priceNano: row.priceNano,
    compareAtPriceNano: row.compareAtPriceNano,
    images: row.images,
    categoryId: row.categoryId,
    stock: row.stock,
    active: row.active,
    translations: row.translations,
  };
}

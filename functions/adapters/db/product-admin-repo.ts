import { asc, eq } from 'drizzle-orm';
import type { ProductTranslations } from '../../core/admin/catalog-records';
import type { Db, DbExecutor } from './connect';
import { isUniqueViolation } from './pg-errors';
import { categories, products } from './schema';

/** Every field of a product the merchant edits. */
export interface ProductFields {
  slug: string;
  title: string;
  description: string;
  priceNano: bigint;
  compareAtPriceNano: bigint | null;
  stock: number;
  categoryId: string | null;
  images: string[];
  active: boolean;
  translations: ProductTranslations;
}

export type AdminProductRow = typeof products.$inferSelect;

export type ProductWriteResult =
  | { kind: 'ok'; product: AdminProductRow }
  | { kind: 'slug_taken' }
  | { kind: 'category_not_found' }
  | { kind: 'not_found' }
  /** The stock moved (orders reserved or released units) since the merchant read `expectedStock`. */
  | { kind: 'stock_changed'; currentStock: number };

/** Products as the merchant manages them: inactive ones included, every field writable. */
export function createProductAdminRepo(db: Db) {
  return {
    async listProducts(): Promise<AdminProductRow[]> {
      return db.select().from(products).orderBy(asc(products.createdAt), asc(products.slug));
    },

    async createProduct(fields: ProductFields, now: Date): Promise<ProductWriteResult> {
      return writeProduct(db, fields.categoryId, async (tx) => {
        const [row] = await tx
          .insert(products)
          .values({ ...fields, createdAt: now, updatedAt: now })
          .returning();
        return row;
      });
    },

    /**
     * Changes only the given fields. Stock set here is the shelf count the merchant counted; with
     * `expectedStock` (the count the form showed), the write is refused when orders moved the stock in
     * between, instead of silently undoing their reservations.
     */
    async updateProduct(id: string, patch: Partial<ProductFields>, now: Date, expectedStock?: number): Promise<ProductWriteResult> {
      return writeProduct(db, patch.categoryId ?? null, async (tx) => {
        if (patch.stock !== undefined && expectedStock !== undefined) {
          // The same row lock order creation takes: no order can reserve between this check and the write.
          const [current] = await tx.select({ stock: products.stock }).from(products).where(eq(products.id, id)).for('update');
          if (current && current.stock !== expectedStock) return { kind: 'stock_changed' as const, currentStock: current.stock };
        }
        const [row] = await tx
          .update(products)
          .set({ ...patch, updatedAt: now })
          .where(eq(products.id, id))
          .returning();
        return row;
      });
    },
  };
}

export type ProductAdminRepo = ReturnType<typeof createProductAdminRepo>;

async function writeProduct(
  db: Db,
  categoryId: string | null,
  write: (tx: DbExecutor) => Promise<AdminProductRow | { kind: 'stock_changed'; currentStock: number } | undefined>,
): Promise<ProductWriteResult> {
  try {
    return await db.transaction(async (tx) => {
      if (categoryId !== null) {
        // Share-lock the category so it cannot be deleted between this check and the write.
        const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).for('share');
        if (!category) return { kind: 'category_not_found' as const };
      }
      const product = await write(tx);
      if (!product) return { kind: 'not_found' as const };
      return 'kind' in product ? product : { kind: 'ok' as const, product };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'products_slug_unique')) return { kind: 'slug_taken' };
    throw error;
  }
}

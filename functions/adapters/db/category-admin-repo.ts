import { asc, eq } from 'drizzle-orm';
import type { Category } from '../../core/catalog/catalog';
import { toCategory } from './catalog-repo';
import type { Db } from './connect';
import { isUniqueViolation } from './pg-errors';
import { categories } from './schema';

export type CategoryWriteResult = { kind: 'ok'; category: Category } | { kind: 'slug_taken' } | { kind: 'not_found' };

/** Categories as the merchant manages them. Deleting one leaves its products without a category. */
export function createCategoryAdminRepo(db: Db) {
  return {
    async listCategories(): Promise<Category[]> {
      const rows = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.title));
      return rows.map(toCategory);
    },

    async createCategory(fields: { slug: string; title: string; position?: number | undefined }): Promise<CategoryWriteResult> {
      return guardSlug(async () => {
        const [row] = await db
          .insert(categories)
          .values({ id: crypto.randomUUID(), slug: fields.slug, title: fields.title, position: fields.position ?? (await nextPosition(db)) })
          .returning();
        return row ? { kind: 'ok', category: toCategory(row) } : { kind: 'not_found' };
      });
    },

    async updateCategory(
      id: string,
      patch: { slug?: string | undefined; title?: string | undefined; position?: number | undefined },
    ): Promise<CategoryWriteResult> {
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return guardSlug(async () => {
        const [row] =
          Object.keys(set).length > 0
            ? await db.update(categories).set(set).where(eq(categories.id, id)).returning()
            : await db.select().from(categories).where(eq(categories.id, id));
        return row ? { kind: 'ok', category: toCategory(row) } : { kind: 'not_found' };
      });
    },

    /** Whether a category was deleted (its products' category becomes none: ON DELETE SET NULL). */
    async deleteCategory(id: string): Promise<boolean> {
      const deleted = await db.delete(categories).where(eq(categories.id, id)).returning({ id: categories.id });
      return deleted.length > 0;
    },
  };
}

export type CategoryAdminRepo = ReturnType<typeof createCategoryAdminRepo>;

async function nextPosition(db: Db): Promise<number> {
  const rows = await db.select({ position: categories.position }).from(categories);
  return rows.reduce((max, row) => Math.max(max, row.position + 1), 0);
}

async function guardSlug(write: () => Promise<CategoryWriteResult>): Promise<CategoryWriteResult> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'categories_slug_unique')) return { kind: 'slug_taken' };
    throw error;
  }
}

import { and, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../functions/adapters/db/connect';
import { productVariants, products } from '../../functions/adapters/db/schema';

// Stock lives on variants; a product sold without options has exactly one. These read and set it by the
// product's slug, as the tests' setups think of it.

/** Sets the stock of a product sold without options (its one variant). */
export async function setStock(db: DbExecutor, slug: string, stock: number): Promise<void> {
  const updated = await db
    .update(productVariants)
    .set({ stock })
    .where(sql`${productVariants.productId} = (select ${products.id} from ${products} where ${products.slug} = ${slug})`)
    .returning({ id: productVariants.id });
  if (updated.length !== 1) throw new Error(`setStock: ${slug} has ${updated.length} variants; set one variant's stock instead`);
}

/** Units on the shelf of a product: its active variants together. */
export async function stockOf(db: DbExecutor, slug: string): Promise<number> {
  const [row] = await db
    .select({ stock: sql<number>`coalesce(sum(${productVariants.stock}), 0)`.mapWith(Number) })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(products.slug, slug), eq(productVariants.active, true)));
  return row?.stock ?? 0;
}

/** The id of the one variant of a product sold without options. */
export async function defaultVariantId(db: DbExecutor, slug: string): Promise<string> {
  const rows = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.slug, slug));
  if (rows.length !== 1) throw new Error(`defaultVariantId: ${slug} has ${rows.length} variants`);
  return rows[0]!.id;
}

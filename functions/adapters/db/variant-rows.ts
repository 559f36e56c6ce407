import { asc, eq, inArray } from 'drizzle-orm';
import type { ProductVariant } from '../../core/catalog/variants';
import type { DbExecutor } from './connect';
import { productVariants } from './schema';

/** The variants of the given products, in the merchant's order, grouped by product id. */
export async function loadVariants(
  db: DbExecutor,
  productIds: readonly string[],
  options: { activeOnly?: boolean } = {},
): Promise<Map<string, ProductVariant[]>> {
  const byProduct = new Map<string, ProductVariant[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .select()
    .from(productVariants)
    .where(inArray(productVariants.productId, [...productIds]))
    .orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id));
  for (const row of rows) {
    if (options.activeOnly && !row.active) continue;
    byProduct.get(row.productId)?.push(toVariant(row));
  }
  return byProduct;
}

export function toVariant(row: typeof productVariants.$inferSelect): ProductVariant {
  return { id: row.id, optionValues: row.optionValues, sku: row.sku, priceMinor: row.priceMinor, stock: row.stock, image: row.image, active: row.active };
}

/** A variant as the merchant's table (or an import) writes it: `id` for an existing one, else matched by values. */
export interface VariantInput {
  id?: string | undefined;
  optionValues: string[];
  sku: string | null;
  priceMinor: bigint | null;
  stock: number;
  /** The count the table showed: the write is refused if orders moved it since. */
  expectedStock?: number | undefined;
  image: string | null;
  active: boolean;
}

export type VariantSyncProblem = { kind: 'stock_changed'; currentStock: number; variantLabel: string } | { kind: 'variants_invalid'; problem: string };

/**
 * Writes a product's variants' table, with its variants' rows locked (in id order, as checkouts lock them).
 * A listed variant with an id is updated; one without is matched by its option values (a combination
 * switched off earlier comes back) or created; a variant not listed is switched off, never deleted, since
 * orders name it. The caller has checked the list against the options (core/catalog/variants.ts).
 */
export async function syncVariants(tx: DbExecutor, productId: string, variants: readonly VariantInput[], now: Date): Promise<VariantSyncProblem | null> {
  const existing = await tx.select().from(productVariants).where(eq(productVariants.productId, productId)).orderBy(asc(productVariants.id)).for('update');
  const byId = new Map(existing.map((row) => [row.id, row]));
  const byValues = new Map(existing.map((row) => [JSON.stringify(row.optionValues), row]));
  const kept = new Set<string>();
  for (const [position, variant] of variants.entries()) {
    const label = variant.optionValues.join(' / ');
    const current = variant.id ? byId.get(variant.id) : byValues.get(JSON.stringify(variant.optionValues));
    if (variant.id && !current) return { kind: 'variants_invalid', problem: `variant ${variant.id} is not one of this product's` };
    if (current && variant.expectedStock !== undefined && current.stock !== variant.expectedStock) {
      return { kind: 'stock_changed', currentStock: current.stock, variantLabel: label };
    }
    const values = {
      optionValues: variant.optionValues,
      sku: variant.sku,
      priceMinor: variant.priceMinor,
      stock: variant.stock,
      image: variant.image,
      active: variant.active,
      position,
      updatedAt: now,
    };
    if (current) {
      const holder = byValues.get(JSON.stringify(variant.optionValues));
      if (holder && holder.id !== current.id)
        return { kind: 'variants_invalid', problem: `"${label}" already exists (perhaps switched off): edit that variant instead` };
      await tx.update(productVariants).set(values).where(eq(productVariants.id, current.id));
      kept.add(current.id);
    } else {
      const [created] = await tx
        .insert(productVariants)
        .values({ productId, createdAt: now, ...values })
        .returning({ id: productVariants.id });
      if (created) kept.add(created.id);
    }
  }
  for (const row of existing) {
    if (!kept.has(row.id) && row.active) await tx.update(productVariants).set({ active: false, updatedAt: now }).where(eq(productVariants.id, row.id));
  }
  return null;
}

import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { ProductTranslations } from '../../core/admin/catalog-records';
import type { ProductKind } from '../../core/catalog/catalog';
import { fitsOptions, type ProductOption } from '../../core/catalog/variants';
import type { PricingCurrency } from '../../core/pricing/currencies';
import type { Db, DbExecutor } from './connect';
import { keepKeyStock } from './license-key-store';
import { isUniqueViolation } from './pg-errors';
import { toProduct } from './catalog-repo';
import { categories, productVariants, products } from './schema';
import { loadVariants, syncVariants, type VariantInput } from './variant-rows';

/** Every field of a product the merchant edits on the product itself. */
export interface ProductFields {
  slug: string;
  title: string;
  description: string;
  priceMinor: bigint;
  compareAtPriceMinor: bigint | null;
  /** Whole Telegram Stars, for a digital product sold in Stars; null (or left out): not sold for Stars. */
  priceStars?: number | null;
  /** The shelf count of a product sold without options (its one, default variant). */
  stock: number;
  categoryId: string | null;
  images: string[];
  active: boolean;
  kind: ProductKind;
  translations: ProductTranslations;
}

/** A product with what only the merchant sees: every variant (inactive ones too), translations, dates. */
export type AdminProduct = ReturnType<typeof toProduct> & { translations: ProductTranslations; priceStars: number | null; createdAt: Date; updatedAt: Date };

export type ProductWriteResult =
  | { kind: 'ok'; product: AdminProduct }
  | { kind: 'slug_taken' }
  | { kind: 'category_not_found' }
  | { kind: 'not_found' }
  /** The stock moved (orders reserved or released units) since the merchant read `expectedStock`. */
  | { kind: 'stock_changed'; currentStock: number; variantLabel: string }
  /** A product with options keeps its stock per variant: set it in the variants' table. */
  | { kind: 'stock_is_per_variant' }
  | { kind: 'sku_taken' }
  | { kind: 'variants_invalid'; problem: string }
  /**
   * The product is priced in `productCurrency`, not the shop's: its own variant prices cannot be set, nor a
   * compare-at price without a new price, until a new priceMinor reprices it in the shop's currency.
   */
  | { kind: 'currency_mismatch'; productCurrency: PricingCurrency; shopCurrency: PricingCurrency };

type WriteOutcome = Exclude<ProductWriteResult, { kind: 'ok' } | { kind: 'slug_taken' } | { kind: 'sku_taken' }> | { kind: 'written' };

/**
 * Products as the merchant manages them: inactive ones included, every field writable. New products are
 * priced in `currency`, the shop's pricing currency (PRICING_CURRENCY).
 */
export function createProductAdminRepo(db: Db, { currency }: { currency: PricingCurrency }) {
  return {
    async listProducts(): Promise<AdminProduct[]> {
      const rows = await db.select().from(products).orderBy(asc(products.createdAt), asc(products.slug));
      const variants = await loadVariants(
        db,
        rows.map((row) => row.id),
      );
      return rows.map((row) => toAdminProduct(row, variants.get(row.id) ?? []));
    },

    async createProduct(fields: ProductFields, now: Date): Promise<ProductWriteResult> {
      return writeProduct(db, fields.categoryId, async (tx) => {
        const { stock, ...productFields } = fields;
        const [row] = await tx
          .insert(products)
          .values({ ...productFields, currency, createdAt: now, updatedAt: now })
          .returning();
        if (!row) return { kind: 'not_found' };
        await tx.insert(productVariants).values({ productId: row.id, optionValues: [], stock, createdAt: now, updatedAt: now });
        return { kind: 'written', id: row.id };
      });
    },

    /**
     * Changes only the given fields. Stock set here is the shelf count the merchant counted, for a product
     * sold without options; with `expectedStock` (the count the form showed), the write is refused when
     * orders moved the stock in between, instead of silently undoing their reservations.
     *
     * Repricing: a product saved in another currency than the shop's (the shop changed PRICING_CURRENCY)
     * keeps its old figures and is not sold. A patch with `priceMinor` reprices it: the new price is in the
     * shop's currency, so `currency` becomes the shop's, `compareAtPriceMinor` is the patch's or null, and
     * every variant's own price is cleared (those figures count the old currency; the merchant sets them
     * again in the variants' table). A compare-at price alone cannot be set on such a product (it would mix
     * two currencies): currency_mismatch. A patch of anything else leaves the currency and prices alone.
     */
    async updateProduct(id: string, patch: Partial<ProductFields>, now: Date, expectedStock?: number): Promise<ProductWriteResult> {
      return writeProduct(db, patch.categoryId ?? null, async (tx) => {
        const { stock, ...productPatch } = patch;
        const [row] = await tx
          .select({ id: products.id, options: products.options, currency: products.currency })
          .from(products)
          .where(eq(products.id, id))
          .for('update');
        if (!row) return { kind: 'not_found' };
        const repriced = row.currency !== currency && productPatch.priceMinor !== undefined;
        if (row.currency !== currency && !repriced && productPatch.compareAtPriceMinor != null) {
          return { kind: 'currency_mismatch', productCurrency: row.currency, shopCurrency: currency };
        }
        if (stock !== undefined) {
          if (row.options.length > 0) return { kind: 'stock_is_per_variant' };
          // The same row lock order creation takes: no order can reserve between this check and the write.
          const [variant] = await tx.select().from(productVariants).where(eq(productVariants.productId, id)).for('update');
          if (!variant) return { kind: 'not_found' };
          if (expectedStock !== undefined && variant.stock !== expectedStock) return { kind: 'stock_changed', currentStock: variant.stock, variantLabel: '' };
          await tx.update(productVariants).set({ stock, updatedAt: now }).where(eq(productVariants.id, variant.id));
        }
        if (repriced) {
          await tx
            .update(productVariants)
            .set({ priceMinor: null, updatedAt: now })
            .where(and(eq(productVariants.productId, id), isNotNull(productVariants.priceMinor)));
        }
        await tx
          .update(products)
          .set({ ...productPatch, ...(repriced && { currency, compareAtPriceMinor: productPatch.compareAtPriceMinor ?? null }), updatedAt: now })
          .where(eq(products.id, id));
        // A product sold from license keys has as much stock as keys left, whatever the form sent.
        await keepKeyStock(tx, id, now);
        return { kind: 'written', id };
      });
    },

    /**
     * Replaces the product's options and its variants' table. A listed variant with an id is updated; one
     * without is a new combination (or an earlier, switched-off one brought back); a variant not listed is
     * switched off, never deleted, since orders may name it. Without options the product has exactly one
     * variant, the default. Each `expectedStock` is checked under the variants' row locks.
     */
    async replaceVariants(id: string, input: { options: ProductOption[]; variants: VariantInput[] }, now: Date): Promise<ProductWriteResult> {
      return writeProduct(db, null, async (tx) => {
        const [product] = await tx.select({ id: products.id, currency: products.currency }).from(products).where(eq(products.id, id)).for('update');
        if (!product) return { kind: 'not_found' };
        const problem = checkVariants(input.options, input.variants);
        if (problem) return { kind: 'variants_invalid', problem };
        // Own prices are in the shop's currency; on a product still priced in another they would mix two.
        if (product.currency !== currency && input.variants.some((variant) => variant.priceMinor !== null)) {
          return { kind: 'currency_mismatch', productCurrency: product.currency, shopCurrency: currency };
        }

        const synced = await syncVariants(tx, id, input.variants, now);
        if (synced) return synced;
        await tx.update(products).set({ options: input.options, updatedAt: now }).where(eq(products.id, id));
        await keepKeyStock(tx, id, now);
        return { kind: 'written', id };
      });
    },
  };
}

export type ProductAdminRepo = ReturnType<typeof createProductAdminRepo>;

/** Why a variants' table does not fit its options, or null. */
function checkVariants(options: ProductOption[], variants: VariantInput[]): string | null {
  if (options.length === 0 && (variants.length !== 1 || variants[0]!.optionValues.length !== 0)) {
    return 'a product without options has exactly one variant, with no option values';
  }
  const seen = new Set<string>();
  for (const variant of variants) {
    if (!fitsOptions(options, variant.optionValues)) return `"${variant.optionValues.join(' / ')}" does not name one value of each option`;
    const key = JSON.stringify(variant.optionValues);
    if (seen.has(key)) return `"${variant.optionValues.join(' / ')}" is listed twice`;
    seen.add(key);
  }
  return null;
}

function toAdminProduct(row: typeof products.$inferSelect, variants: Parameters<typeof toProduct>[1]): AdminProduct {
  return { ...toProduct(row, variants), translations: row.translations, priceStars: row.priceStars, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

async function loadAdminProduct(tx: DbExecutor, id: string): Promise<AdminProduct | null> {
  const [row] = await tx.select().from(products).where(eq(products.id, id));
  if (!row) return null;
  const variants = await loadVariants(tx, [id]);
  return toAdminProduct(row, variants.get(id) ?? []);
}

async function writeProduct(
  db: Db,
  categoryId: string | null,
  write: (tx: DbExecutor) => Promise<WriteOutcome | { kind: 'written'; id: string }>,
): Promise<ProductWriteResult> {
  try {
    return await db.transaction(async (tx) => {
      if (categoryId !== null) {
        // Share-lock the category so it cannot be deleted between this check and the write.
        const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).for('share');
        if (!category) return { kind: 'category_not_found' as const };
      }
      const outcome = await write(tx);
      if (outcome.kind !== 'written') return outcome;
      const product = 'id' in outcome ? await loadAdminProduct(tx, outcome.id) : null;
      return product ? { kind: 'ok' as const, product } : { kind: 'not_found' as const };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'products_slug_unique')) return { kind: 'slug_taken' };
    if (isUniqueViolation(error, 'product_variants_sku_unique')) return { kind: 'sku_taken' };
    throw error;
  }
}

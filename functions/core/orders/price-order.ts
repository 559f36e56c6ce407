import type { ProductKind } from '../catalog/catalog';
import type { PricingCurrency } from '../pricing/currencies';
import { variantLabel } from '../catalog/variants';
import {
  OrderEmptyError,
  OrderTotalTooLargeError,
  OutOfStockError,
  ProductInactiveError,
  ProductNotFoundError,
  QuantityInvalidError,
  TooManyItemsError,
} from './errors';

/**
 * What the customer asks for: a variant and how many. Nothing else from the client is read: no price, no
 * total, no user id. (A product sold without options may be named by its product id; the repository
 * turns it into its one variant.)
 */
export interface RequestedItem {
  variantId: string;
  quantity: number;
}

/** A variant and its product as the database knows them at the moment of ordering (locked by the caller). */
export interface VariantForPricing {
  variantId: string;
  productId: string;
  slug: string;
  title: string;
  kind: ProductKind;
  categoryId: string | null;
  optionValues: string[];
  sku: string | null;
  /** The variant's own price, else the product's. */
  unitPriceMinor: bigint;
  /** What unitPriceMinor counts: the product's currency. */
  currency: PricingCurrency;
  stock: number;
  /** The product and the variant are both on sale. */
  active: boolean;
}

export interface PricedLine {
  productId: string;
  variantId: string;
  slug: string;
  title: string;
  /** "M / Black"; '' for a product without options. */
  variantLabel: string;
  sku: string | null;
  kind: ProductKind;
  categoryId: string | null;
  unitPriceMinor: bigint;
  quantity: number;
  lineTotalMinor: bigint;
}

export interface PricedOrder {
  lines: PricedLine[];
  /** The items' cost, before any discount and delivery. */
  subtotalMinor: bigint;
  /** What every amount counts: the shop's pricing currency at checkout. */
  currency: PricingCurrency;
}

export const ORDER_LIMITS = {
  /** Different variants in one order. */
  maxLines: 50,
  /** Units of one variant in one order: above this a shop wants a conversation, not a cart. */
  maxQuantityPerLine: 99,
} as const;

/** The largest total an order's column holds (int64). The product bounds keep real orders far below it. */
export const MAX_ORDER_TOTAL_MINOR = 2n ** 63n - 1n;

/**
 * Folds repeated variants into one line (a client may send the same id twice) and checks the shape of
 * the request before any database work: at least one line, not too many, sane quantities.
 */
export function normalizeRequestedItems(items: readonly RequestedItem[]): RequestedItem[] {
  if (items.length === 0) throw new OrderEmptyError();
  const merged = new Map<string, number>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw new QuantityInvalidError(item.variantId, ORDER_LIMITS.maxQuantityPerLine);
    }
    merged.set(item.variantId, (merged.get(item.variantId) ?? 0) + item.quantity);
  }
  if (merged.size > ORDER_LIMITS.maxLines) throw new TooManyItemsError(ORDER_LIMITS.maxLines);
  const normalized: RequestedItem[] = [];
  for (const [variantId, quantity] of merged) {
    if (quantity > ORDER_LIMITS.maxQuantityPerLine) throw new QuantityInvalidError(variantId, ORDER_LIMITS.maxQuantityPerLine);
    normalized.push({ variantId, quantity });
  }
  return normalized;
}

/**
 * Prices an order from the variants' current database rows. Integer arithmetic in the smallest unit
 * only. Throws the first problem found, in the order the customer listed the items, so the message names
 * a product the person can act on.
 */
export function priceOrder(items: readonly RequestedItem[], variantsById: ReadonlyMap<string, VariantForPricing>, currency: PricingCurrency): PricedOrder {
  const lines: PricedLine[] = [];
  let subtotalMinor = 0n;
  for (const item of normalizeRequestedItems(items)) {
    const variant = variantsById.get(item.variantId);
    if (!variant) throw new ProductNotFoundError(item.variantId);
    const label = variantLabel(variant.optionValues);
    const name = label ? `${variant.title} (${label})` : variant.title;
    // A product still priced in the shop's former currency is not sold until the merchant reprices it: its
    // numbers would mean something else in this one (12.00 USD is not 12 nanotons).
    if (!variant.active || variant.currency !== currency) throw new ProductInactiveError(variant.productId, name);
    if (variant.stock < item.quantity) throw new OutOfStockError(variant.productId, name, variant.stock);
    const lineTotalMinor = variant.unitPriceMinor * BigInt(item.quantity);
    subtotalMinor += lineTotalMinor;
    lines.push({
      productId: variant.productId,
      variantId: variant.variantId,
      slug: variant.slug,
      title: variant.title,
      variantLabel: label,
      sku: variant.sku,
      kind: variant.kind,
      categoryId: variant.categoryId,
      unitPriceMinor: variant.unitPriceMinor,
      quantity: item.quantity,
      lineTotalMinor,
    });
  }
  if (subtotalMinor > MAX_ORDER_TOTAL_MINOR) throw new OrderTotalTooLargeError();
  return { lines, subtotalMinor, currency };
}

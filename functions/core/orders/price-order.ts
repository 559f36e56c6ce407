import {
  OrderEmptyError,
  OrderTotalTooLargeError,
  OutOfStockError,
  ProductInactiveError,
  ProductNotFoundError,
  QuantityInvalidError,
  TooManyItemsError,
} from './errors';

/** What the customer asks for. Nothing else from the client is read: no price, no total, no user id. */
export interface RequestedItem {
  productId: string;
  quantity: number;
}

/** A product as the database knows it at the moment of ordering (locked for update by the caller). */
export interface ProductForPricing {
  id: string;
  slug: string;
  title: string;
  priceNano: bigint;
  stock: number;
  active: boolean;
}

export interface PricedLine {
  productId: string;
  slug: string;
  title: string;
  unitPriceNano: bigint;
  quantity: number;
  lineTotalNano: bigint;
}

export interface PricedOrder {
  lines: PricedLine[];
  totalNano: bigint;
}

export const ORDER_LIMITS = {
  /** Different products in one order. */
  maxLines: 50,
  /** Units of one product in one order: above this a shop wants a conversation, not a cart. */
  maxQuantityPerLine: 99,
} as const;

/** The largest total an order's column holds (int64). The product bounds keep real orders far below it. */
export const MAX_ORDER_TOTAL_NANO = 2n ** 63n - 1n;

/**
 * Folds repeated products into one line (a client may send the same id twice) and checks the shape of
 * the request before any database work: at least one line, not too many, sane quantities.
 */
export function normalizeRequestedItems(items: readonly RequestedItem[]): RequestedItem[] {
  if (items.length === 0) throw new OrderEmptyError();
  const merged = new Map<string, number>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw new QuantityInvalidError(item.productId, ORDER_LIMITS.maxQuantityPerLine);
    }
    merged.set(item.productId, (merged.get(item.productId) ?? 0) + item.quantity);
  }
  if (merged.size > ORDER_LIMITS.maxLines) throw new TooManyItemsError(ORDER_LIMITS.maxLines);
  const normalized: RequestedItem[] = [];
  for (const [productId, quantity] of merged) {
    if (quantity > ORDER_LIMITS.maxQuantityPerLine) {
      throw new QuantityInvalidError(productId, ORDER_LIMITS.maxQuantityPerLine);
    }
    normalized.push({ productId, quantity });
  }
  return normalized;
}

/**
 * Prices an order from the products' current database rows. Integer arithmetic on nanotons only.
 * Throws the first problem found, in the order the customer listed the items, so the message names
 * a product the person can act on.
 */
export function priceOrder(items: readonly RequestedItem[], productsById: ReadonlyMap<string, ProductForPricing>): PricedOrder {
  const lines: PricedLine[] = [];
  let totalNano = 0n;
  for (const item of normalizeRequestedItems(items)) {
    const product = productsById.get(item.productId);
    if (!product) throw new ProductNotFoundError(item.productId);
    if (!product.active) throw new ProductInactiveError(product.id, product.title);
    if (product.stock < item.quantity) {
      throw new OutOfStockError(product.id, product.title, product.stock);
    }
    const lineTotalNano = product.priceNano * BigInt(item.quantity);
    totalNano += lineTotalNano;
    lines.push({
      productId: product.id,
      slug: product.slug,
      title: product.title,
      unitPriceNano: product.priceNano,
      quantity: item.quantity,
      lineTotalNano,
    });
  }
  if (totalNano > MAX_ORDER_TOTAL_NANO) throw new OrderTotalTooLargeError();
  return { lines, totalNano };
}

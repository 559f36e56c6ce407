import { ORDER_LIMITS } from '../orders/price-order';

/**
 * One line of the cart the Mini App reports: which product (and variant, when it knows it) and how many.
 * Never a price or a title: the server prices an order from the database, and the reminder only counts.
 */
export interface CartLine {
  productId: string;
  /** Null for a line saved before variants existed (the Mini App resolves it later). */
  variantId: string | null;
  quantity: number;
}

/** The server's copy of a customer's cart (adapters/db/cart-repo.ts). */
export interface CartSnapshot {
  items: CartLine[];
  /** When the cart got its first item: a new cart after an order or emptying starts again. */
  startedAt: Date;
  updatedAt: Date;
  /** When its one reminder was enqueued; null: not yet. */
  remindedAt: Date | null;
}

/** The carts port. Implemented in adapters/db/cart-repo.ts. */
export interface CartRepo {
  /**
   * Keeps the customer's cart as reported: an empty one deletes the snapshot (the next one is a new cart);
   * a changed one keeps its start and its reminder, so editing a cart never earns a second reminder.
   */
  saveCart(customerId: string, items: readonly CartLine[], now: Date): Promise<CartSnapshot | null>;
  /**
   * Enqueues the one `abandoned_cart` message (dedupe `abandoned_cart:<customer id>:<started at>`) for
   * every cart {@link isCartAbandoned} says is due, and marks each reminded, atomically. Returns how many.
   */
  enqueueAbandonedCartReminders(now: Date, delayHours: number): Promise<number>;
}

/**
 * The lines as the server keeps them: the same product and variant merged into one line, quantities
 * capped like an order's (ORDER_LIMITS), at most ORDER_LIMITS.maxLines lines. Order of first sight kept.
 */
export function normalizeCartLines(lines: readonly CartLine[]): CartLine[] {
  const merged = new Map<string, CartLine>();
  for (const line of lines) {
    const key = `${line.productId}:${line.variantId ?? ''}`;
    const quantity = Math.min((merged.get(key)?.quantity ?? 0) + line.quantity, ORDER_LIMITS.maxQuantityPerLine);
    merged.set(key, { productId: line.productId, variantId: line.variantId, quantity });
  }
  return [...merged.values()].filter((line) => line.quantity > 0).slice(0, ORDER_LIMITS.maxLines);
}

/** How many pieces the lines hold. */
export function countCartPieces(lines: readonly Pick<CartLine, 'quantity'>[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

import { multiplyMinor, sumMinor } from './money';
import type { Product, ProductVariant } from './types';

/** What the cart store keeps: a variant and a count, never prices (the server prices). */
export interface CartItem {
  productId: string;
  /** '' on a line saved before variants existed, until resolveLegacyLines names it. */
  variantId: string;
  quantity: number;
}

export type CartRef = Pick<CartItem, 'productId' | 'variantId'>;

export type CartLine =
  | { kind: 'available'; item: CartItem; product: Product; variant: ProductVariant; lineTotalMinor: string; overStock: boolean }
  /** A line saved before variants existed, for a product that now has options: the customer chooses. */
  | { kind: 'choose'; item: CartItem; product: Product }
  | { kind: 'unavailable'; item: CartItem };

/**
 * Joins the stored cart with the current catalog: each line's variant, its price and stock. Products
 * and variants that left the catalog stay visible as unavailable.
 */
export function joinCartWithCatalog(items: readonly CartItem[], products: readonly Product[]): CartLine[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  return items.map((item): CartLine => {
    const product = byId.get(item.productId);
    if (!product) return { kind: 'unavailable', item };
    const variant = product.variants?.find((v) => v.id === item.variantId);
    if (!variant) return item.variantId === '' && (product.options?.length ?? 0) > 0 ? { kind: 'choose', item, product } : { kind: 'unavailable', item };
    return {
      kind: 'available',
      item,
      product,
      variant,
      lineTotalMinor: multiplyMinor(variant.priceMinor, item.quantity),
      overStock: item.quantity > variant.stock,
    };
  });
}

/**
 * Names the variant of lines saved before variants existed (version 1 carts), where there is only one:
 * a product without options. Merges a line into one already holding that variant. Returns `items`
 * itself when nothing changed, so a store can skip the write.
 */
export function resolveLegacyLines(items: readonly CartItem[], products: readonly Product[], maxQuantity: number): readonly CartItem[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  let changed = false;
  const resolved = items.map((item) => {
    const product = byId.get(item.productId);
    const only = item.variantId === '' && product && (product.options?.length ?? 0) === 0 && product.variants?.length === 1 ? product.variants[0]! : null;
    if (!only) return item;
    changed = true;
    return { ...item, variantId: only.id };
  });
  return changed ? mergeDuplicates(resolved, maxQuantity) : items;
}

function mergeDuplicates(items: CartItem[], maxQuantity: number): CartItem[] {
  const merged: CartItem[] = [];
  for (const item of items) {
    const existing = merged.find((line) => line.productId === item.productId && line.variantId === item.variantId);
    if (existing) existing.quantity = Math.min(existing.quantity + item.quantity, maxQuantity);
    else merged.push({ ...item });
  }
  return merged;
}

/** A preview of the total from catalog prices; the order the server creates is authoritative. */
export function previewTotalMinor(lines: readonly CartLine[]): string {
  return sumMinor(lines.flatMap((line) => (line.kind === 'available' ? [line.lineTotalMinor] : [])));
}

/** True when the cart can be sent: something to buy, nothing unavailable or unchosen, nothing above stock. */
export function isCartOrderable(lines: readonly CartLine[]): boolean {
  return lines.length > 0 && lines.every((line) => line.kind === 'available' && !line.overStock);
}

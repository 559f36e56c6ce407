import { multiplyNano, sumNano } from './money';
import type { Product } from './types';

/** What the cart store keeps: a reference and a count, never prices (the server prices). */
export interface CartItem {
  productId: string;
  quantity: number;
}

export type CartLine =
  { kind: 'available'; item: CartItem; product: Product; lineTotalNano: string; overStock: boolean } | { kind: 'unavailable'; item: CartItem };

/** Joins the stored cart with the current catalog. Products that left the catalog stay visible as unavailable. */
export function joinCartWithCatalog(items: readonly CartItem[], products: readonly Product[]): CartLine[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  return items.map((item): CartLine => {
    const product = byId.get(item.productId);
    if (!product) return { kind: 'unavailable', item };
    return {
      kind: 'available',
      item,
      product,
      lineTotalNano: multiplyNano(product.priceNano, item.quantity),
      overStock: item.quantity > product.stock,
    };
  });
}

/** A preview of the total from catalog prices; the order the server creates is authoritative. */
export function previewTotalNano(lines: readonly CartLine[]): string {
  return sumNano(lines.flatMap((line) => (line.kind === 'available' ? [line.lineTotalNano] : [])));
}

/** True when the cart can be sent: something to buy, nothing unavailable, nothing above stock. */
export function isCartOrderable(lines: readonly CartLine[]): boolean {
  return lines.length > 0 && lines.every((line) => line.kind === 'available' && !line.overStock);
}

import type { CartItem } from './cart-lines';
import type { Product } from './types';

/** Which part of a mixed cart a checkout places: `digital` (payable in Stars inside Telegram) or the rest. */
export type CartPart = 'digital' | 'physical';

/** `?part=` of the checkout route, or null for the whole cart. */
export function readCartPart(search: string): CartPart | null {
  const part = new URLSearchParams(search).get('part');
  return part === 'digital' || part === 'physical' ? part : null;
}

/**
 * The cart split by kind, when it holds both: Telegram Stars pay for digital goods only, so an order with
 * a shipped item in it cannot be paid in Stars (core/stars), and the cart offers two orders instead. null
 * when the cart is all one kind (or the catalog does not know a line's product: it is not split then).
 */
export function splitMixedCart(items: readonly CartItem[], products: readonly Pick<Product, 'id' | 'kind'>[]): Record<CartPart, CartItem[]> | null {
  const kinds = new Map(products.map((product) => [product.id, product.kind]));
  const digital = items.filter((item) => kinds.get(item.productId) === 'digital');
  const physical = items.filter((item) => kinds.get(item.productId) !== 'digital');
  return digital.length > 0 && physical.length > 0 ? { digital, physical } : null;
}

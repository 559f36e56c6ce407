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
 * The cart split in two, when it holds both: the digital products priced in Stars, and the rest. Telegram
 * Stars pay for digital goods only, so an order with a shipped item (or a digital one without a Stars
 * price) cannot be paid in Stars (core/stars), and the cart offers two orders instead. null when there is
 * nothing to split (a line whose product the catalog does not know goes with the rest).
 */
export function splitMixedCart(
  items: readonly CartItem[],
  products: readonly Pick<Product, 'id' | 'kind' | 'priceStars'>[],
): Record<CartPart, CartItem[]> | null {
  // Only a digital product with a Stars price can be paid in Stars: one without goes with the rest.
  const inStars = new Set(products.filter((product) => product.kind === 'digital' && product.priceStars !== null).map((product) => product.id));
  const digital = items.filter((item) => inStars.has(item.productId));
  const physical = items.filter((item) => !inStars.has(item.productId));
  return digital.length > 0 && physical.length > 0 ? { digital, physical } : null;
}

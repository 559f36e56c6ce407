import { readCartPart, splitMixedCart } from '../domain/cart-split';
import { useCartCatalog } from '../features/cart/api';
import { cartStore, useCart } from '../features/cart/store';
import { CheckoutFormPage } from '../features/checkout/checkout-form-page';
import { useLocation } from '../platform/router';

/**
 * The checkout form over the cart's lines; a placed order takes its lines out of the cart (features meet
 * in app/). `?part=digital|physical` (the cart's split of a mixed cart, #15) places that part only, and the
 * rest stays in the cart for the second order.
 */
export function CheckoutFormScreen() {
  const items = useCart((s) => s.items);
  const part = readCartPart(useLocation().search);
  const catalog = useCartCatalog();
  const split = part && catalog.data ? splitMixedCart(items, catalog.data.products) : null;
  const placing = split && part ? split[part] : items;
  const onPlaced = () => {
    const cart = cartStore.getState();
    if (placing === items) cart.clear();
    else for (const item of placing) cart.remove(item);
  };
  return <CheckoutFormPage items={placing} onPlaced={onPlaced} />;
}

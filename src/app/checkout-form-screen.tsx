import { cartStore, useCart } from '../features/cart/store';
import { CheckoutFormPage } from '../features/checkout/checkout-form-page';

/** The checkout form over the cart's lines; a placed order empties the cart (features meet in app/). */
export function CheckoutFormScreen() {
  const items = useCart((s) => s.items);
  return <CheckoutFormPage items={items} onPlaced={() => cartStore.getState().clear()} />;
}

import type { Product } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { usePlatform } from '../../platform/services';
import { PlusIcon } from '../../ui/icons';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { MAX_LINE_QUANTITY, cartStore, useCart } from './store';

export function useCartLine(product: Product) {
  const platform = usePlatform();
  const quantity = useCart((s) => s.items.find((i) => i.productId === product.id)?.quantity ?? 0);
  const limit = Math.min(product.stock, MAX_LINE_QUANTITY);
  const add = () => {
    if (cartStore.getState().add(product.id, product.stock)) platform.hapticImpact('light');
    else platform.hapticNotification('warning');
  };
  const decrease = () => cartStore.getState().setQuantity(product.id, quantity - 1);
  return { quantity, canAdd: quantity < limit, add, decrease };
}

/** In-page add button (card and product page) that turns into a stepper once the product is in the cart. */
export function AddToCartControl({ product, wide = false }: { product: Product; wide?: boolean }) {
  const { quantity, canAdd, add, decrease } = useCartLine(product);
  if (quantity > 0) {
    return (
      <QuantityStepper
        quantity={quantity}
        onIncrease={add}
        onDecrease={decrease}
        canIncrease={canAdd}
        increaseLabel={t('cart.increase', { title: product.title })}
        decreaseLabel={t('cart.decrease', { title: product.title })}
        removeLabel={t('cart.remove', { title: product.title })}
      />
    );
  }
  return (
    <button
      type="button"
      data-testid="add-to-cart"
      className={`button button--add ${wide ? 'button--wide' : ''}`}
      onClick={add}
      disabled={!canAdd}
      // Sold out, the words on the button are its name (a name must contain what the button says).
      aria-label={product.stock > 0 ? t('product.addNamed', { title: product.title }) : undefined}
    >
      <PlusIcon />
      {product.stock > 0 ? t('product.add') : t('product.outOfStock')}
    </button>
  );
}

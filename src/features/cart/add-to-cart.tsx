import type { Product, ProductVariant } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { navigate } from '../../platform/router';
import { usePlatform } from '../../platform/services';
import { PlusIcon } from '../../ui/icons';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { MAX_LINE_QUANTITY, cartStore, sameLine, useCart } from './store';

/** The cart line of one variant (none yet: nothing to count or add): its quantity and the steps to change it. */
export function useCartLine(product: Product, variant: ProductVariant | undefined) {
  const platform = usePlatform();
  const ref = { productId: product.id, variantId: variant?.id ?? '' };
  const stock = variant?.stock ?? 0;
  const quantity = useCart((s) => (variant && s.items.find(sameLine(ref))?.quantity) || 0);
  const add = () => {
    if (cartStore.getState().add(ref, stock)) platform.hapticImpact('light');
    else platform.hapticNotification('warning');
  };
  const decrease = () => cartStore.getState().setQuantity(ref, quantity - 1);
  return { quantity, canAdd: quantity < Math.min(stock, MAX_LINE_QUANTITY), add, decrease };
}

/**
 * In-page add button (card and product page) that turns into a stepper once the variant is in the cart.
 * On a card, a product with options (no variant chosen yet) opens its page, where they are chosen.
 */
export function AddToCartControl({
  product,
  variant = product.options?.length ? undefined : product.variants?.[0],
  wide = false,
}: {
  product: Product;
  variant?: ProductVariant | undefined;
  wide?: boolean;
}) {
  const { quantity, canAdd, add, decrease } = useCartLine(product, variant);
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
  const inStock = (variant ?? product).stock > 0;
  return (
    <button
      type="button"
      data-testid="add-to-cart"
      className={`button button--add ${wide ? 'button--wide' : ''}`}
      onClick={variant ? add : () => navigate(`/p/${product.slug}`)}
      disabled={variant && !canAdd}
      // Sold out, the words on the button are its name (a name must contain what the button says).
      aria-label={inStock ? t('product.addNamed', { title: product.title }) : undefined}
    >
      <PlusIcon />
      {inStock ? t('product.add') : t('product.outOfStock')}
    </button>
  );
}

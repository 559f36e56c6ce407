import type { Product, ProductVariant } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { navigate } from '../../platform/router';
import { usePlatform } from '../../platform/services';
import { PlusIcon } from '../../ui/icons';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { MAX_LINE_QUANTITY, cartStore, useCart } from './store';

/** The cart line of one variant: its quantity and the steps to change it. */
export function useCartLine(product: Product, variant: ProductVariant) {
  const platform = usePlatform();
  const ref = { productId: product.id, variantId: variant.id };
  const quantity = useCart((s) => s.items.find((i) => i.variantId === ref.variantId && i.productId === ref.productId)?.quantity ?? 0);
  const add = () => {
    if (cartStore.getState().add(ref, variant.stock)) platform.hapticImpact('light');
    else platform.hapticNotification('warning');
  };
  const decrease = () => cartStore.getState().setQuantity(ref, quantity - 1);
  return { quantity, canAdd: quantity < Math.min(variant.stock, MAX_LINE_QUANTITY), add, decrease };
}

/**
 * In-page add button (card and product page) that turns into a stepper once the variant is in the cart.
 * On a card, a product with options (no variant yet) opens its page, where they are chosen.
 */
export function AddToCartControl({ product, variant, wide = false }: { product: Product; variant?: ProductVariant | null; wide?: boolean }) {
  const only = variant ?? (product.options?.length ? null : product.variants?.[0]);
  if (!only) {
    return (
      <button
        type="button"
        className="button button--add"
        onClick={() => navigate(`/p/${product.slug}`)}
        aria-label={t('product.addNamed', { title: product.title })}
      >
        <PlusIcon />
        {t('product.add')}
      </button>
    );
  }
  return <VariantCartControl product={product} variant={only} wide={wide} />;
}

function VariantCartControl({ product, variant, wide }: { product: Product; variant: ProductVariant; wide: boolean }) {
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
  return (
    <button
      type="button"
      data-testid="add-to-cart"
      className={`button button--add ${wide ? 'button--wide' : ''}`}
      onClick={add}
      disabled={!canAdd}
      // Sold out, the words on the button are its name (a name must contain what the button says).
      aria-label={variant.stock > 0 ? t('product.addNamed', { title: product.title }) : undefined}
    >
      <PlusIcon />
      {variant.stock > 0 ? t('product.add') : t('product.outOfStock')}
    </button>
  );
}

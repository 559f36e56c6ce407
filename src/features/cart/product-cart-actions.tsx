import type { Product, ProductVariant } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { tCheckout } from '../../i18n/checkout-i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { navigate } from '../../platform/router';
import { PrimaryAction } from '../../ui/primary-action';
import { useCartLine } from './add-to-cart';

/** The product screen's primary action: "Add to cart" while more of the chosen variant can be added. */
export function ProductPrimaryAction({ product, variant }: { product: Product; variant: ProductVariant | null }) {
  if (!variant) {
    // Options left to choose (or a combination that is not sold): the button says what is missing.
    return <PrimaryAction text={product.stock > 0 ? tCheckout('options.chooseFirst') : t('product.outOfStock')} onClick={() => {}} disabled />;
  }
  return <VariantPrimaryAction product={product} variant={variant} />;
}

function VariantPrimaryAction({ product, variant }: { product: Product; variant: ProductVariant }) {
  const { canAdd, add } = useCartLine(product, variant);
  if (variant.stock <= 0) return <PrimaryAction text={t('product.outOfStock')} onClick={() => {}} disabled />;
  if (canAdd) return <PrimaryAction text={t('product.addToCart')} onClick={add} />;
  // Everything in stock is already in the cart: the useful next step is the cart.
  return <PrimaryAction text={tOrder('product.viewCart')} onClick={() => navigate('/cart')} />;
}

import type { Product } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { navigate } from '../../platform/router';
import { PrimaryAction } from '../../ui/primary-action';
import { useCartLine } from './add-to-cart';

/** The product screen's primary action: "Add to cart" while more can be added. */
export function ProductPrimaryAction({ product }: { product: Product }) {
  const { canAdd, add } = useCartLine(product);
  if (product.stock <= 0) return <PrimaryAction text={t('product.outOfStock')} onClick={() => {}} disabled />;
  if (canAdd) return <PrimaryAction text={t('product.addToCart')} onClick={add} />;
  // Everything in stock is already in the cart: the useful next step is the cart.
  return <PrimaryAction text={tOrder('product.viewCart')} onClick={() => navigate('/cart')} />;
}

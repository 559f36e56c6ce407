import { AddToCartControl } from '../features/cart/add-to-cart';
import { ProductPrimaryAction } from '../features/cart/product-cart-actions';
import { ProductPage } from '../features/catalog/product-page';
import { NotifyMeButton } from '../features/stock-alerts/notify-me-button';

/** The product page with the cart feature's controls and "Notify me" (features meet here, in app/). */
export function ProductScreen({ slug }: { slug: string }) {
  return (
    <ProductPage
      slug={slug}
      cartControl={(product, variant) => <AddToCartControl product={product} variant={variant ?? undefined} wide />}
      primaryAction={(product, variant) => <ProductPrimaryAction product={product} variant={variant} />}
      soldOutControl={(product, variant) => <NotifyMeButton key={variant.id} slug={product.slug} variantId={variant.id} />}
    />
  );
}

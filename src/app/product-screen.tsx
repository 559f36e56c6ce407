import { AddToCartControl } from '../features/cart/add-to-cart';
import { ProductPrimaryAction } from '../features/cart/product-cart-actions';
import { ProductPage } from '../features/catalog/product-page';

/** The product page with the cart feature's controls (features meet here, in app/). */
export function ProductScreen({ slug }: { slug: string }) {
  return (
    <ProductPage
      slug={slug}
      cartControl={(product, variant) => <AddToCartControl product={product} variant={variant ?? undefined} wide />}
      primaryAction={(product, variant) => <ProductPrimaryAction product={product} variant={variant} />}
    />
  );
}

import type { ReactNode } from 'react';
import type { Product } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { ErrorView } from '../../ui/error-view';
import { Price } from '../../ui/price';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useProduct } from './product-api';

function ProductSkeleton() {
  return (
    <Skeleton label={t('product.addToCart')}>
      <SkeletonBlock className="skeleton-block--hero" />
      <SkeletonBlock style={{ inlineSize: '60%', blockSize: '1.5rem' }} />
      <SkeletonBlock style={{ inlineSize: '30%' }} />
      <SkeletonBlock style={{ inlineSize: '90%' }} />
      <SkeletonBlock style={{ inlineSize: '80%' }} />
    </Skeleton>
  );
}

/**
 * `cartControl` (beside the price) and `primaryAction` (last, so the in-page fallback button can
 * stick to the bottom) come from the cart feature; they are composed in app/product-screen.
 */
export function ProductPage({
  slug,
  cartControl,
  primaryAction,
}: {
  slug: string;
  cartControl: (product: Product) => ReactNode;
  primaryAction: (product: Product) => ReactNode;
}) {
  const product = useProduct(slug);
  if (product.data === undefined) {
    return (
      <main className="screen" data-testid="product-page" aria-busy={product.loading}>
        {product.error !== undefined ? <ErrorView error={product.error} onRetry={product.reload} /> : <ProductSkeleton />}
      </main>
    );
  }
  const { title, description, images, priceNano, compareAtPriceNano, stock } = product.data;
  return (
    <main className="screen product-page" data-testid="product-page">
      {images[0] && <img className="product-page__image" src={images[0]} alt={t('product.imageAlt', { title })} width="600" height="600" />}
      <div className="product-page__info">
        <h1 className="product-page__title">
          <bdi>{title}</bdi>
        </h1>
        <div className="product-page__buy">
          <span className="product-page__price">
            <Price amountNano={priceNano} compareAtNano={compareAtPriceNano} />
            {stock <= 0 ? (
              <span className="stock stock--out">{t('product.outOfStock')}</span>
            ) : stock <= 5 ? (
              <span className="stock">{tOrder('product.stockLeft', { count: stock })}</span>
            ) : null}
          </span>
          {stock > 0 && cartControl(product.data)}
        </div>
        {description && (
          <p className="product-page__description" dir="auto">
            {description}
          </p>
        )}
      </div>
      {primaryAction(product.data)}
    </main>
  );
}

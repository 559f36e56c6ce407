import type { ReactNode } from 'react';
import type { Product, ProductVariant } from '../../domain/types';
import { findVariant, optionsOf, readSelection, valueStates, writeSelection, type OptionSelection } from '../../domain/variants';
import { uploadedSrcSet } from '../../ui/image-sources';
import { t } from '../../i18n/i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { tCheckout } from '../../i18n/checkout-i18n';
import { navigate, useLocation } from '../../platform/router';
import { ErrorView } from '../../ui/error-view';
import { Price } from '../../ui/price';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { OptionPickers } from './option-pickers';
import { useProduct } from './product-api';
import { ShareButton } from './share-button';

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

function StockNote({ stock }: { stock: number }) {
  if (stock <= 0) return <span className="stock stock--out">{t('product.outOfStock')}</span>;
  return stock <= 5 ? <span className="stock">{tOrder('product.stockLeft', { count: stock })}</span> : null;
}

/**
 * `cartControl` (beside the price) and `primaryAction` (last, so the in-page fallback button can
 * stick to the bottom) come from the cart feature, `soldOutControl` (in the cart control's place when the
 * chosen variant is sold out: "Notify me") from the stock alerts; they are composed in app/product-screen.
 * Each gets the variant chosen (null while an option is unchosen). The choice lives in the URL's query, replaced
 * rather than pushed: a shared link opens on it, and back from the cart comes back to it.
 */
export function ProductPage({
  slug,
  cartControl,
  primaryAction,
  soldOutControl,
}: {
  slug: string;
  cartControl: (product: Product, variant: ProductVariant | null) => ReactNode;
  soldOutControl?: (product: Product, variant: ProductVariant) => ReactNode;
  primaryAction: (product: Product, variant: ProductVariant | null) => ReactNode;
}) {
  const product = useProduct(slug);
  const { search } = useLocation();
  if (product.data === undefined) {
    return (
      <main className="screen" data-testid="product-page" aria-busy={product.loading}>
        {product.error !== undefined ? <ErrorView error={product.error} onRetry={product.reload} /> : <ProductSkeleton />}
      </main>
    );
  }
  const data = product.data;
  const { title, description, images, priceMinor, compareAtPriceMinor, stock } = data;
  const options = optionsOf(data);
  const selection = readSelection(data, search);
  const variant = findVariant(data, selection);
  const choose = (next: OptionSelection) => navigate(window.location.pathname + writeSelection(data, next, search), { replace: true });
  const image = variant?.image ?? images[0];
  const missing = options.filter((_, i) => selection[i] === null).map((o) => o.name);
  return (
    <main className="screen product-page" data-testid="product-page">
      {image && (
        <img
          key={image}
          className="product-page__image"
          data-testid="product-image"
          src={image}
          srcSet={uploadedSrcSet(image)}
          sizes="(min-width: 640px) 600px, 100vw"
          alt={t('product.imageAlt', { title })}
          width="600"
          height="600"
        />
      )}
      <div className="product-page__info">
        <div className="product-page__heading">
          <h1 className="product-page__title">
            <bdi>{title}</bdi>
          </h1>
          <ShareButton product={data} />
        </div>
        {options.length > 0 && <OptionPickers options={options} selection={selection} states={valueStates(data, selection)} onChange={choose} />}
        <div className="product-page__buy">
          <span className="product-page__price" data-testid="product-price">
            <Price amountMinor={variant?.priceMinor ?? priceMinor} currency={data.currency} compareAtMinor={compareAtPriceMinor} />
            {variant ? (
              <StockNote stock={variant.stock} />
            ) : missing.length > 0 ? (
              <span className="stock" data-testid="choose-hint">
                {tCheckout('options.choose', { options: missing.join(', ') })}
              </span>
            ) : options.length > 0 ? (
              <span className="stock stock--out">{tCheckout('options.unavailable')}</span>
            ) : (
              <StockNote stock={stock} />
            )}
          </span>
          {variant && (variant.stock > 0 ? cartControl(data, variant) : soldOutControl?.(data, variant))}
        </div>
        {description && (
          <p className="product-page__description" dir="auto">
            {description}
          </p>
        )}
      </div>
      {primaryAction(data, variant)}
    </main>
  );
}

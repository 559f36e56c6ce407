import type { ReactNode } from 'react';
import type { Product } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { Link } from '../../ui/link';
import { uploadedSrcSet } from '../../ui/image-sources';
import { Price } from '../../ui/price';

/** `aboveTheFold`: one of the first cards, on screen at once: loaded now, not when scrolled to. */
export function ProductCard({ product, cartControl, aboveTheFold = false }: { product: Product; cartControl: ReactNode; aboveTheFold?: boolean }) {
  const soldOut = product.stock <= 0;
  return (
    <li data-testid="product-card" data-slug={product.slug} className="product-card">
      <Link to={`/p/${product.slug}`} className="product-card__link">
        <span className="product-card__media">
          {product.images[0] ? (
            <img
              src={product.images[0]}
              srcSet={uploadedSrcSet(product.images[0])}
              // Two columns on a phone, a few more on a wide screen (.product-grid).
              sizes="(min-width: 600px) 25vw, 50vw"
              // The title is the link's text right below: the picture adds nothing a screen reader should repeat.
              alt=""
              loading={aboveTheFold ? 'eager' : 'lazy'}
              decoding="async"
              width="300"
              height="300"
            />
          ) : null}
          {soldOut && <span className="product-card__flag">{t('product.outOfStock')}</span>}
        </span>
        <span className="product-card__title">
          <bdi>{product.title}</bdi>
        </span>
      </Link>
      <div className="product-card__footer">
        <Price amountMinor={product.priceMinor} currency={product.currency} compareAtMinor={product.compareAtPriceMinor} />
        {cartControl}
      </div>
    </li>
  );
}

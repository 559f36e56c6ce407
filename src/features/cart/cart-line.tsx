import type { CartLine } from '../../domain/cart-lines';
import { variantLabel, writeSelection } from '../../domain/variants';
import { t } from '../../i18n/i18n';
import { tCheckout } from '../../i18n/checkout-i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { Link } from '../../ui/link';
import { formatPrice } from '../../ui/format-price';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { MAX_LINE_QUANTITY, cartStore } from './store';

export function CartLineView({ line }: { line: CartLine }) {
  const { setQuantity, remove } = cartStore.getState();
  if (line.kind !== 'available') {
    const product = line.kind === 'choose' ? line.product : null;
    return (
      <li data-testid="cart-line" data-kind={line.kind} className="cart-line cart-line--unavailable">
        <span className="cart-line__thumb" aria-hidden="true" />
        <div className="cart-line__main">
          {product ? (
            <Link to={`/p/${product.slug}`} className="cart-line__title">
              <bdi>{product.title}</bdi>
            </Link>
          ) : (
            <span className="cart-line__title">{tOrder('cart.unavailableTitle')}</span>
          )}
          <span className="cart-line__warning">{product ? tCheckout('cart.chooseOptions') : tOrder('cart.unavailable')}</span>
        </div>
        <button type="button" className="button button--small" onClick={() => remove(line.item)}>
          {tOrder('cart.removeUnavailable')}
        </button>
      </li>
    );
  }
  const { product, variant, item, lineTotalMinor, overStock } = line;
  const limit = Math.min(variant.stock, MAX_LINE_QUANTITY);
  const label = variantLabel(variant);
  const image = variant.image ?? product.images[0];
  return (
    <li data-testid="cart-line" data-slug={product.slug} data-variant={label} className={`cart-line ${overStock ? 'cart-line--warn' : ''}`}>
      {image ? (
        <img className="cart-line__thumb" src={image} alt={product.title} width="64" height="64" />
      ) : (
        <span className="cart-line__thumb" aria-hidden="true" />
      )}
      <div className="cart-line__main">
        <Link to={`/p/${product.slug}${writeSelection(product, variant.optionValues, '')}`} className="cart-line__title">
          <bdi>{product.title}</bdi>
        </Link>
        {label && (
          <span className="cart-line__variant" data-testid="cart-line-variant">
            <bdi>{label}</bdi>
          </span>
        )}
        <span className="cart-line__unit money">{formatPrice(variant.priceMinor, product.currency)}</span>
        {overStock && (
          <span className="cart-line__warning">
            {variant.stock > 0 ? tOrder('cart.overStock', { count: variant.stock }) : t('product.outOfStock')}{' '}
            <button type="button" className="link-button" onClick={() => (variant.stock > 0 ? setQuantity(item, variant.stock) : remove(item))}>
              {variant.stock > 0 ? tOrder('cart.fixQuantity', { count: variant.stock }) : tOrder('cart.removeUnavailable')}
            </button>
          </span>
        )}
      </div>
      <div className="cart-line__side">
        <QuantityStepper
          quantity={item.quantity}
          onIncrease={() => setQuantity(item, item.quantity + 1)}
          onDecrease={() => setQuantity(item, item.quantity - 1)}
          canIncrease={item.quantity < limit}
          increaseLabel={t('cart.increase', { title: product.title })}
          decreaseLabel={t('cart.decrease', { title: product.title })}
          removeLabel={t('cart.remove', { title: product.title })}
          testIds={{ inc: 'qty-inc', dec: 'qty-dec' }}
        />
        <span className="cart-line__total money">{formatPrice(lineTotalMinor, product.currency)}</span>
      </div>
    </li>
  );
}

import type { CartLine } from '../../domain/cart-lines';
import { t } from '../../i18n/i18n';
import { tOrder } from '../../i18n/orders-i18n';
import { Link } from '../../ui/link';
import { formatPrice } from '../../ui/price';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { MAX_LINE_QUANTITY, cartStore } from './store';

export function CartLineView({ line }: { line: CartLine }) {
  const { setQuantity, remove } = cartStore.getState();
  if (line.kind === 'unavailable') {
    return (
      <li data-testid="cart-line" className="cart-line cart-line--unavailable">
        <span className="cart-line__thumb" aria-hidden="true" />
        <div className="cart-line__main">
          <span className="cart-line__title">{tOrder('cart.unavailableTitle')}</span>
          <span className="cart-line__warning">{tOrder('cart.unavailable')}</span>
        </div>
        <button type="button" className="button button--small" onClick={() => remove(line.item.productId)}>
          {tOrder('cart.removeUnavailable')}
        </button>
      </li>
    );
  }
  const { product, item, lineTotalNano, overStock } = line;
  const limit = Math.min(product.stock, MAX_LINE_QUANTITY);
  return (
    <li data-testid="cart-line" data-slug={product.slug} className={`cart-line ${overStock ? 'cart-line--warn' : ''}`}>
      {product.images[0] ? (
        <img className="cart-line__thumb" src={product.images[0]} alt={product.title} width="64" height="64" />
      ) : (
        <span className="cart-line__thumb" aria-hidden="true" />
      )}
      <div className="cart-line__main">
        <Link to={`/p/${product.slug}`} className="cart-line__title">
          <bdi>{product.title}</bdi>
        </Link>
        <span className="cart-line__unit money">{formatPrice(product.priceNano)}</span>
        {overStock && (
          <span className="cart-line__warning">
            {product.stock > 0 ? tOrder('cart.overStock', { count: product.stock }) : t('product.outOfStock')}{' '}
            <button type="button" className="link-button" onClick={() => (product.stock > 0 ? setQuantity(product.id, product.stock) : remove(product.id))}>
              {product.stock > 0 ? tOrder('cart.fixQuantity', { count: product.stock }) : tOrder('cart.removeUnavailable')}
            </button>
          </span>
        )}
      </div>
      <div className="cart-line__side">
        <QuantityStepper
          quantity={item.quantity}
          onIncrease={() => setQuantity(product.id, item.quantity + 1)}
          onDecrease={() => setQuantity(product.id, item.quantity - 1)}
          canIncrease={item.quantity < limit}
          increaseLabel={t('cart.increase', { title: product.title })}
          decreaseLabel={t('cart.decrease', { title: product.title })}
          removeLabel={t('cart.remove', { title: product.title })}
          testIds={{ inc: 'qty-inc', dec: 'qty-dec' }}
        />
        <span className="cart-line__total money">{formatPrice(lineTotalNano)}</span>
      </div>
    </li>
  );
}

import { formatNumber, t } from '../../i18n/i18n';
import { CartIcon } from '../../ui/icons';
import { Link } from '../../ui/link';
import { countItems, useCart } from './store';

/** Header link to the cart; its text is the item count (empty when the cart is). */
export function CartBadge() {
  const count = useCart((s) => countItems(s.items));
  return (
    <Link to="/cart" data-testid="cart-badge" className="icon-button cart-badge" aria-label={count > 0 ? t('nav.cartWithCount', { count }) : t('nav.cart')}>
      <CartIcon />
      {count > 0 && (
        <span className="cart-badge__count" aria-hidden="true">
          {formatNumber(count)}
        </span>
      )}
    </Link>
  );
}

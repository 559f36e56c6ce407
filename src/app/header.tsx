import { CartBadge } from '../features/cart/cart-badge';
import { t } from '../i18n/i18n';
import { goBack } from '../platform/router';
import { BackIcon, OrdersIcon } from '../ui/icons';
import { Link } from '../ui/link';

/** Top bar. The in-page back arrow appears only where Telegram's BackButton doesn't. */
export function Header({ showBack }: { showBack: boolean }) {
  return (
    <header className="app-header">
      {showBack ? (
        <button type="button" className="icon-button" aria-label={t('nav.back')} onClick={() => goBack()}>
          <BackIcon />
        </button>
      ) : null}
      <Link to="/" className="app-header__brand">
        {t('app.name')}
      </Link>
      <nav className="app-header__nav">
        <Link to="/orders" data-testid="orders-link" className="icon-button" aria-label={t('nav.orders')} title={t('nav.orders')}>
          <OrdersIcon />
        </Link>
        <CartBadge />
      </nav>
    </header>
  );
}

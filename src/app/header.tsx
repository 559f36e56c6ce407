import { Suspense } from 'react';
import { AccountLink } from '../features/auth/account-link';
import { CartBadge } from '../features/cart/cart-badge';
import { t } from '../i18n/i18n';
import { LanguageSelect } from '../i18n/language-select';
import { chooseLocale } from '../i18n/locale-choice';
import type { Locale } from '../i18n/supported-locales';
import { resourceKeys } from '../platform/resource-keys';
import { goBack } from '../platform/router';
import { useResourceCache } from '../platform/services';
import { BackIcon, OrdersIcon } from '../ui/icons';
import { Link } from '../ui/link';
import { LazyAdminEntry } from './lazy-screens';

/** Top bar. The in-page back arrow appears only where Telegram's BackButton doesn't. */
export function Header({ showBack, web }: { showBack: boolean; web: boolean }) {
  const cache = useResourceCache();
  // Product texts come translated from the server: marked stale before the new language renders, the
  // remounted screens (app.tsx) fetch them again in it.
  const switchLanguage = (locale: Locale) =>
    chooseLocale(locale, window, () => {
      cache.invalidate(resourceKeys.catalog);
      cache.invalidate('product');
    });
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
      <LanguageSelect onSelect={(locale) => void switchLanguage(locale).catch(() => {})} />
      <nav className="app-header__nav">
        <Suspense fallback={null}>
          <LazyAdminEntry />
        </Suspense>
        {web && <AccountLink />}
        <Link to="/orders" data-testid="orders-link" className="icon-button" aria-label={t('nav.orders')} title={t('nav.orders')}>
          <OrdersIcon />
        </Link>
        <CartBadge />
      </nav>
    </header>
  );
}

import { Fragment, useEffect, useRef } from 'react';
import { useMessengerMiniApp } from '../features/auth/use-messenger-mini-app';
import { cartStore, syncCartAcrossTabs } from '../features/cart/store';
import { startCartSync } from '../features/cart/sync-cart';
import { t, useLocale } from '../i18n/i18n';
import { goBack, useLocation } from '../platform/router';
import { isWebMode } from '../platform/platform';
import { useApi, usePlatform } from '../platform/services';
import { readSignedIn } from '../platform/web-session';
import { Header } from './header';
import { prefetchPayment, prefetchScreens } from './lazy-screens';
import { isHome, renderRoute } from './routes';

export function App() {
  const platform = usePlatform();
  const api = useApi();
  const { pathname } = useLocation();
  const home = isHome(pathname);
  const locale = useLocale();
  // Bale and the like open the web storefront as their Mini App (docs/messengers.md).
  useMessengerMiniApp(isWebMode(platform));

  useEffect(() => {
    // Tells Telegram to drop its loading placeholder once the first screen is on the page.
    platform.ready();
    prefetchScreens(window);
    return syncCartAcrossTabs(window);
  }, [platform]);

  // The shop's copy of the cart, for its one abandoned-cart reminder; only for someone signed in. Sent
  // without the web's sign-in gate (`auth` unset): a background copy must never send a person to sign in.
  useEffect(
    () =>
      startCartSync({
        store: cartStore,
        put: (items) => api.call('/api/cart', { method: 'PUT', body: { items } }),
        signedIn: () => !isWebMode(platform) || readSignedIn(),
      }),
    [api, platform],
  );

  useEffect(() => {
    if (pathname === '/cart') prefetchPayment();
  }, [pathname]);

  // A new screen takes the focus (the link that led here is gone), so Tab continues inside it.
  const content = useRef<HTMLDivElement>(null);
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) firstScreen.current = false;
    else content.current?.focus({ preventScroll: true });
  }, [pathname]);

  // Telegram's BackButton on every screen but the catalog, wired to history back.
  useEffect(() => {
    platform.setBackButton(home ? null : () => goBack());
  }, [platform, home]);

  return (
    <div className="app">
      <a href="#content" className="skip-link" onClick={(event) => (event.preventDefault(), content.current?.focus())}>
        {t('nav.skip')}
      </a>
      <div className="app-top">
        {platform.devMode && (
          <div data-testid="dev-banner" className="dev-banner" role="note">
            {t('app.devBanner')}
          </div>
        )}
        <Header showBack={!home && !platform.insideTelegram} web={isWebMode(platform)} />
      </div>
      {/* A new language remounts the screen, so it refetches the product texts in that language. */}
      <div id="content" ref={content} tabIndex={-1} className="app-content">
        <Fragment key={locale}>{renderRoute(pathname)}</Fragment>
      </div>
    </div>
  );
}

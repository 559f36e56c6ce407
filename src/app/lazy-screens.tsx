// Only the catalog (the landing screen) and the shell are in the initial bundle (budget with the CSS:
// 70 KiB gzip on the web, 80 KiB inside Telegram, bench/bundle-size.mjs). Every other screen is split out and prefetched once the browser
// is idle, so opening it later rarely waits on the network.
import { lazy, useEffect, useState } from 'react';
import { isWebMode } from '../platform/platform';
import { usePlatform } from '../platform/services';
import type { PushOptIn } from '../features/push/push-opt-in';

const loaders = {
  product: () => import('./product-screen'),
  cart: () => import('../features/cart/cart-page'),
  checkoutForm: () => import('./checkout-form-screen'),
  checkout: () => import('./checkout-screen'),
  orders: () => import('../features/orders/orders-page'),
  order: () => import('../features/orders/order-page'),
};

export const LazyProductScreen = lazy(() => loaders.product().then((m) => ({ default: m.ProductScreen })));
export const LazyCartPage = lazy(() => loaders.cart().then((m) => ({ default: m.CartPage })));
export const LazyCheckoutFormScreen = lazy(() => loaders.checkoutForm().then((m) => ({ default: m.CheckoutFormScreen })));
export const LazyCheckoutScreen = lazy(() => loaders.checkout().then((m) => ({ default: m.CheckoutScreen })));
export const LazyOrdersPage = lazy(() => loaders.orders().then((m) => ({ default: m.OrdersPage })));
export const LazyOrderPage = lazy(() => loaders.order().then((m) => ({ default: m.OrderPage })));

// Web Push's opt-in is for the web storefront only: inside Telegram its chunk is never fetched. Loaded by
// an effect rather than by lazy() with a Suspense of its own nested in the (lazy) order screens': an
// aside that arrives late simply appears, and the screen around it never suspends for it.
export function PushOptInSlot() {
  const platform = usePlatform();
  const web = isWebMode(platform);
  const [Loaded, setLoaded] = useState<typeof PushOptIn | null>(null);
  useEffect(() => {
    if (!web) return;
    let live = true;
    import('../features/push/push-opt-in').then(
      (m) => live && setLoaded(() => m.PushOptIn),
      // Offline or a new deploy: the order screen goes on without the opt-in.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [web]);
  return web && Loaded ? <Loaded /> : null;
}

// Sign-in and the account are for the web (and linking a wallet in the Mini App): loaded when opened.
const loadAuthScreens = () => import('./auth-screens');
export const LazySignInScreen = lazy(() => loadAuthScreens().then((m) => ({ default: m.SignInScreen })));
export const LazyAccountScreen = lazy(() => loadAuthScreens().then((m) => ({ default: m.AccountScreen })));

// The admin area is not prefetched: only admins open it. Its entry (a tiny chunk that asks the server
// whether this person is one) loads once the browser is idle after the first screen.
let markIdle = () => {};
const idle = new Promise<void>((resolve) => (markIdle = resolve));
export const LazyAdminEntry = lazy(() => idle.then(() => import('../features/admin/shell/admin-entry')));
export const LazyAdminApp = lazy(() => import('./admin-screens'));

export function prefetchScreens(win: Window): void {
  const run = () => {
    markIdle();
    Object.values(loaders).forEach((load) => void load().catch(() => {}));
  };
  if ('requestIdleCallback' in win) win.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 1000);
}

/** Warms the TON Connect chunk (~120 KB gzip) only once a checkout is likely: from the cart on. */
export function prefetchPayment(): void {
  void import('../features/payment/payment-panel').catch(() => {});
}

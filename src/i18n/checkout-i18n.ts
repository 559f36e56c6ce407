import { enCheckout, type CheckoutMessageKey } from './en-checkout';
import { createLazyCatalog } from './lazy-catalog';

/** Translates a key of the checkout's catalog (en-checkout.ts); the active locale's loads on first use. */
export const tCheckout: (key: CheckoutMessageKey, params?: Record<string, string | number>) => string = createLazyCatalog(enCheckout, {
  ru: () => import('./ru-checkout').then((m) => m.ruCheckout),
  fa: () => import('./fa-checkout').then((m) => m.faCheckout),
  hi: () => import('./hi-checkout').then((m) => m.hiCheckout),
});

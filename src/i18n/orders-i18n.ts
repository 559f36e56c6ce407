import { enOrders, type OrdersMessageKey } from './en-orders';
import { currentLocale, formatMessage, notifyMessagesChanged, subscribeMessages } from './i18n';
import type { Catalog } from './types';

// Catalogs for the order screens by locale. This module ships with those (lazily loaded) screens, and
// the active locale's catalog follows it here: a person who never opens an order never downloads it.
const catalogs: Record<string, Catalog> = { en: enOrders };
const loaders: Record<string, () => Promise<Catalog>> = {
  ru: () => import('./ru-orders').then((m) => m.ruOrders),
  fa: () => import('./fa-orders').then((m) => m.faOrders),
  hi: () => import('./hi-orders').then((m) => m.hiOrders),
};
const requested = new Set<string>(['en']);

function loadOrderMessages(locale: string): void {
  const load = loaders[locale];
  if (!load || requested.has(locale)) return;
  requested.add(locale);
  load().then(
    (catalog) => {
      catalogs[locale] = catalog;
      notifyMessagesChanged();
    },
    // English stays on screen; the next switch to this locale tries again.
    () => requested.delete(locale),
  );
}

loadOrderMessages(currentLocale());
subscribeMessages(() => loadOrderMessages(currentLocale()));

/** Translates a key of the order screens' catalog (en-orders.ts) into the current locale. */
export function tOrder(key: OrdersMessageKey, params?: Record<string, string | number>): string {
  return formatMessage(catalogs[currentLocale()]?.[key] ?? enOrders[key], params);
}

import { enOrders, type OrdersMessageKey } from './en-orders';
import { createLazyCatalog } from './lazy-catalog';

// Catalogs for the order screens by locale. This module ships with those (lazily loaded) screens, and
// the active locale's catalog follows it here: a person who never opens an order never downloads it.
/** Translates a key of the order screens' catalog (en-orders.ts) into the current locale. */
export const tOrder: (key: OrdersMessageKey, params?: Record<string, string | number>) => string = createLazyCatalog(enOrders, {
  ru: () => import('./ru-orders').then((m) => m.ruOrders),
  fa: () => import('./fa-orders').then((m) => m.faOrders),
  hi: () => import('./hi-orders').then((m) => m.hiOrders),
});

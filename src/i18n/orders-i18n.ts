import { enOrders, type OrdersMessageKey } from './en-orders';
import { currentLocale, formatMessage } from './i18n';
import type { Catalog } from './types';

// Catalogs for the order screens by locale, loaded with those screens; English is the fallback.
const catalogs: Record<string, Catalog> = { en: enOrders };

/** Registers a locale's order-screen messages (its chunk loads them alongside en.ts's counterpart). */
export function setOrderMessages(locale: string, catalog: Catalog): void {
  catalogs[locale] = catalog;
}

/** Translates a key of the order screens' catalog (en-orders.ts) into the current locale. */
export function tOrder(key: OrdersMessageKey, params?: Record<string, string | number>): string {
  return formatMessage(catalogs[currentLocale()]?.[key] ?? enOrders[key], params);
}

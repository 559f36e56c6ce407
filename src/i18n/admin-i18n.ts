import { enAdmin, type AdminMessageKey } from './en-admin';
import { currentLocale, formatMessage, notifyMessagesChanged, subscribeMessages } from './i18n';
import type { Catalog } from './types';

// Catalogs for the admin screens by locale, modelled on orders-i18n.ts. This module ships with the admin
// chunk only (customers never download it), and the active locale's catalog follows it here. Until a
// locale has an admin catalog, its admins read English.
const catalogs: Record<string, Catalog> = { en: enAdmin };
const loaders: Record<string, () => Promise<Catalog>> = {
  ru: () => import('./ru-admin').then((m) => m.ruAdmin),
  fa: () => import('./fa-admin').then((m) => m.faAdmin),
  hi: () => import('./hi-admin').then((m) => m.hiAdmin),
};
const requested = new Set<string>(['en']);

function loadAdminMessages(locale: string): void {
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

loadAdminMessages(currentLocale());
subscribeMessages(() => loadAdminMessages(currentLocale()));

/** Translates a key of the admin catalog (en-admin.ts) into the current locale. */
export function tAdmin(key: AdminMessageKey, params?: Record<string, string | number>): string {
  return formatMessage(catalogs[currentLocale()]?.[key] ?? enAdmin[key], params);
}

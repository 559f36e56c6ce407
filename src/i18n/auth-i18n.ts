import { enAuth, type AuthMessageKey } from './en-auth';
import { currentLocale, formatMessage, notifyMessagesChanged, subscribeMessages } from './i18n';
import type { Catalog } from './types';

// Catalogs for the sign-in and account screens by locale, modelled on orders-i18n.ts: this module ships
// with those (lazily loaded) screens, and the active locale's catalog follows it here.
const catalogs: Record<string, Catalog> = { en: enAuth };
const loaders: Record<string, () => Promise<Catalog>> = {
  ru: () => import('./ru-auth').then((m) => m.ruAuth),
  fa: () => import('./fa-auth').then((m) => m.faAuth),
  hi: () => import('./hi-auth').then((m) => m.hiAuth),
};
const requested = new Set<string>(['en']);

function loadAuthMessages(locale: string): void {
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

loadAuthMessages(currentLocale());
subscribeMessages(() => loadAuthMessages(currentLocale()));

/** Translates a key of the sign-in and account catalog (en-auth.ts) into the current locale. */
export function tAuth(key: AuthMessageKey, params?: Record<string, string | number>): string {
  return formatMessage(catalogs[currentLocale()]?.[key] ?? enAuth[key], params);
}

import { currentLocale, formatMessage, notifyMessagesChanged, subscribeMessages } from './i18n';
import type { Catalog, Message } from './types';

/**
 * A translator for a screen group's own catalog (orders, sign-in, admin): English ships with the screens,
 * and only the active locale's catalog is fetched, again whenever the locale changes. Until it arrives (or
 * if it fails: the next switch to that locale tries again), English is shown.
 */
export function createLazyCatalog<Key extends string>(
  english: Readonly<Record<Key, Message>>,
  loaders: Readonly<Record<string, () => Promise<Catalog>>>,
): (key: Key, params?: Record<string, string | number>) => string {
  const catalogs: Record<string, Catalog> = { en: english };
  const requested = new Set<string>(['en']);

  const load = (locale: string): void => {
    const loader = loaders[locale];
    if (!loader || requested.has(locale)) return;
    requested.add(locale);
    loader().then(
      (catalog) => {
        catalogs[locale] = catalog;
        notifyMessagesChanged();
      },
      () => requested.delete(locale),
    );
  };

  load(currentLocale());
  subscribeMessages(() => load(currentLocale()));
  return (key, params) => formatMessage(catalogs[currentLocale()]?.[key] ?? english[key], params);
}

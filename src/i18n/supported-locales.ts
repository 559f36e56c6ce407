// The languages the storefront speaks. English is built in; the others load on demand (load-locale.ts).
export const LOCALES = ['en', 'ru', 'fa', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];

// Each language's name in that language, the same in every catalog: a person looking for their own
// language must recognise it whatever language the page is in now.
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  fa: 'فارسی',
  hi: 'हिन्दी',
};

/** The supported locale for a BCP 47 tag or Telegram `language_code` ("ru-RU", "fa", "pt-br"), else null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

/**
 * The first supported locale among `candidates`, most wanted first, else English. The caller lists the
 * person's own choice (saved from the switcher), then Telegram's `language_code`, then the browser's
 * languages.
 */
export function detectLocale(candidates: readonly (string | null)[]): Locale {
  for (const tag of candidates) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

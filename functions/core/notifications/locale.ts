import { SHOP_LANGUAGES } from '../admin/shop-settings';

/** The languages the bot and the notifications speak: the shop's languages. */
export const LOCALES = SHOP_LANGUAGES;
export type Locale = (typeof LOCALES)[number];

/**
 * The locale for a Telegram `language_code` (an IETF tag such as `ru`, `pt-br`, `fa-IR`), matching on the
 * primary language; anything else, or nothing, is English.
 */
export function pickLocale(languageCode: string | null | undefined): Locale {
  const primary = languageCode?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
}

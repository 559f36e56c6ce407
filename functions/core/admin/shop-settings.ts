import { DEFAULT_ABANDONED_CART_HOURS, MAX_ABANDONED_CART_HOURS } from '../reminders/abandoned-cart';

/** The languages the shop speaks (messages, catalog translations); `fa` is written right to left. */
export const SHOP_LANGUAGES = ['en', 'ru', 'fa', 'hi'] as const;
export type ShopLanguage = (typeof SHOP_LANGUAGES)[number];

/** How prices are shown: `code` → "1.5 TON", `symbol` → "💎 1.5". Amounts are always whole TON decimals. */
export const CURRENCY_DISPLAYS = ['code', 'symbol'] as const;
export type CurrencyDisplay = (typeof CURRENCY_DISPLAYS)[number];

/** What the merchant sets in the admin screens; stored as one JSON document (shop_settings key `shop`). */
export interface ShopSettings {
  name: string;
  description: string;
  currencyDisplay: CurrencyDisplay;
  defaultLanguage: ShopLanguage;
  languages: ShopLanguage[];
  /** ISO 3166 two-letter code of where the shop is (phone numbers written without a country code), or ''. */
  country: string;
  /**
   * What the bot answers to /paysupport: how to reach the shop about a payment. Telegram's Stars terms ask
   * every bot that takes Stars to answer that command. '' until the merchant writes one (a default is said).
   */
  paySupportText: string;
  /**
   * A signed-in customer whose cart has waited this many hours without an order gets one reminder
   * (core/reminders/abandoned-cart.ts); 0 turns reminders off.
   */
  abandonedCartHours: number;
}

/** The settings of a shop whose merchant has saved none yet: the configured name, every language. */
export function defaultShopSettings(shopName: string): ShopSettings {
  return {
    name: shopName,
    description: '',
    currencyDisplay: 'code',
    defaultLanguage: 'en',
    languages: [...SHOP_LANGUAGES],
    country: '',
    paySupportText: '',
    abandonedCartHours: DEFAULT_ABANDONED_CART_HOURS,
  };
}

/**
 * Reads a stored settings document defensively: a field that is missing or no longer valid (an older
 * version wrote it) falls back to the default instead of breaking the shop's front page.
 */
export function readShopSettings(stored: unknown, shopName: string): ShopSettings {
  const defaults = defaultShopSettings(shopName);
  if (!stored || typeof stored !== 'object') return defaults;
  const s = stored as Record<string, unknown>;
  const languages = Array.isArray(s.languages) ? SHOP_LANGUAGES.filter((l) => (s.languages as unknown[]).includes(l)) : defaults.languages;
  const defaultLanguage = isOneOf(s.defaultLanguage, SHOP_LANGUAGES) ? s.defaultLanguage : defaults.defaultLanguage;
  return {
    name: typeof s.name === 'string' && s.name.trim() !== '' ? s.name : defaults.name,
    description: typeof s.description === 'string' ? s.description : defaults.description,
    currencyDisplay: isOneOf(s.currencyDisplay, CURRENCY_DISPLAYS) ? s.currencyDisplay : defaults.currencyDisplay,
    defaultLanguage,
    languages: languages.includes(defaultLanguage) ? languages : [defaultLanguage, ...languages],
    country: typeof s.country === 'string' && /^[A-Z]{2}$/.test(s.country) ? s.country : defaults.country,
    paySupportText: typeof s.paySupportText === 'string' ? s.paySupportText : defaults.paySupportText,
    abandonedCartHours:
      Number.isInteger(s.abandonedCartHours) && (s.abandonedCartHours as number) >= 0 && (s.abandonedCartHours as number) <= MAX_ABANDONED_CART_HOURS
        ? (s.abandonedCartHours as number)
        : defaults.abandonedCartHours,
  };
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

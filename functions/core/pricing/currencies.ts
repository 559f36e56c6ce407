/**
 * The money a shop can price in and the assets it can be paid in. Every amount in Bazaar is an integer
 * in the smallest unit of its currency (cents, kopecks, nanotons, micro-USDT), with the currency's code
 * stored beside it; `minorDigits` says how many of those units make one whole unit.
 */
export const PAYMENT_ASSETS = ['TON', 'USDT'] as const;
export type PaymentAsset = (typeof PAYMENT_ASSETS)[number];

export const FIAT_CURRENCIES = ['USD', 'EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'] as const;
export type FiatCurrency = (typeof FIAT_CURRENCIES)[number];

export type PricingCurrency = PaymentAsset | FiatCurrency;
export const PRICING_CURRENCIES: readonly PricingCurrency[] = [...PAYMENT_ASSETS, ...FIAT_CURRENCIES];

export interface CurrencyInfo {
  code: PricingCurrency;
  kind: 'asset' | 'fiat';
  /** Smallest units per whole unit, as a power of ten. */
  minorDigits: number;
}

const INFO: Record<PricingCurrency, CurrencyInfo> = {
  // TON counts in nanotons; USDT on TON is a jetton with 6 decimals (its metadata says so, TEP-64), never 9.
  TON: { code: 'TON', kind: 'asset', minorDigits: 9 },
  USDT: { code: 'USDT', kind: 'asset', minorDigits: 6 },
  USD: { code: 'USD', kind: 'fiat', minorDigits: 2 },
  EUR: { code: 'EUR', kind: 'fiat', minorDigits: 2 },
  RUB: { code: 'RUB', kind: 'fiat', minorDigits: 2 },
  INR: { code: 'INR', kind: 'fiat', minorDigits: 2 },
  AED: { code: 'AED', kind: 'fiat', minorDigits: 2 },
  TRY: { code: 'TRY', kind: 'fiat', minorDigits: 2 },
  // ISO 4217 gives the rial 2 minor digits, but no fraction of a rial has been used in living memory and
  // prices are written in whole rials (or tomans, see below): counting in rials keeps every price exact.
  IRR: { code: 'IRR', kind: 'fiat', minorDigits: 0 },
};

export function currencyInfo(code: PricingCurrency): CurrencyInfo {
  return INFO[code];
}

export function isPricingCurrency(code: string): code is PricingCurrency {
  return Object.hasOwn(INFO, code);
}

export function isPaymentAsset(code: string): code is PaymentAsset {
  return (PAYMENT_ASSETS as readonly string[]).includes(code);
}

/**
 * Iranians say prices in tomans (10 rials) while the currency and every bank statement is in rials: a
 * price is kept in rials and shown in tomans. The shown figure drops the last rial digit only when it is 0,
 * so nothing is rounded away.
 */
export const RIALS_PER_TOMAN = 10n;

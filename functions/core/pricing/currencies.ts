import { MINOR_DIGITS } from '../../../contract/format-money';

/**
 * The money a shop can price in and the assets it can be paid in. Every amount in Bazaar is an integer
 * in the smallest unit of its currency (cents, kopecks, nanotons, micro-USDT), with the currency's code
 * stored beside it; `minorDigits` says how many of those units make one whole unit. Rials are kept whole
 * and shown as tomans where nothing is rounded away (contract/format-money.ts).
 */
export const PAYMENT_ASSETS = ['TON', 'USDT'] as const;
export type PaymentAsset = (typeof PAYMENT_ASSETS)[number];

export const FIAT_CURRENCIES = ['USD', 'EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'] as const;
export type FiatCurrency = (typeof FIAT_CURRENCIES)[number];

export type PricingCurrency = PaymentAsset | FiatCurrency;
export const PRICING_CURRENCIES = [...PAYMENT_ASSETS, ...FIAT_CURRENCIES] as const;

export interface CurrencyInfo {
  code: PricingCurrency;
  kind: 'asset' | 'fiat';
  /** Smallest units per whole unit, as a power of ten. */
  minorDigits: number;
}

// The minor digits are the contract's (contract/format-money.ts), so the Mini App shows what the server counts.
const INFO = Object.fromEntries(
  PRICING_CURRENCIES.map((code) => [code, { code, kind: isPaymentAsset(code) ? 'asset' : 'fiat', minorDigits: MINOR_DIGITS[code] }]),
) as Record<PricingCurrency, CurrencyInfo>;

export function currencyInfo(code: PricingCurrency): CurrencyInfo {
  return INFO[code];
}

export function isPricingCurrency(code: string): code is PricingCurrency {
  return Object.hasOwn(INFO, code);
}

export function isPaymentAsset(code: string): code is PaymentAsset {
  return (PAYMENT_ASSETS as readonly string[]).includes(code);
}

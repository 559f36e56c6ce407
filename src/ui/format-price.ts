// Prices in their currency, for the screens that load after the first one (cart, checkout, orders, admin).
// It imports contract/format-money.ts, which the first screen must not: that screen's prices go through
// <Price> (price.tsx), which loads this module only when the shop does not price in TON.
import { formatMoneyInLocale, type MoneyCurrency } from '../domain/format-money';
import { currentLocale } from '../i18n/i18n';

export type { MoneyCurrency } from '../domain/format-money';

/**
 * `amountMinor` (integer minor units of `currency`) in the active locale: "1.5 TON", "$12.50",
 * "۱۲٬۵۰۰ تومان". A shop or order that names no currency (an older server) counts nanotons.
 */
export const formatPrice = (amountMinor: string, currency: MoneyCurrency | undefined = 'TON'): string =>
  formatMoneyInLocale(amountMinor, currency, currentLocale());

/** A payment's amount in its asset: nanotons as TON, micro-USDT (6 decimals) as USDT. */
export const formatPaymentAmount = (amount: string, asset: string | undefined): string => formatPrice(amount, asset === 'USDT' ? 'USDT' : 'TON');

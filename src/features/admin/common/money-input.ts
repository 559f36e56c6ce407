// Prices typed in the shop's pricing currency ("12.5" in a USD shop) and sent as integers of its minor
// unit ("1250" cents): as many fraction digits as the currency has (contract/format-money.ts MINOR_DIGITS:
// USD 2, IRR 0, TON 9), never rounded. Decimal string math only (decimal-amount.ts).
import { MINOR_DIGITS, type MoneyCurrency } from '../../../domain/format-money';
import { formatDecimalInput, parseDecimalInput, type AmountInputResult } from './decimal-amount';

/** What a person typed as an amount of `currency`, in its minor units: USD "12.5" → "1250", "12.505" → tooPrecise. */
export function parseMoneyInput(text: string, currency: MoneyCurrency): AmountInputResult {
  return parseDecimalInput(text, MINOR_DIGITS[currency], currency);
}

/** Minor units of `currency` as an editable amount: USD "1250" → "12.5" (no grouping, no unit). */
export function formatMoneyInput(minor: string, currency: MoneyCurrency): string {
  return formatDecimalInput(minor, MINOR_DIGITS[currency]);
}

/** The fraction digits `currency` allows, for "USD has at most 2 decimal places". */
export const minorDigitsOf = (currency: MoneyCurrency): number => MINOR_DIGITS[currency];

/** An amount to show as "e.g. …" beside a price field, in the locale's digits: 12.5 dollars, 250000 rials, 1.5 TON. */
export function exampleAmount(currency: MoneyCurrency, locale: string): string {
  const digits = MINOR_DIGITS[currency];
  const example = digits === 0 ? 250_000 : digits === 2 ? 12.5 : 1.5;
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(example);
}

// Any amount Bazaar counts, for people: integer minor units in, the locale's digits and the currency's
// sign out, exactly (BigInt parts, never a float). Apart from money.ts, which the Mini App's first screen
// loads, because only fiat-priced shops and the payment panel's quotes need it.
import { formatTon } from './format-ton';
import { splitMinorUnits } from './money';

/** The currencies a shop prices in and the assets it is paid in (functions/core/pricing/currencies.ts). */
export const MINOR_DIGITS = {
  // TON counts in nanotons; USDT on TON is a jetton with 6 decimals (TEP-64 metadata), never 9.
  TON: 9,
  USDT: 6,
  USD: 2,
  EUR: 2,
  RUB: 2,
  INR: 2,
  AED: 2,
  TRY: 2,
  // ISO 4217 gives the rial 2 minor digits, but no fraction of a rial is in use: whole rials keep every price exact.
  IRR: 0,
} as const;
export type MoneyCurrency = keyof typeof MINOR_DIGITS;

export function isMoneyCurrency(code: string): code is MoneyCurrency {
  return Object.hasOwn(MINOR_DIGITS, code);
}

/** Rials per toman: Iranians say prices in tomans while every price and statement is in rials. */
const RIALS_PER_TOMAN = 10n;
const TOMAN_WORD: Record<string, string> = { fa: 'تومان', en: 'toman', ru: 'томан', hi: 'तोमान' };

/**
 * `amountMinor` (a decimal string of the currency's smallest unit) in `locale`:
 * - TON and USDT as the number and the code, every significant fraction digit kept ("1.5 TON", "12.25 USDT");
 * - fiat in the locale's currency format with all its minor digits ("$12.50", "12,50 €", "₹12.50");
 * - rials as tomans when the last rial digit is 0 (nothing is rounded away), else as rials.
 * @throws InvalidAmountError (contract/money.ts) for anything but an integer string
 */
export function formatMoneyInLocale(amountMinor: string, currency: MoneyCurrency, locale: string): string {
  const digits = MINOR_DIGITS[currency];
  if (currency === 'TON' || currency === 'USDT') return `${formatDecimal(splitMinorUnits(amountMinor, digits), locale, 0)} ${currency}`;
  if (currency === 'IRR') {
    const { negative, whole } = splitMinorUnits(amountMinor, 0);
    const rials = BigInt(whole);
    if (rials % RIALS_PER_TOMAN === 0n) {
      const tomans = formatDecimal({ negative, whole: String(rials / RIALS_PER_TOMAN), fraction: '' }, locale, 0);
      return `${tomans} ${TOMAN_WORD[locale.slice(0, 2).toLowerCase()] ?? TOMAN_WORD.en}`;
    }
    return formatFiat({ negative, whole, fraction: '' }, 'IRR', 0, locale);
  }
  return formatFiat(splitMinorUnits(amountMinor, digits), currency, digits, locale);
}

interface Parts {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** The number alone, in the locale's digits, grouping and decimal sign; the fraction padded to `minFraction`. */
function formatDecimal({ negative, whole, fraction }: Parts, locale: string, minFraction: number): string {
  const format = (value: bigint | number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value);
  // -0 keeps the sign of "-0.5", which the BigInt 0n could not.
  let number = format(negative ? (whole === '0' ? -0 : -BigInt(whole)) : BigInt(whole));
  const shown = fraction.padEnd(minFraction, '0');
  if (shown) number += decimalSign(locale) + format(BigInt(shown), { useGrouping: false, minimumIntegerDigits: shown.length });
  return number;
}

/** Fiat in the locale's own currency pattern (sign before or after, its spacing), with exactly `digits` fraction digits. */
function formatFiat(parts: Parts, currency: string, digits: number, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const wholeValue = parts.negative ? (parts.whole === '0' ? -0 : -BigInt(parts.whole)) : BigInt(parts.whole);
  const fraction = parts.fraction.padEnd(digits, '0');
  const digitsOf = (value: bigint) => new Intl.NumberFormat(locale, { useGrouping: false, minimumIntegerDigits: fraction.length }).format(value);
  let out = '';
  let lastNumberPart = -1;
  const pieces = formatter.formatToParts(wholeValue);
  pieces.forEach((piece, i) => {
    if (piece.type === 'integer' || piece.type === 'group') lastNumberPart = i;
  });
  pieces.forEach((piece, i) => {
    out += piece.value;
    if (i === lastNumberPart && fraction) out += decimalSign(locale) + digitsOf(BigInt(fraction));
  });
  return out;
}

function decimalSign(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * An amount as the bot's messages show it, the same whatever the chat's language ("1,234.5 TON", "12.25 USDT",
 * "$12.50"), except tomans, whose word is the reader's; TON exactly as contract/format-ton.ts always wrote it.
 */
export function formatMoneyPlain(amountMinor: string | bigint, currency: MoneyCurrency, locale: string): string {
  if (currency === 'TON') return formatTon(amountMinor);
  return formatMoneyInLocale(String(amountMinor), currency, currency === 'IRR' ? latinDigits(locale) : 'en');
}

// The bot's amounts keep Latin digits in every language, as TON's always did; only the toman word is translated.
const latinDigits = (locale: string) => `${locale.split('-u-')[0]}-u-nu-latn`;

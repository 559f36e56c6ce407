// Amounts typed as decimals ("1.5", "12,25 USDT") and sent as integers of the asset's smallest unit
// (nanotons: 9 digits, micro-USDT: 6). Decimal string math only: a float would turn 0.3 into 299999999.
import { splitMinorUnits } from '../../../domain/money';

export type AmountInputError = 'empty' | 'format' | 'tooPrecise' | 'tooLarge';

export type AmountInputResult = { ok: true; minor: string } | { ok: false; error: AmountInputError };

// Far above any supply of TON or USDT; the API takes up to 30 digits.
const MAX_DIGITS = 30;

/**
 * Parses what a person typed into an integer of 10^-`digits` units: with 6 digits "12.25" → "12250000".
 * A decimal comma is accepted (ru and fa keyboards type one), and so are Persian and Arabic digits with
 * the Arabic decimal sign "٫" (what a Persian keyboard types: "۱۲٫۵" is 12.5); spaces, the Arabic thousands
 * sign and the `unit` ("TON", "USDT") are ignored; more fraction digits than the asset has is `tooPrecise`,
 * never rounded.
 */
export function parseDecimalInput(text: string, digits: number, unit: string): AmountInputResult {
  const cleaned = toLatinDigits(text)
    .trim()
    .replace(new RegExp(`${unit}$`, 'i'), '')
    .replace(/[\s\u00a0\u202f_\u066c]/g, '')
    .replace(',', '.');
  if (cleaned === '') return { ok: false, error: 'empty' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, error: 'format' };
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, error: 'tooPrecise' };
  const minor = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minor.length > MAX_DIGITS) return { ok: false, error: 'tooLarge' };
  return { ok: true, minor };
}

/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits as 0-9, the Arabic decimal sign "٫" as ".". */
function toLatinDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669\u066b]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x066b) return '.';
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** An integer of 10^-`digits` units as an editable decimal: with 6 digits "12250000" → "12.25" (no grouping, no unit). */
export function formatDecimalInput(minor: string, digits: number): string {
  const { negative, whole, fraction } = splitMinorUnits(minor, digits);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

// Prices are typed in TON ("1.5") and sent as integer nanotons ("1500000000"). Decimal string math
// only: a float would turn 0.3 into 299999999 nanotons.
import { formatTon } from '../../../domain/format-ton';
import { NANO_DECIMALS } from '../../../domain/money';

export type TonInputError = 'empty' | 'format' | 'tooPrecise' | 'tooLarge';

export type TonInputResult = { ok: true; nano: string } | { ok: false; error: TonInputError };

// 10^30 nanotons is far above all TON ever minted; the API takes up to 30 digits.
const MAX_DIGITS = 30;

/**
 * Parses what a person typed as a TON amount into nanotons: "1.5" → "1500000000", "0,25" → "250000000"
 * (a decimal comma is accepted: ru and fa keyboards type one), spaces and "TON" ignored.
 */
export function parseTonInput(text: string): TonInputResult {
  const cleaned = text
    .replace(/ton$/i, '')
    .replace(/[\s\u00a0\u202f_]/g, '')
    .replace(',', '.');
  if (cleaned === '') return { ok: false, error: 'empty' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, error: 'format' };
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > NANO_DECIMALS) return { ok: false, error: 'tooPrecise' };
  const nano = (whole + fraction.padEnd(NANO_DECIMALS, '0')).replace(/^0+(?=\d)/, '');
  if (nano.length > MAX_DIGITS) return { ok: false, error: 'tooLarge' };
  return { ok: true, nano };
}

/** Nanotons as an editable TON amount: "1500000000" → "1.5" (no grouping, no unit). */
export function formatTonInput(nano: string): string {
  return formatTon(nano, { groupSeparator: '', unit: '' });
}

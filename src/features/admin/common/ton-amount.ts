// Prices are typed in TON ("1.5") and sent as integer nanotons ("1500000000"). Decimal string math
// only: a float would turn 0.3 into 299999999 nanotons.
import { formatTon } from '../../../domain/format-ton';
import { NANO_DECIMALS } from '../../../domain/money';
import { parseDecimalInput, type AmountInputError } from './decimal-amount';

export type TonInputError = AmountInputError;

export type TonInputResult = { ok: true; nano: string } | { ok: false; error: TonInputError };

/**
 * Parses what a person typed as a TON amount into nanotons: "1.5" → "1500000000", "0,25" → "250000000"
 * (a decimal comma is accepted: ru and fa keyboards type one), spaces and "TON" ignored.
 */
export function parseTonInput(text: string): TonInputResult {
  const parsed = parseDecimalInput(text, NANO_DECIMALS, 'TON');
  return parsed.ok ? { ok: true, nano: parsed.minor } : parsed;
}

/** Nanotons as an editable TON amount: "1500000000" → "1.5" (no grouping, no unit). */
export function formatTonInput(nano: string): string {
  return formatTon(nano, { groupSeparator: '', unit: '' });
}

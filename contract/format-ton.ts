// Plain "1,234.5 TON" formatting with chosen separators: the admin's amount fields and the bot's messages
// (one formatter for both sides). Apart from money.ts, which the Mini App's first screen loads, because
// only the admin area uses it there.
import { formatTonInLocale } from './money';

export interface FormatTonOptions {
  /** Between groups of three integer digits. */
  groupSeparator?: string;
  decimalSeparator?: string;
  /** Appended after a space; pass '' for the bare number. */
  unit?: string;
}

/**
 * Formats integer nanotons as TON: "1500000000" → "1.5 TON", "1234000000000" → "1,234 TON".
 * Never rounds: every significant fraction digit is shown, trailing zeros are trimmed.
 */
export function formatTon(amountNano: string | bigint, options: FormatTonOptions = {}): string {
  const { groupSeparator = ',', decimalSeparator = '.', unit = 'TON' } = options;
  // English's Intl output has exactly one kind of each separator, so they can be swapped afterwards.
  const number = formatTonInLocale(String(amountNano), 'en', '').replace(/[,.]/g, (c) => (c === ',' ? groupSeparator : decimalSeparator));
  return unit ? `${number} ${unit}` : number;
}

// Money is a decimal string of integer nanotons everywhere (docs/api.md). Converting through a
// float would lose precision above 2^53 nano (~9M TON) and print 0.30000000000000004-style noise,
// so everything here is string/BigInt arithmetic.

/** 1 TON = 10^9 nanoton. */
export const NANO_DECIMALS = 9;

const INTEGER_RE = /^-?\d+$/;

export class InvalidAmountError extends Error {
  readonly code = 'INVALID_AMOUNT';
  constructor(value: unknown) {
    super(`Not an integer nanoton amount: ${JSON.stringify(value)}`);
    this.name = 'InvalidAmountError';
  }
}

export interface FormatTonOptions {
  /** Between groups of three integer digits. */
  groupSeparator?: string;
  decimalSeparator?: string;
  /** Appended after a space; pass '' for the bare number. */
  unit?: string;
}

function assertAmount(amountNano: string): void {
  if (typeof amountNano !== 'string' || !INTEGER_RE.test(amountNano)) {
    throw new InvalidAmountError(amountNano);
  }
}

function groupThousands(digits: string, separator: string): string {
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const chunk = digits.slice(Math.max(0, end - 3), end);
    out = out === '' ? chunk : chunk + separator + out;
  }
  return out;
}

/**
 * Formats integer nanotons as TON: "1500000000" → "1.5 TON", "1234000000000" → "1,234 TON".
 * Never rounds: every significant fraction digit is shown, trailing zeros are trimmed.
 */
export function formatTon(amountNano: string, options: FormatTonOptions = {}): string {
  assertAmount(amountNano);
  const { groupSeparator = ',', decimalSeparator = '.', unit = 'TON' } = options;
  const negative = amountNano.startsWith('-');
  const digits = (negative ? amountNano.slice(1) : amountNano).replace(/^0+/, '');
  const padded = digits.padStart(NANO_DECIMALS + 1, '0');
  const whole = padded.slice(0, -NANO_DECIMALS);
  const fraction = padded.slice(-NANO_DECIMALS).replace(/0+$/, '');
  const isZero = digits === '';
  const number =
    (negative && !isZero ? '-' : '') +
    groupThousands(whole, groupSeparator) +
    (fraction ? decimalSeparator + fraction : '');
  return unit ? `${number} ${unit}` : number;
}

/** Sum of nanoton amounts, as a nanoton string. */
export function sumNano(amountsNano: readonly string[]): string {
  let total = 0n;
  for (const amount of amountsNano) {
    assertAmount(amount);
    total += BigInt(amount);
  }
  return total.toString();
}

/** Unit price × quantity, as a nanoton string. */
export function multiplyNano(unitPriceNano: string, quantity: number): string {
  assertAmount(unitPriceNano);
  if (!Number.isSafeInteger(quantity)) throw new InvalidAmountError(quantity);
  return (BigInt(unitPriceNano) * BigInt(quantity)).toString();
}

interface LocaleNumerals {
  whole: Intl.NumberFormat;
  digits: string[];
  decimal: string;
  minus: string;
}

const numeralsByLocale = new Map<string, LocaleNumerals>();

function localeNumerals(locale: string): LocaleNumerals {
  let numerals = numeralsByLocale.get(locale);
  if (!numerals) {
    const whole = new Intl.NumberFormat(locale);
    const parts = whole.formatToParts(-1.5);
    numerals = {
      whole,
      digits: Array.from({ length: 10 }, (_, d) => whole.format(d)),
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      // fa writes a left-to-right mark before its minus sign: keep whatever precedes the digits.
      minus: parts
        .slice(0, parts.findIndex((p) => p.type === 'integer'))
        .map((p) => p.value)
        .join(''),
    };
    numeralsByLocale.set(locale, numerals);
  }
  return numerals;
}

/**
 * Integer nanotons as TON in `locale`'s digits, grouping and separators ("1500000000" → "۱٫۵ TON" in fa,
 * "12,34,567.5 TON" in hi). Still exact: the whole part goes to Intl as a BigInt and the fraction
 * digits are mapped one by one, so nothing passes through a float and nothing is rounded.
 */
export function formatTonInLocale(amountNano: string, locale: string, unit = 'TON'): string {
  const plain = formatTon(amountNano, { groupSeparator: '', unit: '' });
  const negative = plain.startsWith('-');
  const [wholeDigits = '0', fraction = ''] = (negative ? plain.slice(1) : plain).split('.');
  const numerals = localeNumerals(locale);
  const number =
    (negative ? numerals.minus : '') +
    numerals.whole.format(BigInt(wholeDigits)) +
    (fraction ? numerals.decimal + Array.from(fraction, (d) => numerals.digits[Number(d)]).join('') : '');
  return unit ? `${number} ${unit}` : number;
}

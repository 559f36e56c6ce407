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

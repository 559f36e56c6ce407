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

function assertAmount(amountNano: string): void {
  if (typeof amountNano !== 'string' || !INTEGER_RE.test(amountNano)) {
    throw new InvalidAmountError(amountNano);
  }
}

/**
 * The parts of an integer amount counted in units of 10^-`digits` (nanotons: 9): sign, whole digits, and
 * fraction digits without trailing zeros.
 */
export function splitMinorUnits(amount: string, digits: number): { negative: boolean; whole: string; fraction: string } {
  assertAmount(amount);
  const significant = amount.replace(/^-?0*/, '');
  if (digits === 0) return { negative: amount.startsWith('-') && significant !== '', whole: significant || '0', fraction: '' };
  const padded = significant.padStart(digits + 1, '0');
  return {
    negative: amount.startsWith('-') && significant !== '',
    whole: padded.slice(0, -digits),
    fraction: padded.slice(-digits).replace(/0+$/, ''),
  };
}

const splitMinor = (amountNano: string) => splitMinorUnits(amountNano, NANO_DECIMALS);

/** Sum of nanoton amounts, as a nanoton string. */
export function sumMinor(amountsNano: readonly string[]): string {
  let total = 0n;
  for (const amount of amountsNano) {
    assertAmount(amount);
    total += BigInt(amount);
  }
  return total.toString();
}

/** Unit price × quantity, as a nanoton string. */
export function multiplyMinor(unitPriceMinor: string, quantity: number): string {
  assertAmount(unitPriceMinor);
  if (!Number.isSafeInteger(quantity)) throw new InvalidAmountError(quantity);
  return (BigInt(unitPriceMinor) * BigInt(quantity)).toString();
}

/**
 * Integer nanotons as TON in `locale`'s digits, grouping and separators ("1500000000" → "۱٫۵ TON" in fa,
 * "12,34,567.5 TON" in hi). Still exact: Intl gets the whole part and the fraction digits as BigInts
 * (the fraction keeps its leading zeros through minimumIntegerDigits), never a float, so nothing rounds.
 */
export function formatTonInLocale(amountNano: string, locale: string, unit = 'TON'): string {
  const { negative, whole, fraction } = splitMinor(amountNano);
  const format = (value: bigint | number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value);
  // -0 keeps the sign of "-0.5 TON", which the BigInt 0n could not.
  let number = format(negative ? (whole === '0' ? -0 : -BigInt(whole)) : BigInt(whole));
  if (fraction) {
    const decimal = new Intl.NumberFormat(locale).formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.';
    number += decimal + format(BigInt(fraction), { useGrouping: false, minimumIntegerDigits: fraction.length });
  }
  return unit ? `${number} ${unit}` : number;
}

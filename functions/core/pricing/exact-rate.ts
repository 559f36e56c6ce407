/**
 * An exchange rate kept as an exact fraction: one whole unit of `base` is worth numerator/denominator whole
 * units of `quote`. Rate sources answer in JSON numbers (5.4321), and floats cannot multiply money
 * exactly, so a rate is turned into a fraction once, from its decimal digits, and every later step (median,
 * cross rate, quote) is bigint arithmetic.
 */
export interface ExactRate {
  numerator: bigint;
  denominator: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** The fraction a plain decimal ("5.4321", "1e-7", "12") stands for; null for anything else or for ≤ 0. */
export function rateFromDecimal(text: string): ExactRate | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  const digits = BigInt(whole + fraction);
  if (digits === 0n) return null;
  return exponent >= 0 ? reduce(digits * 10n ** BigInt(exponent), 1n) : reduce(digits, 10n ** BigInt(-exponent));
}

/**
 * The fraction a JSON number stands for. JavaScript prints a double as the shortest decimal that reads back
 * as the same double, which is the decimal the source wrote whenever it wrote 17 significant digits or
 * fewer (every rate API does): so the fraction is the source's own figure, not the double's binary value.
 */
export function rateFromNumber(value: number): ExactRate | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  return rateFromDecimal(String(value));
}

export function compareRates(a: ExactRate, b: ExactRate): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** a / b: how many of b's quote one of a's base is worth when both are quoted in the same currency. */
export function divideRates(a: ExactRate, b: ExactRate): ExactRate {
  return reduce(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** The median; of an even count, the exact mean of the middle two. */
export function medianRate(rates: readonly ExactRate[]): ExactRate {
  if (rates.length === 0) throw new RangeError('the median of no rates');
  const sorted = [...rates].sort(compareRates);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  const a = sorted[middle - 1]!;
  const b = sorted[middle]!;
  return reduce(a.numerator * b.denominator + b.numerator * a.denominator, 2n * a.denominator * b.denominator);
}

/** "numerator/denominator", how a rate is stored beside a quote (exact, and readable back). */
export function formatRate(rate: ExactRate): string {
  return `${rate.numerator}/${rate.denominator}`;
}

export function parseStoredRate(text: string): ExactRate | null {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return null;
  const numerator = BigInt(match[1]!);
  const denominator = BigInt(match[2]!);
  return numerator > 0n && denominator > 0n ? reduce(numerator, denominator) : null;
}

function reduce(numerator: bigint, denominator: bigint): ExactRate {
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

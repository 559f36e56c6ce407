/**
 * What a payment against a quote amounts to. A shop may accept a payment a little under its quote (a
 * wallet that rounds, a fee taken from the amount): `toleranceBasisPoints` out of 10,000 of the quote, 0 by
 * default. The tolerance is in basis points so a percent with two decimals (0.25 %) stays an integer.
 */
export type PaymentJudgement =
  | { verdict: 'short'; missing: bigint }
  | { verdict: 'accepted'; /** Under the quote but within the tolerance. */ shortBy: bigint }
  | { verdict: 'exact' }
  | { verdict: 'over'; overpaid: bigint };

/** 100 % in basis points: the most a tolerance can be in arithmetic, far more than a shop would set. */
export const MAX_TOLERANCE_BASIS_POINTS = 10_000;

/** The least that pays a quote: the quote less its tolerance, the tolerance rounded down (in the merchant's favour). */
export function leastAccepted(quoted: bigint, toleranceBasisPoints: number): bigint {
  if (!Number.isInteger(toleranceBasisPoints) || toleranceBasisPoints < 0 || toleranceBasisPoints > MAX_TOLERANCE_BASIS_POINTS) {
    throw new RangeError('a tolerance is a whole number of basis points from 0 to 10000');
  }
  return quoted - (quoted * BigInt(toleranceBasisPoints)) / 10_000n;
}

export function judgePayment(paid: bigint, quoted: bigint, toleranceBasisPoints: number): PaymentJudgement {
  if (paid === quoted) return { verdict: 'exact' };
  if (paid > quoted) return { verdict: 'over', overpaid: paid - quoted };
  const least = leastAccepted(quoted, toleranceBasisPoints);
  return paid >= least ? { verdict: 'accepted', shortBy: quoted - paid } : { verdict: 'short', missing: least - paid };
}

/** "0.25" (percent, as a merchant types it) → 25 basis points; null when not 0–100 with at most 2 decimals. */
export function toleranceFromPercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= MAX_TOLERANCE_BASIS_POINTS ? basisPoints : null;
}

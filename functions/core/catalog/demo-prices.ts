import { MINOR_DIGITS } from '../../../contract/format-money';
import type { PricingCurrency } from '../pricing/currencies';

/**
 * The demo shop's prices in whatever currency the shop prices in (PRICING_CURRENCY). Every demo amount is
 * written twice: in TON, as the TON demo shop has always priced it (unchanged), and in US cents, from
 * which every other currency's price is made with the fixed demo rates below. All integer arithmetic.
 */
export interface DemoAmount {
  /** Nanotons. */
  ton: bigint;
  /** US cents. */
  usdCents: bigint;
}

/** `usd(8, 50)` is $8.50 in cents. */
export function usd(whole: number, cents = 0): bigint {
  return BigInt(whole) * 100n + BigInt(cents);
}

/**
 * Whole units of each currency per US dollar, as [numerator, denominator]: fixed, rounded, made-up
 * figures of about the right size in 2026, so a fiat demo shop's prices look plausible. They are for
 * the demo catalog only and never price a payment (checkout quotes use the live rates, core/pricing).
 */
export const DEMO_UNITS_PER_USD: Readonly<Record<Exclude<PricingCurrency, 'TON'>, readonly [bigint, bigint]>> = {
  USD: [1n, 1n],
  USDT: [1n, 1n],
  EUR: [92n, 100n],
  RUB: [90n, 1n],
  INR: [83n, 1n],
  AED: [367n, 100n],
  TRY: [34n, 1n],
  IRR: [1_000_000n, 1n],
};

/**
 * A demo amount in `currency`'s smallest unit: TON as written; USD and USDT exactly the dollars written
 * (USDT has 6 minor digits); any other currency converted at DEMO_UNITS_PER_USD and rounded half up to two
 * significant digits, so it looks like a price a shop would choose (€12.88 → €13.00, ₹373.50 → ₹370.00,
 * 4,500,000 rials stays). Rounding never lowers one amount below a smaller one, so a compare-at price stays
 * at least the price.
 */
export function demoAmountIn(amount: DemoAmount, currency: PricingCurrency): bigint {
  if (currency === 'TON') return amount.ton;
  const [units, perUsd] = DEMO_UNITS_PER_USD[currency];
  // cents × 10^digits / 100 is the amount in minor units at one unit per dollar; × units / perUsd converts.
  const numerator = amount.usdCents * units * 10n ** BigInt(MINOR_DIGITS[currency]);
  const denominator = perUsd * 100n;
  if (units === perUsd) return roundHalfUp(numerator, denominator);
  let step = 1n;
  while (numerator / (denominator * step) >= 100n) step *= 10n;
  return roundHalfUp(numerator, denominator * step) * step;
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

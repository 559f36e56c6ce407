import { describe, expect, it } from 'vitest';
import { createFixedRates } from '../../../functions/adapters/rates/fixed-rates';
import { prepareCheckoutQuotes } from '../../../functions/core/pricing/checkout-quotes';
import { createRateBook, type RateBook } from '../../../functions/core/pricing/rate-book';
import { RateUnavailableError } from '../../../functions/core/pricing/rate-errors';
import { snapshotRates } from '../../../functions/core/pricing/rate-snapshot';

const NOW = new Date('2026-12-04T01:00:00Z');
const LOCKED_UNTIL = new Date('2026-12-04T01:30:00Z');

/** A book over the fixed dev rates (1 TON = 5 USD, 1 USDT = 1 USD) that counts how often it is asked. */
function countingBook(): RateBook & { asked: number } {
  const book = createRateBook({ sources: [createFixedRates(undefined, () => NOW.getTime())], now: () => NOW.getTime() });
  const counting = {
    asked: 0,
    rateOf: (...args: Parameters<RateBook['rateOf']>) => {
      counting.asked++;
      return book.rateOf(...args);
    },
  };
  return counting;
}

describe('prepareCheckoutQuotes', () => {
  it('quotes a TON total in TON (itself, no rate) and in USDT (5 USDT a TON, rounded up), locked until the reservation ends', async () => {
    const quote = await prepareCheckoutQuotes({ rates: countingBook(), accepted: ['TON', 'USDT'], currency: 'TON', now: NOW });
    expect(await quote({ totalMinor: 7_200_000_001n, lockedUntil: LOCKED_UNTIL })).toEqual([
      { asset: 'TON', amount: 7_200_000_001n, rate: null, source: 'same currency', fetchedAt: NOW.getTime(), lockedUntil: LOCKED_UNTIL.getTime() },
      // 7.200000001 TON × 5 = 36.000000005 USDT: one micro-USDT more, never less than the price.
      { asset: 'USDT', amount: 36_000_001n, rate: '1/5', source: 'fixed', fetchedAt: NOW.getTime(), lockedUntil: LOCKED_UNTIL.getTime() },
    ]);
  });

  it('asks the book before the order exists, and never again while quoting', async () => {
    const book = countingBook();
    const quote = await prepareCheckoutQuotes({ rates: book, accepted: ['TON', 'USDT'], currency: 'TON', now: NOW });
    const asked = book.asked;
    await quote({ totalMinor: 1n, lockedUntil: LOCKED_UNTIL });
    await quote({ totalMinor: 2n, lockedUntil: LOCKED_UNTIL });
    expect(book.asked).toBe(asked);
  });

  it('refuses up front when an accepted asset has no recent rate', async () => {
    const stale = createRateBook({ sources: [createFixedRates(undefined, () => NOW.getTime() - 10 * 60_000)], now: () => NOW.getTime() });
    await expect(prepareCheckoutQuotes({ rates: stale, accepted: ['TON', 'USDT'], currency: 'TON', now: NOW })).rejects.toBeInstanceOf(RateUnavailableError);
    // A TON-only shop priced in TON needs no rate at all.
    await expect(prepareCheckoutQuotes({ rates: stale, accepted: ['TON'], currency: 'TON', now: NOW })).resolves.toBeTypeOf('function');
  });
});

describe('snapshotRates', () => {
  it('answers only what it was taken for', async () => {
    const snapshot = await snapshotRates(countingBook(), ['USDT'], 'TON');
    expect(await snapshot.rateOf('USDT', 'TON')).toMatchObject({ rate: { numerator: 1n, denominator: 5n }, source: 'fixed' });
    await expect(snapshot.rateOf('TON', 'TON')).rejects.toBeInstanceOf(RangeError);
    await expect(snapshot.rateOf('USDT', 'USD')).rejects.toBeInstanceOf(RangeError);
  });
});

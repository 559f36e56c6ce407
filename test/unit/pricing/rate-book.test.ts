import { describe, expect, it } from 'vitest';
import type { FiatCurrency, PaymentAsset } from '../../../functions/core/pricing/currencies';
import { rateFromDecimal } from '../../../functions/core/pricing/exact-rate';
import { createRateBook } from '../../../functions/core/pricing/rate-book';
import { RateUnavailableError } from '../../../functions/core/pricing/rate-errors';
import type { RateSample, RateSource } from '../../../functions/core/pricing/rate-source';
import { quoteOrder } from '../../../functions/core/pricing/quote-order';

const rate = (text: string) => rateFromDecimal(text)!;

/** A source a test steers: its figures, whether it answers, how often it was asked. */
function source(name: string, figures: Partial<Record<PaymentAsset, Partial<Record<FiatCurrency, string>>>>, clock: { now: number }) {
  const s = {
    name,
    figures,
    failing: false,
    /** How old (ms) the source says its figures are. */
    lagMs: 0,
    calls: 0,
    async fetchRates(assets: readonly PaymentAsset[], currencies: readonly FiatCurrency[]): Promise<RateSample[]> {
      s.calls += 1;
      await Promise.resolve();
      if (s.failing) throw new Error(`${name}: HTTP 500`);
      return assets.flatMap((asset) =>
        currencies.flatMap((currency) => {
          const text = s.figures[asset]?.[currency];
          return text ? [{ asset, currency, rate: rate(text), observedAt: clock.now - s.lagMs }] : [];
        }),
      );
    },
  } satisfies RateSource & Record<string, unknown>;
  return s;
}

describe('the rate book', () => {
  it('quotes the median of the sources that answered, and names them', async () => {
    const clock = { now: 1_000_000 };
    const a = source('tonapi', { TON: { USD: '5.10' } }, clock);
    const b = source('coingecko', { TON: { USD: '5.00' } }, clock);
    const c = source('other', { TON: { USD: '5.30' } }, clock);
    const book = createRateBook({ sources: [a, b, c], now: () => clock.now });
    expect(await book.rateOf('TON', 'USD')).toEqual({ rate: rate('5.1'), source: 'coingecko+other+tonapi', observedAt: clock.now });
  });

  it('takes the exact mean of two sources, and carries on without one that fails', async () => {
    const clock = { now: 1_000_000 };
    const a = source('tonapi', { TON: { EUR: '4.6' } }, clock);
    const b = source('coingecko', { TON: { EUR: '4.7' } }, clock);
    expect((await createRateBook({ sources: [a, b], now: () => clock.now }).rateOf('TON', 'EUR'))!.rate).toEqual(rate('4.65'));
    b.failing = true;
    const alone = await createRateBook({ sources: [a, b], now: () => clock.now }).rateOf('TON', 'EUR');
    expect(alone).toMatchObject({ rate: rate('4.6'), source: 'tonapi' });
  });

  it('asks the sources at most once a minute, and again after that', async () => {
    const clock = { now: 1_000_000 };
    const a = source('tonapi', { TON: { USD: '5' }, USDT: { USD: '1' } }, clock);
    const book = createRateBook({ sources: [a], now: () => clock.now });
    await book.rateOf('TON', 'USD');
    await book.rateOf('USDT', 'USD');
    clock.now += 59_999;
    await book.rateOf('TON', 'USD');
    expect(a.calls).toBe(1);
    a.figures.TON!.USD = '6';
    clock.now += 1;
    expect((await book.rateOf('TON', 'USD'))!.rate).toEqual(rate('6'));
    expect(a.calls).toBe(2);
  });

  it('lets callers that arrive together share one round of asking', async () => {
    const clock = { now: 1_000_000 };
    const a = source('tonapi', { TON: { RUB: '400' } }, clock);
    const book = createRateBook({ sources: [a], now: () => clock.now });
    await Promise.all(Array.from({ length: 20 }, () => book.rateOf('TON', 'RUB')));
    expect(a.calls).toBe(1);
  });

  it('keeps quoting from the last figures while every source is down, until they are five minutes old', async () => {
    const clock = { now: 1_000_000 };
    const a = source('tonapi', { TON: { USD: '5' } }, clock);
    const book = createRateBook({ sources: [a], now: () => clock.now });
    await book.rateOf('TON', 'USD');
    a.failing = true;
    clock.now += 4 * 60_000;
    expect((await book.rateOf('TON', 'USD'))!.observedAt).toBe(1_000_000);
    clock.now += 60_001;
    const refused = await book.rateOf('TON', 'USD').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateUnavailableError);
    expect(refused).toMatchObject({ kind: 'unavailable', code: 'RATE_UNAVAILABLE' });
  });

  it('never quotes from a figure the source itself says is old, however fresh the fetch', async () => {
    const clock = { now: 10_000_000 };
    const stale = source('coingecko', { TON: { USD: '9' } }, clock);
    stale.lagMs = 6 * 60_000;
    const fresh = source('tonapi', { TON: { USD: '5' } }, clock);
    expect(await createRateBook({ sources: [stale, fresh], now: () => clock.now }).rateOf('TON', 'USD')).toMatchObject({ rate: rate('5'), source: 'tonapi' });
    await expect(createRateBook({ sources: [stale], now: () => clock.now }).rateOf('TON', 'USD')).rejects.toBeInstanceOf(RateUnavailableError);
  });

  it('refuses a currency no source quotes', async () => {
    const clock = { now: 1_000_000 };
    const a = source('coingecko', { TON: { USD: '5' } }, clock);
    await expect(createRateBook({ sources: [a], now: () => clock.now }).rateOf('TON', 'IRR')).rejects.toBeInstanceOf(RateUnavailableError);
  });

  it('prices TON in USDT (and back) through the dollar', async () => {
    const clock = { now: 1_000_000 };
    const a = source('tonapi', { TON: { USD: '5.5' }, USDT: { USD: '1.1' } }, clock);
    const book = createRateBook({ sources: [a], now: () => clock.now });
    expect((await book.rateOf('TON', 'USDT'))!.rate).toEqual(rate('5'));
    expect((await book.rateOf('USDT', 'TON'))!.rate).toEqual(rate('0.2'));
    expect(await book.rateOf('TON', 'TON')).toBeNull();
  });
});

describe('an order’s quotes', () => {
  it('name the amount in each accepted asset, the rate, its source and time, locked until the reservation ends', async () => {
    const clock = { now: 1_700_000_000_000 };
    const a = source('fixed', { TON: { USD: '5' }, USDT: { USD: '1' } }, clock);
    const rates = createRateBook({ sources: [a], now: () => clock.now });
    const lockedUntil = clock.now + 15 * 60_000;
    const quotes = await quoteOrder({ total: 1250n, currency: 'USD', accepted: ['TON', 'USDT'], rates, now: clock.now, lockedUntil });
    expect(quotes).toEqual([
      { asset: 'TON', amount: 2_500_000_000n, rate: '5/1', source: 'fixed', fetchedAt: clock.now, lockedUntil },
      { asset: 'USDT', amount: 12_500_000n, rate: '1/1', source: 'fixed', fetchedAt: clock.now, lockedUntil },
    ]);
  });

  it('need no rate in the shop’s own asset, and fail whole when another asset has none', async () => {
    const clock = { now: 1_700_000_000_000 };
    const a = source('tonapi', {}, clock);
    const rates = createRateBook({ sources: [a], now: () => clock.now });
    const input = { total: 3_000_000_000n, currency: 'TON' as const, rates, now: clock.now, lockedUntil: clock.now + 1 };
    expect(await quoteOrder({ ...input, accepted: ['TON'] })).toEqual([
      { asset: 'TON', amount: 3_000_000_000n, rate: null, source: 'same currency', fetchedAt: clock.now, lockedUntil: clock.now + 1 },
    ]);
    await expect(quoteOrder({ ...input, accepted: ['TON', 'USDT'] })).rejects.toBeInstanceOf(RateUnavailableError);
  });
});

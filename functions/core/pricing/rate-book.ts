import { currencyInfo, type FiatCurrency, type PaymentAsset, type PricingCurrency } from './currencies';
import { divideRates, medianRate, type ExactRate } from './exact-rate';
import { RateUnavailableError } from './rate-errors';
import type { RateSample, RateSource } from './rate-source';

/** The rate a quote is made with, and where it came from. */
export interface QuoteRate {
  /** One whole asset in whole units of the pricing currency. */
  rate: ExactRate;
  /** The sources whose figures the median was taken of, e.g. "coingecko+tonapi". */
  source: string;
  /** The oldest figure that went into it (ms): a quote is as old as its oldest input. */
  observedAt: number;
}

export interface RateBookOptions {
  sources: readonly RateSource[];
  now?: () => number;
  /** Sources are asked again at most this often (ms); the cap the issue sets is 60 s. */
  cacheMs?: number;
  /** A figure older than this (ms) never makes a quote, even when it is all there is. */
  maxAgeMs?: number;
}

export interface RateBook {
  /**
   * What one whole `asset` is worth in `currency`: the median over the sources that answered with a
   * recent figure. A crypto-priced shop paid in the other asset goes through USD (TON in USDT = TON in USD
   * over USDT in USD).
   * @throws RateUnavailableError when no source has a figure younger than maxAgeMs
   */
  rateOf(asset: PaymentAsset, currency: PricingCurrency): Promise<QuoteRate | null>;
}

const PIVOT: FiatCurrency = 'USD';
const ALL_ASSETS: readonly PaymentAsset[] = ['TON', 'USDT'];

/**
 * The shop's memory of rates: asks every source at most once per `cacheMs` for the fiat currency asked
 * about, keeps each source's last answer, and quotes from the figures younger than `maxAgeMs`. When a
 * source fails the others carry on; when all fail, the last figures serve until they are too old. Callers
 * that arrive while the sources are being asked share that one round.
 */
export function createRateBook(options: RateBookOptions): RateBook {
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 60_000;
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  // Per fiat currency: when its sources were last asked, each source's last samples, the round in flight.
  const books = new Map<FiatCurrency, { askedAt: number; bySource: Map<string, RateSample[]>; inFlight?: Promise<void> }>();

  async function samplesFor(currency: FiatCurrency): Promise<Map<string, RateSample[]>> {
    let book = books.get(currency);
    if (!book) {
      book = { askedAt: -Infinity, bySource: new Map() };
      books.set(currency, book);
    }
    if (now() - book.askedAt >= cacheMs) {
      book.inFlight ??= askSources(currency, book.bySource).finally(() => {
        book.askedAt = now();
        book.inFlight = undefined;
      });
      await book.inFlight;
    }
    return book.bySource;
  }

  async function askSources(currency: FiatCurrency, bySource: Map<string, RateSample[]>): Promise<void> {
    const answers = await Promise.allSettled(options.sources.map((source) => source.fetchRates(ALL_ASSETS, [currency])));
    answers.forEach((answer, i) => {
      if (answer.status === 'fulfilled') bySource.set(options.sources[i]!.name, answer.value);
    });
  }

  async function fiatRate(asset: PaymentAsset, currency: FiatCurrency): Promise<QuoteRate> {
    const bySource = await samplesFor(currency);
    const oldestAllowed = now() - maxAgeMs;
    const used: { name: string; sample: RateSample }[] = [];
    for (const [name, samples] of bySource) {
      const sample = samples.find((s) => s.asset === asset && s.currency === currency && s.observedAt >= oldestAllowed);
      if (sample) used.push({ name, sample });
    }
    if (used.length === 0) throw new RateUnavailableError(asset, currency);
    return {
      rate: medianRate(used.map((u) => u.sample.rate)),
      source: used
        .map((u) => u.name)
        .sort()
        .join('+'),
      observedAt: Math.min(...used.map((u) => u.sample.observedAt)),
    };
  }

  return {
    async rateOf(asset, currency) {
      if (asset === currency) return null;
      if (currencyInfo(currency).kind === 'fiat') return fiatRate(asset, currency as FiatCurrency);
      const [assetInPivot, currencyInPivot] = await Promise.all([fiatRate(asset, PIVOT), fiatRate(currency as PaymentAsset, PIVOT)]);
      return {
        rate: divideRates(assetInPivot.rate, currencyInPivot.rate),
        source: assetInPivot.source,
        observedAt: Math.min(assetInPivot.observedAt, currencyInPivot.observedAt),
      };
    },
  };
}

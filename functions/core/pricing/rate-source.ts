import type { FiatCurrency, PaymentAsset } from './currencies';
import type { ExactRate } from './exact-rate';

/** One figure from one source: one whole `asset` was worth `rate` whole `currency` at `observedAt`. */
export interface RateSample {
  asset: PaymentAsset;
  currency: FiatCurrency;
  rate: ExactRate;
  /** When the source says the figure was current (ms since the epoch); the fetch time when it does not say. */
  observedAt: number;
}

/** A place that knows what TON and USDT are worth in fiat money (tonapi, CoinGecko, a fixed dev table). */
export interface RateSource {
  readonly name: string;
  /**
   * What the source knows of `assets` in `currencies`; a pair it does not quote is simply absent.
   * @throws any error when the source cannot be asked or answers nonsense (the book skips that source)
   */
  fetchRates(assets: readonly PaymentAsset[], currencies: readonly FiatCurrency[]): Promise<RateSample[]>;
}

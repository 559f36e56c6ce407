import { z } from 'zod';
import type { FiatCurrency, PaymentAsset } from '../../core/pricing/currencies';
import { rateFromNumber } from '../../core/pricing/exact-rate';
import type { RateSample, RateSource } from '../../core/pricing/rate-source';
import { fetchRateJson, type FetchFn } from './fetch-rate-json';

// CoinGecko `GET /api/v3/simple/price?ids=…&vs_currencies=…&include_last_updated_at=true` (its API
// reference, Simple/Coin Price by IDs): { "<coin id>": { "<vs currency, lower case>": 5.12, …,
// "last_updated_at": <unix seconds> } }; a currency it does not quote is absent. The demo plan takes its key in
// `x-cg-demo-api-key`, the pro plan (pro-api.coingecko.com) in `x-cg-pro-api-key`.
const COIN_IDS: Record<PaymentAsset, string> = { TON: 'the-open-network', USDT: 'tether' };
const answer = z.record(z.string(), z.record(z.string(), z.number().nullable()));

export interface CoingeckoRatesOptions {
  baseUrl?: string;
  apiKey?: string;
  /** Which header the key goes in: the demo plan's (default) or the pro plan's. */
  plan?: 'demo' | 'pro';
  fetch?: FetchFn;
  now?: () => number;
  timeoutMs?: number;
}

export function createCoingeckoRates(options: CoingeckoRatesOptions = {}): RateSource {
  const plan = options.plan ?? 'demo';
  const baseUrl = (options.baseUrl ?? (plan === 'pro' ? 'https://pro-api.coingecko.com' : 'https://api.coingecko.com')).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  return {
    name: 'coingecko',
    async fetchRates(assets: readonly PaymentAsset[], currencies: readonly FiatCurrency[]): Promise<RateSample[]> {
      const ids = assets.map((asset) => COIN_IDS[asset]).join(',');
      const vs = currencies.map((c) => c.toLowerCase()).join(',');
      const body = answer.parse(
        await fetchRateJson('coingecko', `${baseUrl}/api/v3/simple/price?ids=${ids}&vs_currencies=${vs}&include_last_updated_at=true`, {
          fetch: options.fetch,
          headers: options.apiKey ? { [plan === 'pro' ? 'x-cg-pro-api-key' : 'x-cg-demo-api-key']: options.apiKey } : {},
          timeoutMs: options.timeoutMs ?? 3_000,
        }),
      );
      const samples: RateSample[] = [];
      for (const asset of assets) {
        const entry = body[COIN_IDS[asset]];
        if (!entry) continue;
        const updated = entry.last_updated_at;
        // A figure is as old as CoinGecko says; one without a time counts as of the fetch.
        const observedAt = typeof updated === 'number' && updated > 0 ? Math.min(updated * 1000, now()) : now();
        for (const currency of currencies) {
          const price = entry[currency.toLowerCase()];
          const rate = typeof price === 'number' ? rateFromNumber(price) : null;
          if (rate) samples.push({ asset, currency, rate, observedAt });
        }
      }
      return samples;
    },
  };
}

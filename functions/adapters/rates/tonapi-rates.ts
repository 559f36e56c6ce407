import { Address } from '@ton/core';
import { z } from 'zod';
import type { FiatCurrency, PaymentAsset } from '../../core/pricing/currencies';
import { rateFromNumber } from '../../core/pricing/exact-rate';
import type { RateSample, RateSource } from '../../core/pricing/rate-source';
import { MAINNET_USDT_MASTER } from '../../core/payments/usdt-master';
import { fetchRateJson, type FetchFn } from './fetch-rate-json';

// tonapi v2 `GET /v2/rates?tokens=…&currencies=…` (opentonapi api/openapi.yml, getRates): tokens are
// "ton" or jetton master addresses, currencies fiat codes; the answer is
// { "rates": { "<token>": { "prices": { "USD": 5.12, … }, "diff_24h": { "USD": "+1.2%" }, … } } } with TON
// keyed "TON" and a jetton keyed by its address. It gives no time for a figure: it counts as of the fetch.
const answer = z.object({
  rates: z.record(z.string(), z.object({ prices: z.record(z.string(), z.number()).nullish() })),
});

export interface TonapiRatesOptions {
  /** The API root, https://tonapi.io (rates are market figures: mainnet's, whatever network the shop uses). */
  baseUrl?: string;
  apiKey?: string;
  /** Whose USDT: the mainnet master unless told (a market rate exists only for the real one). */
  usdtMaster?: string;
  fetch?: FetchFn;
  now?: () => number;
  timeoutMs?: number;
}

export function createTonapiRates(options: TonapiRatesOptions = {}): RateSource {
  const baseUrl = (options.baseUrl ?? 'https://tonapi.io').replace(/\/+$/, '');
  const usdtMaster = options.usdtMaster ?? MAINNET_USDT_MASTER;
  const now = options.now ?? Date.now;
  const tokenOf = (asset: PaymentAsset) => (asset === 'TON' ? 'ton' : usdtMaster);
  return {
    name: 'tonapi',
    async fetchRates(assets: readonly PaymentAsset[], currencies: readonly FiatCurrency[]): Promise<RateSample[]> {
      const query = `tokens=${assets.map(tokenOf).map(encodeURIComponent).join(',')}&currencies=${currencies.map((c) => c.toLowerCase()).join(',')}`;
      const body = answer.parse(
        await fetchRateJson('tonapi', `${baseUrl}/v2/rates?${query}`, {
          fetch: options.fetch,
          headers: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {},
          timeoutMs: options.timeoutMs ?? 3_000,
        }),
      );
      const observedAt = now();
      const samples: RateSample[] = [];
      for (const asset of assets) {
        const entry = Object.entries(body.rates).find(([key]) => sameToken(key, tokenOf(asset)))?.[1];
        for (const currency of currencies) {
          const price = Object.entries(entry?.prices ?? {}).find(([code]) => code.toUpperCase() === currency)?.[1];
          const rate = price === undefined ? null : rateFromNumber(price);
          if (rate) samples.push({ asset, currency, rate, observedAt });
        }
      }
      return samples;
    },
  };
}

/** "TON" is "ton"; a jetton key may come back in another address form than it was sent in. */
function sameToken(key: string, token: string): boolean {
  if (key.toLowerCase() === token.toLowerCase()) return true;
  try {
    return Address.parse(key).equals(Address.parse(token));
  } catch {
    return false;
  }
}

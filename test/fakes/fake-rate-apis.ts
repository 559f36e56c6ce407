import { Hono } from 'hono';
import type { FetchFn } from '../../functions/adapters/rates/fetch-rate-json';

// Local stand-ins for the two rate sources, answering in their documented JSON:
// - tonapi `GET /v2/rates?tokens=&currencies=` (opentonapi api/openapi.yml): { rates: { TON: { prices:
//   { USD: 5.1 }, diff_24h: { USD: "+1.20%" }, diff_7d: {…}, diff_30d: {…} }, "<jetton>": {…} } }, TON keyed
//   "TON", a jetton by the address it was asked for (or, `jettonKey: 'raw'`, by its raw form); errors
//   { "error": "…" }.
// - CoinGecko `GET /api/v3/simple/price?ids=&vs_currencies=&include_last_updated_at=true`: { "<coin id>":
//   { "<vs, lower case>": 5.1, last_updated_at: <unix s> } }; a rate-limited caller gets 429 with
//   { status: { error_code: 429, error_message: "…" } }.
// Prices are what a test sets (JSON numbers, as the services send them); a currency without one is left
// out of the answer, as both services do.

export type FakeMode = 'ok' | 'down' | 'rate_limited' | 'not_json' | 'hang';

export interface FakeRateApi {
  fetch: FetchFn;
  /** asset ("TON" | "USDT") → currency (upper case) → price. */
  prices: Record<string, Record<string, number>>;
  mode: FakeMode;
  requests: string[];
}

function fakeFetch(app: Hono, base: string): FetchFn {
  return (input, init) => {
    if (!input.startsWith(base)) throw new TypeError(`fetch failed: ${input} is not ${base}`);
    return Promise.resolve(app.fetch(new Request(input, init)));
  };
}

function failure(mode: FakeMode, errorBody: unknown): Response | 'hang' | null {
  if (mode === 'hang') return 'hang';
  if (mode === 'down') return Response.json(errorBody, { status: 500 });
  if (mode === 'not_json') return new Response('<html>502 Bad Gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } });
  return null;
}

const never = (signal: AbortSignal | undefined) =>
  new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));

export const FAKE_TONAPI_RATES_URL = 'https://tonapi-rates.fake';

export function createFakeTonapiRates(options: { usdtMaster: string; jettonKey?: 'as_asked' | 'raw'; rawUsdtMaster?: string }): FakeRateApi {
  const fake: FakeRateApi = { fetch: async () => new Response(), prices: {}, mode: 'ok', requests: [] };
  const app = new Hono();
  app.get('/v2/rates', (c) => {
    const broken = failure(fake.mode, { error: 'internal error' });
    if (broken === 'hang') return never(c.req.raw.signal);
    if (broken) return broken;
    if (fake.mode === 'rate_limited') return c.json({ error: 'rate limit: free tier 1 rps' }, 429);
    const tokens = (c.req.query('tokens') ?? '').split(',').filter(Boolean);
    const currencies = (c.req.query('currencies') ?? '').split(',').filter(Boolean);
    if (tokens.length === 0 || currencies.length === 0) return c.json({ error: 'tokens and currencies are required' }, 400);
    const rates: Record<string, unknown> = {};
    for (const token of tokens) {
      const asset = token.toLowerCase() === 'ton' ? 'TON' : token === options.usdtMaster ? 'USDT' : null;
      if (!asset) continue;
      const prices: Record<string, number> = {};
      const diff: Record<string, string> = {};
      for (const currency of currencies) {
        const price = fake.prices[asset]?.[currency.toUpperCase()];
        if (price === undefined) continue;
        prices[currency.toUpperCase()] = price;
        diff[currency.toUpperCase()] = '+0.42%';
      }
      const key = asset === 'TON' ? 'TON' : options.jettonKey === 'raw' ? (options.rawUsdtMaster ?? token) : token;
      rates[key] = { prices, diff_24h: diff, diff_7d: diff, diff_30d: diff };
    }
    return c.json({ rates });
  });
  fake.fetch = (input, init) => {
    fake.requests.push(input);
    return fakeFetch(app, FAKE_TONAPI_RATES_URL)(input, init);
  };
  return fake;
}

export const FAKE_COINGECKO_URL = 'https://coingecko.fake';
const COIN_ASSETS: Record<string, string> = { 'the-open-network': 'TON', tether: 'USDT' };

export function createFakeCoingecko(options: { lastUpdatedAt?: () => number } = {}): FakeRateApi & { lastUpdatedAt: number | null } {
  const fake = {
    fetch: (async () => new Response()) as FetchFn,
    prices: {},
    mode: 'ok' as FakeMode,
    requests: [] as string[],
    lastUpdatedAt: null as number | null,
  };
  const app = new Hono();
  app.get('/api/v3/simple/price', (c) => {
    const broken = failure(fake.mode, { status: { error_code: 500, error_message: 'Internal Server Error' } });
    if (broken === 'hang') return never(c.req.raw.signal);
    if (broken) return broken;
    if (fake.mode === 'rate_limited') {
      return c.json(
        {
          status: {
            error_code: 429,
            error_message:
              "You've exceeded the Rate Limit. Please visit https://www.coingecko.com/en/api/pricing to subscribe to our API plans for higher rate limits.",
          },
        },
        429,
      );
    }
    const ids = (c.req.query('ids') ?? '').split(',').filter(Boolean);
    const vs = (c.req.query('vs_currencies') ?? '').split(',').filter(Boolean);
    const withTime = c.req.query('include_last_updated_at') === 'true';
    const body: Record<string, Record<string, number>> = {};
    for (const id of ids) {
      const asset = COIN_ASSETS[id];
      if (!asset) continue;
      const entry: Record<string, number> = {};
      for (const currency of vs) {
        const price = (fake.prices as FakeRateApi['prices'])[asset]?.[currency.toUpperCase()];
        if (price !== undefined) entry[currency.toLowerCase()] = price;
      }
      if (withTime) entry.last_updated_at = fake.lastUpdatedAt ?? Math.floor((options.lastUpdatedAt?.() ?? Date.now()) / 1000);
      body[id] = entry;
    }
    return c.json(body);
  });
  fake.fetch = (input, init) => {
    fake.requests.push(input);
    return fakeFetch(app, FAKE_COINGECKO_URL)(input, init);
  };
  return fake;
}

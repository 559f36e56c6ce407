import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { createCoingeckoRates } from '../../../functions/adapters/rates/coingecko-rates';
import { createFixedRates } from '../../../functions/adapters/rates/fixed-rates';
import { createTonapiRates } from '../../../functions/adapters/rates/tonapi-rates';
import { MAINNET_USDT_MASTER } from '../../../functions/core/payments/usdt-master';
import { rateFromDecimal } from '../../../functions/core/pricing/exact-rate';
import { quoteAmount } from '../../../functions/core/pricing/quote-amount';
import { createRateBook } from '../../../functions/core/pricing/rate-book';
import { RateUnavailableError } from '../../../functions/core/pricing/rate-errors';
import { createFakeCoingecko, createFakeTonapiRates, FAKE_COINGECKO_URL, FAKE_TONAPI_RATES_URL } from '../../fakes/fake-rate-apis';

const rate = (text: string) => rateFromDecimal(text)!;
const NOW = 1_790_000_000_000;

function tonapi(jettonKey: 'as_asked' | 'raw' = 'as_asked') {
  const fake = createFakeTonapiRates({ usdtMaster: MAINNET_USDT_MASTER, jettonKey, rawUsdtMaster: Address.parse(MAINNET_USDT_MASTER).toRawString() });
  fake.prices = { TON: { USD: 5.4321, EUR: 4.98, RUB: 431.7 }, USDT: { USD: 1.0003, RUB: 79.4 } };
  const source = createTonapiRates({ baseUrl: FAKE_TONAPI_RATES_URL, apiKey: 'tonapi-key', fetch: fake.fetch, now: () => NOW, timeoutMs: 200 });
  return { fake, source };
}

function coingecko() {
  const fake = createFakeCoingecko();
  fake.prices = { TON: { USD: 5.41, EUR: 4.97, IRR: 2_271_000 }, USDT: { USD: 0.9998 } };
  fake.lastUpdatedAt = Math.floor(NOW / 1000) - 40;
  const source = createCoingeckoRates({ baseUrl: FAKE_COINGECKO_URL, apiKey: 'cg-key', fetch: fake.fetch, now: () => NOW, timeoutMs: 200 });
  return { fake, source };
}

describe('tonapi as a rate source (GET /v2/rates)', () => {
  it('reads TON and USDT prices in the asked currencies, exactly as sent', async () => {
    const { fake, source } = tonapi();
    const samples = await source.fetchRates(['TON', 'USDT'], ['USD', 'RUB']);
    expect(samples).toEqual([
      { asset: 'TON', currency: 'USD', rate: rate('5.4321'), observedAt: NOW },
      { asset: 'TON', currency: 'RUB', rate: rate('431.7'), observedAt: NOW },
      { asset: 'USDT', currency: 'USD', rate: rate('1.0003'), observedAt: NOW },
      { asset: 'USDT', currency: 'RUB', rate: rate('79.4'), observedAt: NOW },
    ]);
    expect(fake.requests).toEqual([`${FAKE_TONAPI_RATES_URL}/v2/rates?tokens=ton,${MAINNET_USDT_MASTER}&currencies=usd,rub`]);
  });

  it('finds the jetton when tonapi keys it by another form of its address', async () => {
    const { source } = tonapi('raw');
    expect((await source.fetchRates(['USDT'], ['USD'])).map((s) => s.rate)).toEqual([rate('1.0003')]);
  });

  it('leaves out a currency it has no price in', async () => {
    const { source } = tonapi();
    expect(await source.fetchRates(['USDT'], ['EUR'])).toEqual([]);
  });

  it('fails, naming itself, when it is down, rate-limited, not JSON or silent', async () => {
    for (const mode of ['down', 'rate_limited', 'not_json', 'hang'] as const) {
      const { fake, source } = tonapi();
      fake.mode = mode;
      await expect(source.fetchRates(['TON'], ['USD']), mode).rejects.toThrow(/^tonapi: /);
    }
  });
});

describe('CoinGecko as a rate source (GET /api/v3/simple/price)', () => {
  it('reads prices by coin id with the time CoinGecko says they were current', async () => {
    const { fake, source } = coingecko();
    expect(await source.fetchRates(['TON', 'USDT'], ['USD'])).toEqual([
      { asset: 'TON', currency: 'USD', rate: rate('5.41'), observedAt: NOW - 40_000 },
      { asset: 'USDT', currency: 'USD', rate: rate('0.9998'), observedAt: NOW - 40_000 },
    ]);
    expect(fake.requests).toEqual([`${FAKE_COINGECKO_URL}/api/v3/simple/price?ids=the-open-network,tether&vs_currencies=usd&include_last_updated_at=true`]);
  });

  it('quotes the rial where it has it, and leaves out what it does not have', async () => {
    const { source } = coingecko();
    expect(await source.fetchRates(['TON', 'USDT'], ['IRR'])).toEqual([{ asset: 'TON', currency: 'IRR', rate: rate('2271000'), observedAt: NOW - 40_000 }]);
  });

  it('fails, naming itself, when it is down, rate-limited (429), not JSON or silent', async () => {
    for (const mode of ['down', 'rate_limited', 'not_json', 'hang'] as const) {
      const { fake, source } = coingecko();
      fake.mode = mode;
      await expect(source.fetchRates(['TON'], ['USD']), mode).rejects.toThrow(/^coingecko: /);
    }
  });
});

describe('both sources behind the rate book', () => {
  it('quote the mean of the two, and an order’s amount from it', async () => {
    const book = createRateBook({ sources: [tonapi().source, coingecko().source], now: () => NOW });
    const ton = await book.rateOf('TON', 'USD');
    // (5.4321 + 5.41) / 2 = 5.42105
    expect(ton).toEqual({ rate: rate('5.42105'), source: 'coingecko+tonapi', observedAt: NOW - 40_000 });
    expect(quoteAmount(2_500n, 'USD', 'TON', ton!.rate)).toBe(4_611_652_725n);
  });

  it('quote from the one that answered when the other is down', async () => {
    const down = coingecko();
    down.fake.mode = 'down';
    const book = createRateBook({ sources: [tonapi().source, down.source], now: () => NOW });
    expect(await book.rateOf('USDT', 'USD')).toMatchObject({ rate: rate('1.0003'), source: 'tonapi' });
  });

  it('refuse to quote (RATE_UNAVAILABLE) when both are down and nothing recent is kept', async () => {
    const a = tonapi();
    const b = coingecko();
    a.fake.mode = 'down';
    b.fake.mode = 'rate_limited';
    await expect(createRateBook({ sources: [a.source, b.source], now: () => NOW }).rateOf('TON', 'USD')).rejects.toBeInstanceOf(RateUnavailableError);
  });
});

describe('the dev chain’s fixed rates', () => {
  it('quote without the internet, in every currency the shop can price in', async () => {
    const book = createRateBook({ sources: [createFixedRates()] });
    expect((await book.rateOf('TON', 'USD'))!.rate).toEqual(rate('5'));
    for (const currency of ['EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'] as const) {
      expect(await book.rateOf('USDT', currency), currency).toMatchObject({ source: 'fixed' });
    }
  });
});

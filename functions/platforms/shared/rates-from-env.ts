import { createCoingeckoRates } from '../../adapters/rates/coingecko-rates';
import { createFixedRates } from '../../adapters/rates/fixed-rates';
import { createTonapiRates } from '../../adapters/rates/tonapi-rates';
import type { Env } from '../../config';
import { createRateBook, type RateBook } from '../../core/pricing/rate-book';

/**
 * The rates the shop quotes with. The dev chain (TON_NETWORK=local) uses the fixed dev rates, so a local
 * shop quotes offline and a test knows what to pay. Elsewhere the median of tonapi's `/v2/rates` and
 * CoinGecko's `simple/price` (market figures: mainnet's, whatever network), asked at most once a minute;
 * tonapi gets TON_API_KEY when it is the shop's indexer too.
 */
export function ratesFromEnv(env: Env): RateBook {
  if (env.TON_NETWORK === 'local') return createRateBook({ sources: [createFixedRates()] });
  return createRateBook({
    sources: [
      createTonapiRates({ ...(env.TON_INDEXER === 'tonapi' && env.TON_API_KEY && { apiKey: env.TON_API_KEY }) }),
      createCoingeckoRates({ ...(env.COINGECKO_API_KEY && { apiKey: env.COINGECKO_API_KEY }) }),
    ],
  });
}

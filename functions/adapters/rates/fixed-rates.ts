import type { FiatCurrency, PaymentAsset } from '../../core/pricing/currencies';
import { rateFromDecimal, type ExactRate } from '../../core/pricing/exact-rate';
import type { RateSample, RateSource } from '../../core/pricing/rate-source';

/**
 * The dev chain's rates (TON_NETWORK=local): fixed figures, so a local shop quotes without the internet and
 * a test knows the amount it must pay. Round numbers on purpose; they are not market figures.
 */
export const DEV_RATES: Record<PaymentAsset, Record<FiatCurrency, string>> = {
  TON: { USD: '5', EUR: '4.5', RUB: '400', INR: '420', AED: '18.5', TRY: '170', IRR: '2500000' },
  USDT: { USD: '1', EUR: '0.9', RUB: '80', INR: '84', AED: '3.67', TRY: '34', IRR: '500000' },
};

export function createFixedRates(table: Record<PaymentAsset, Record<FiatCurrency, string>> = DEV_RATES, now: () => number = Date.now): RateSource {
  return {
    name: 'fixed',
    async fetchRates(assets, currencies) {
      const samples: RateSample[] = [];
      for (const asset of assets) {
        for (const currency of currencies) {
          const rate: ExactRate | null = rateFromDecimal(table[asset][currency]);
          if (rate) samples.push({ asset, currency, rate, observedAt: now() });
        }
      }
      return samples;
    },
  };
}

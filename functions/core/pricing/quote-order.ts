import type { PaymentAsset, PricingCurrency } from './currencies';
import { formatRate } from './exact-rate';
import { quoteAmount } from './quote-amount';
import type { RateBook } from './rate-book';

/** What an order costs in one asset, fixed for the reservation window: stored on the order as it is. */
export interface AssetQuote {
  asset: PaymentAsset;
  /** In the asset's smallest unit (nanotons, micro-USDT). */
  amount: bigint;
  /** One whole asset in the pricing currency, "numerator/denominator"; null when the shop prices in the asset. */
  rate: string | null;
  source: string;
  /** When the rate's oldest figure was current (ms). */
  fetchedAt: number;
  /** Until when a payment of `amount` pays the order (ms): the end of the reservation. */
  lockedUntil: number;
}

/**
 * Quotes a total in each asset the shop accepts, every one locked until the reservation ends.
 * @throws RateUnavailableError when an accepted asset has no recent rate (the checkout answers 503)
 */
export async function quoteOrder(input: {
  total: bigint;
  currency: PricingCurrency;
  accepted: readonly PaymentAsset[];
  rates: RateBook;
  now: number;
  lockedUntil: number;
}): Promise<AssetQuote[]> {
  return Promise.all(
    input.accepted.map(async (asset) => {
      const rate = await input.rates.rateOf(asset, input.currency);
      return {
        asset,
        amount: quoteAmount(input.total, input.currency, asset, rate?.rate ?? null),
        rate: rate ? formatRate(rate.rate) : null,
        source: rate?.source ?? 'same currency',
        fetchedAt: rate?.observedAt ?? input.now,
        lockedUntil: input.lockedUntil,
      };
    }),
  );
}

import type { OrderQuoter } from '../orders/order-repo';
import type { PaymentAsset, PricingCurrency } from './currencies';
import { quoteOrder } from './quote-order';
import type { RateBook } from './rate-book';
import { snapshotRates } from './rate-snapshot';

/**
 * What a new order is quoted with: the rates of every accepted asset, taken now (before the order's
 * transaction), and the quoter the order repository calls with the total it priced.
 * @throws RateUnavailableError when an accepted asset has no recent rate: the checkout answers 503 and
 * no order is made
 */
export async function prepareCheckoutQuotes(input: {
  rates: RateBook;
  accepted: readonly PaymentAsset[];
  currency: PricingCurrency;
  now: Date;
}): Promise<OrderQuoter> {
  const rates = await snapshotRates(input.rates, input.accepted, input.currency);
  return ({ totalMinor, lockedUntil }) =>
    quoteOrder({ total: totalMinor, currency: input.currency, accepted: input.accepted, rates, now: input.now.getTime(), lockedUntil: lockedUntil.getTime() });
}

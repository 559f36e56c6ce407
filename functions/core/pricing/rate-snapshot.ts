import type { PaymentAsset, PricingCurrency } from './currencies';
import type { QuoteRate, RateBook } from './rate-book';

/**
 * The rates a checkout needs, asked of the book once and kept: a RateBook that answers from them alone.
 * An order asks for its rates before its transaction and quotes with this snapshot inside it, so no
 * rate source is waited on while the order's stock rows are locked, and an unavailable rate refuses the
 * checkout before anything is reserved.
 * @throws RateUnavailableError (from the book) when an accepted asset has no recent rate
 */
export async function snapshotRates(book: RateBook, accepted: readonly PaymentAsset[], currency: PricingCurrency): Promise<RateBook> {
  const rates = new Map<PaymentAsset, QuoteRate | null>();
  for (const asset of accepted) rates.set(asset, await book.rateOf(asset, currency));
  return {
    async rateOf(asset, asked) {
      if (asked !== currency || !rates.has(asset)) throw new RangeError(`no rate of ${asset} in ${asked} was taken for this checkout`);
      return rates.get(asset) ?? null;
    },
  };
}

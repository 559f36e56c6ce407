import { currencyInfo, type PaymentAsset, type PricingCurrency } from './currencies';
import type { ExactRate } from './exact-rate';

/**
 * How much of `asset` (in its smallest unit) pays `price` (in the smallest unit of `currency`), when one
 * whole `asset` is worth `rate` whole units of `currency`:
 *
 *   asset units = price × 10^assetDigits × rate.denominator / (10^currencyDigits × rate.numerator)
 *
 * rounded **up** to a whole smallest unit: the merchant never receives less than the price at the quoted
 * rate, and the customer pays at most one nanoton or one micro-USDT more than the exact figure. All bigint;
 * no float ever touches the amount. A shop priced in the asset it is paid in needs no rate at all.
 */
export function quoteAmount(price: bigint, currency: PricingCurrency, asset: PaymentAsset, rate: ExactRate | null): bigint {
  if (price < 0n) throw new RangeError('a price cannot be negative');
  if (currency === asset) return price;
  if (!rate || rate.numerator <= 0n || rate.denominator <= 0n) throw new RangeError(`a rate of ${asset} in ${currency} is needed`);
  const numerator = price * 10n ** BigInt(currencyInfo(asset).minorDigits) * rate.denominator;
  const denominator = 10n ** BigInt(currencyInfo(currency).minorDigits) * rate.numerator;
  return ceilDivide(numerator, denominator);
}

function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

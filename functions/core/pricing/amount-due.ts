import type { PaymentAsset, PricingCurrency } from './currencies';

/**
 * What an order asks to be paid in `asset`, in the asset's smallest unit: its stored quote in that asset;
 * for an order placed before quotes were stored (always a TON-priced one), its total when the order is
 * priced in the asset itself. Null: the order cannot be paid in that asset (a fiat order never quoted in it),
 * and a payment in it never pays, whatever its number says: 12.50 USD is not 1250 nanotons.
 */
export function amountDue(
  order: { currency: PricingCurrency; totalMinor: bigint; quotes: readonly { asset: PaymentAsset; amount: bigint }[] },
  asset: PaymentAsset,
): bigint | null {
  const quote = order.quotes.find((q) => q.asset === asset);
  if (quote) return quote.amount;
  return order.currency === asset ? order.totalMinor : null;
}

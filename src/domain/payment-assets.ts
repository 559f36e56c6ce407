// Which asset a customer pays an order in, from the quotes the server gave it (docs/api.md, `quotes`).
// Pure: the checkout's summary and the payment panel both read these, and neither trusts anything but
// the server's quotes for an amount.
import type { AssetQuote, PaymentAsset } from './types';

/** The order the assets are offered in: TON first, the shop's own coin and the default. */
export const PAYMENT_ASSETS: readonly PaymentAsset[] = ['TON', 'USDT'];

/**
 * The quotes to show, one per asset this build can pay in, TON first. An asset a newer server quotes but
 * this build cannot pay is left out rather than offered and failed; a repeated asset keeps its first quote.
 */
export function quotesToShow(quotes: readonly AssetQuote[] | undefined): AssetQuote[] {
  const shown: AssetQuote[] = [];
  for (const asset of PAYMENT_ASSETS) {
    const quote = quotes?.find((q) => q.asset === asset);
    if (quote) shown.push(quote);
  }
  return shown;
}

/** Whether the customer has a choice to make: only when more than one asset is quoted. */
export function offersAssetChoice(quotes: readonly AssetQuote[] | undefined): boolean {
  return quotesToShow(quotes).length > 1;
}

/**
 * The asset to pay in: the customer's `preferred` one when the order is quoted in it, else TON when
 * quoted, else the one asset there is. Null when nothing is quoted: an older order, paid in TON from its
 * payment intent as before.
 */
export function chooseAsset(quotes: readonly AssetQuote[] | undefined, preferred: PaymentAsset | null): PaymentAsset | null {
  const shown = quotesToShow(quotes);
  if (preferred && shown.some((q) => q.asset === preferred)) return preferred;
  return shown[0]?.asset ?? null;
}

/** The quote of `asset`, if the order has one. */
export function quoteOf(quotes: readonly AssetQuote[] | undefined, asset: PaymentAsset | null): AssetQuote | null {
  return (asset && quotesToShow(quotes).find((q) => q.asset === asset)) || null;
}

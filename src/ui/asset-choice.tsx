import type { AssetQuote, PaymentAsset } from '../domain/types';
import { tOrder } from '../i18n/orders-i18n';
import { formatAssetAmount } from './asset-amount';
import { formatPrice, type MoneyCurrency } from './format-price';

const HINTS: Record<PaymentAsset, 'asset.hint.TON' | 'asset.hint.USDT'> = { TON: 'asset.hint.TON', USDT: 'asset.hint.USDT' };

/**
 * What the order costs in each asset the shop accepts, as radio buttons to pay in one of them (a native
 * radio group: arrow keys, the legend read as its name). With one quote there is nothing to choose: the
 * amount is shown as a row beside the order's total in the shop's currency ("Total $12.50 — you pay
 * 4.1666 TON"), and only when it is in another unit than that total (a TON shop paid in TON shows nothing).
 */
export function AssetChoice({
  quotes,
  chosen,
  onChoose,
  disabled = false,
  name,
  total,
}: {
  /** The quotes to show (domain/payment-assets.ts quotesToShow). */
  quotes: readonly AssetQuote[];
  chosen: PaymentAsset | null;
  onChoose: (asset: PaymentAsset) => void;
  disabled?: boolean;
  /** The radio group's name, unique on the page. */
  name: string;
  /** The order's total in the shop's pricing currency (absent: a TON price shown above). */
  total?: { amountMinor: string; currency: MoneyCurrency | undefined };
}) {
  if (quotes.length === 0) return null;
  if (quotes.length === 1) {
    const [only] = quotes as [AssetQuote];
    const currency = total?.currency ?? 'TON';
    if (only.asset === currency) return null;
    return (
      <p className="asset-amount" data-testid="asset-amount" data-asset={only.asset}>
        {total
          ? tOrder('payment.totalAndDue', { total: formatPrice(total.amountMinor, currency), amount: formatAssetAmount(only) })
          : tOrder('payment.amountDue', { amount: formatAssetAmount(only) })}
      </p>
    );
  }
  return (
    <fieldset className="choice-list asset-choice" data-testid="asset-choice" disabled={disabled}>
      <legend className="field__label">{tOrder('asset.legend')}</legend>
      {quotes.map((quote) => (
        <label key={quote.asset} className="choice" data-testid="asset-option" data-asset={quote.asset}>
          <input type="radio" name={name} value={quote.asset} checked={chosen === quote.asset} onChange={() => onChoose(quote.asset)} />
          <span className="choice__text">
            {/* The amount isolated inside the title, which keeps the text's own alignment (right in Persian). */}
            <span className="choice__title">
              <span className="money" data-testid="asset-option-amount">
                {formatAssetAmount(quote)}
              </span>
            </span>
            <span className="hint">{tOrder(HINTS[quote.asset])}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

import type { AssetQuote, PaymentAsset } from '../domain/types';
import { tOrder } from '../i18n/orders-i18n';
import { formatAssetAmount } from './asset-amount';

const HINTS: Record<PaymentAsset, 'asset.hint.TON' | 'asset.hint.USDT'> = { TON: 'asset.hint.TON', USDT: 'asset.hint.USDT' };

/**
 * What the order costs in each asset the shop accepts, as radio buttons to pay in one of them (a native
 * radio group: arrow keys, the legend read as its name). With one quote there is nothing to choose: the
 * amount is shown as a row, and only when it is not the TON price already shown above it.
 */
export function AssetChoice({
  quotes,
  chosen,
  onChoose,
  disabled = false,
  name,
}: {
  /** The quotes to show (domain/payment-assets.ts quotesToShow). */
  quotes: readonly AssetQuote[];
  chosen: PaymentAsset | null;
  onChoose: (asset: PaymentAsset) => void;
  disabled?: boolean;
  /** The radio group's name, unique on the page. */
  name: string;
}) {
  if (quotes.length === 0) return null;
  if (quotes.length === 1) {
    const [only] = quotes as [AssetQuote];
    if (only.asset === 'TON') return null;
    return (
      <p className="asset-amount" data-testid="asset-amount" data-asset={only.asset}>
        {tOrder('payment.amountDue', { amount: formatAssetAmount(only) })}
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

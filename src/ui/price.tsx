import { formatTon } from '../domain/money';
import { t } from '../i18n/i18n';

export const formatPrice = (amountNano: string): string => formatTon(amountNano);

/** A price, with the old one struck through when there is a higher compare-at price. */
export function Price({ amountNano, compareAtNano }: { amountNano: string; compareAtNano?: string | null }) {
  const showCompare = compareAtNano != null && BigInt(compareAtNano) > BigInt(amountNano);
  return (
    <span className="price">
      <span className="price__now money">{formatPrice(amountNano)}</span>
      {showCompare && (
        <s className="price__was money" aria-label={t('product.wasPrice', { price: formatPrice(compareAtNano) })}>
          {formatPrice(compareAtNano)}
        </s>
      )}
    </span>
  );
}

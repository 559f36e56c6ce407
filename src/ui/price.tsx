import { formatTonInLocale } from '../domain/money';
import { currentLocale, t } from '../i18n/i18n';

/** A nanoton amount as TON in the active locale's digits and separators. */
export const formatPrice = (amountNano: string): string => formatTonInLocale(amountNano, currentLocale());

/**
 * A payment's amount in its asset: nanotons as TON, micro-USDT (6 decimals) as USDT. A micro-USDT is a
 * thousand "nano" units of the 9-decimal formatter, so the same exact digits come out, never a float.
 */
export const formatPaymentAmount = (amount: string, asset: string | undefined): string =>
  asset === 'USDT' ? formatTonInLocale((BigInt(amount) * 1000n).toString(), currentLocale(), 'USDT') : formatPrice(amount);

/** A price, with the old one struck through when there is a higher compare-at price. */
export function Price({ amountNano, compareAtMinor }: { amountNano: string; compareAtMinor?: string | null }) {
  const showCompare = compareAtMinor != null && BigInt(compareAtMinor) > BigInt(amountNano);
  return (
    <span className="price">
      <span className="price__now money">{formatPrice(amountNano)}</span>
      {showCompare && (
        <s className="price__was money" aria-label={t('product.wasPrice', { price: formatPrice(compareAtMinor) })}>
          {formatPrice(compareAtMinor)}
        </s>
      )}
    </span>
  );
}

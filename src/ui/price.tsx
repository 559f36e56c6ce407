// The first screen's prices (catalog cards; the product page too). A TON price is formatted by
// contract/money.ts, which the first screen loads anyway; any other currency needs contract/format-money.ts,
// which is kept off the first screen (budget: bench/bundle-size.mjs), so it is loaded here when the first
// such price renders, and the price shows once it has arrived. Later screens use format-price.ts directly.
import { useEffect, useSyncExternalStore } from 'react';
import type { MoneyCurrency } from '../../contract/format-money';
import { formatTonInLocale } from '../domain/money';
import { currentLocale, t } from '../i18n/i18n';

type FormatPrice = (amountMinor: string, currency: MoneyCurrency) => string;

let loadedFormat: FormatPrice | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Fetches the any-currency formatter once; a failed fetch (offline) is tried again by the next price. */
export function loadPriceFormat(): Promise<void> {
  loading ??= import('./format-price').then(
    (module) => {
      loadedFormat = module.formatPrice;
      listeners.forEach((listener) => listener());
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const readLoaded = () => loadedFormat;

const formatTon: FormatPrice = (amountMinor) => formatTonInLocale(amountMinor, currentLocale());

/** How to format prices of `currency` now; null while the formatter for a non-TON currency is loading. */
export function usePriceFormat(currency: MoneyCurrency | undefined = 'TON'): FormatPrice | null {
  const loaded = useSyncExternalStore(subscribe, readLoaded, readLoaded);
  const needsLoad = currency !== 'TON' && loaded === null;
  useEffect(() => {
    if (needsLoad) void loadPriceFormat();
  }, [needsLoad]);
  return currency === 'TON' ? formatTon : loaded;
}

/** A price in its currency, with the old one struck through when there is a higher compare-at price. */
export function Price({ amountMinor, currency, compareAtMinor }: { amountMinor: string; currency: MoneyCurrency | undefined; compareAtMinor?: string | null }) {
  const format = usePriceFormat(currency);
  const shop = currency ?? 'TON';
  if (format === null) {
    // A few milliseconds on a warm cache: the row keeps its height and says it is busy rather than show a wrong unit.
    return <span className="price" aria-busy="true" data-testid="price-pending" />;
  }
  const showCompare = compareAtMinor != null && BigInt(compareAtMinor) > BigInt(amountMinor);
  return (
    <span className="price">
      <span className="price__now money">{format(amountMinor, shop)}</span>
      {showCompare && (
        <s className="price__was money" aria-label={t('product.wasPrice', { price: format(compareAtMinor, shop) })}>
          {format(compareAtMinor, shop)}
        </s>
      )}
    </span>
  );
}

import { chooseAsset, quotesToShow } from '../../domain/payment-assets';
import { tCheckout } from '../../i18n/checkout-i18n';
import { ApiError } from '../../platform/api-client';
import { setPreferredAsset, usePreferredAsset } from '../../platform/preferred-asset';
import { AssetChoice } from '../../ui/asset-choice';
import { formatPrice } from '../../ui/format-price';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import type { LiveQuote } from './use-live-quote';
import type { MoneyCurrency } from '../../ui/format-price';

/**
 * Items − discount + delivery = total, as the last quote has it, and what that is in each asset the shop
 * takes, to pay in (the choice goes on to the order's payment); what is missing, while it is.
 */
export function QuoteSummary({ live, ready, currency }: { live: LiveQuote; ready: boolean; currency: MoneyCurrency | undefined }) {
  const { quote } = live;
  // The quote names what it counts; the catalog's currency for an older server's quote.
  const shop = quote?.currency ?? currency;
  const preferred = usePreferredAsset();
  const assetQuotes = quotesToShow(quote?.quotes);
  return (
    <section className="card quote-summary" data-testid="quote-summary" aria-label={tCheckout('summary.title')} aria-busy={live.loading || undefined}>
      {!ready ? (
        <p className="hint" data-testid="quote-pending">
          {tCheckout('summary.pending')}
        </p>
      ) : quote ? (
        <>
          <dl className="quote-summary__rows">
            <div className="quote-summary__row">
              <dt>{tCheckout('summary.subtotal')}</dt>
              <dd className="money" data-testid="quote-subtotal">
                {formatPrice(quote.subtotalMinor, shop)}
              </dd>
            </div>
            {quote.delivery && (
              <div className="quote-summary__row">
                <dt>
                  {tCheckout('summary.delivery')}
                  {quote.delivery.zoneName && (
                    <>
                      {' · '}
                      <bdi>{quote.delivery.zoneName}</bdi>
                    </>
                  )}
                </dt>
                <dd className="money" data-testid="quote-delivery">
                  {quote.deliveryFeeMinor === '0' ? tCheckout('delivery.free') : formatPrice(quote.deliveryFeeMinor, shop)}
                </dd>
              </div>
            )}
            {quote.discountMinor !== '0' && (
              <div className="quote-summary__row quote-summary__row--discount">
                <dt>
                  {tCheckout('summary.discount')}
                  {quote.promoCode && (
                    <>
                      {' · '}
                      <bdi>{quote.promoCode}</bdi>
                    </>
                  )}
                </dt>
                <dd className="money" data-testid="quote-discount">
                  −{formatPrice(quote.discountMinor, shop)}
                </dd>
              </div>
            )}
            <div className="quote-summary__row quote-summary__row--total">
              <dt>{tCheckout('summary.total')}</dt>
              <dd className="money" data-testid="quote-total">
                {formatPrice(quote.totalMinor, shop)}
              </dd>
            </div>
          </dl>
          <AssetChoice
            name="checkout-asset"
            quotes={assetQuotes}
            chosen={chooseAsset(assetQuotes, preferred)}
            onChoose={setPreferredAsset}
            total={{ amountMinor: quote.totalMinor, currency: shop }}
          />
        </>
      ) : live.error instanceof ApiError && live.error.status === 422 && !live.loading ? (
        <p className="hint">{tCheckout('form.fixFields')}</p>
      ) : live.error !== undefined && !live.loading ? (
        <p className="inline-error" role="alert">
          <span>{tCheckout('summary.failed')}</span>
          <button type="button" className="button button--small" onClick={live.retry}>
            {tCheckout('summary.retry')}
          </button>
        </p>
      ) : (
        <Skeleton label={tCheckout('summary.title')}>
          <SkeletonBlock style={{ inlineSize: '100%' }} />
          <SkeletonBlock style={{ inlineSize: '60%' }} />
        </Skeleton>
      )}
    </section>
  );
}

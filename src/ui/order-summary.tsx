import type { DeliveryAddress } from '../domain/checkout';
import type { Order } from '../domain/types';
import { tCheckout } from '../i18n/checkout-i18n';
import { currentLocale } from '../i18n/i18n';
import { tOrder } from '../i18n/orders-i18n';
import { formatPrice } from './format-price';

/**
 * The order as the server priced it: lines (with their variant), then items − discount + delivery =
 * total, each figure the server's. An order from before delivery existed has only its total.
 */
export function OrderSummary({ order }: { order: Order }) {
  const { subtotalMinor, discountMinor, deliveryFeeMinor, delivery, promoCode, currency } = order;
  return (
    <section data-testid="order-summary" className="card order-summary" aria-label={tOrder('order.items')}>
      <ul className="order-summary__lines">
        {order.items.map((item) => (
          <li key={item.variantId ?? item.productId} className="order-summary__line" data-testid="order-line">
            <span className="order-summary__title">
              <bdi>{item.title}</bdi>
              {item.variantLabel && (
                <span className="order-summary__variant" data-testid="order-line-variant">
                  {' · '}
                  <bdi>{item.variantLabel}</bdi>
                </span>
              )}
            </span>
            <span className="order-summary__qty money">
              {tOrder('order.lineQuantity', { quantity: item.quantity, price: formatPrice(item.unitPriceMinor, currency) })}
            </span>
            <span className="order-summary__amount money">{formatPrice(item.lineTotalMinor, currency)}</span>
          </li>
        ))}
      </ul>
      {subtotalMinor !== undefined && (
        <dl className="order-summary__breakdown" data-testid="order-breakdown">
          <div>
            <dt>{tCheckout('summary.subtotal')}</dt>
            <dd className="money">{formatPrice(subtotalMinor, currency)}</dd>
          </div>
          {discountMinor && discountMinor !== '0' && (
            <div data-testid="order-discount">
              <dt>
                {tCheckout('summary.discount')}
                {promoCode && (
                  <>
                    {' · '}
                    <bdi>{promoCode}</bdi>
                  </>
                )}
              </dt>
              <dd className="money">−{formatPrice(discountMinor, currency)}</dd>
            </div>
          )}
          {delivery && deliveryFeeMinor !== undefined && (
            <div data-testid="order-delivery-fee">
              <dt>{tCheckout('summary.delivery')}</dt>
              <dd className="money">{deliveryFeeMinor === '0' ? tCheckout('delivery.free') : formatPrice(deliveryFeeMinor, currency)}</dd>
            </div>
          )}
        </dl>
      )}
      <div className="order-summary__total">
        <span>{tOrder('order.total')}</span>
        <strong className="money" data-testid="order-total">
          {formatPrice(order.totalMinor, currency)}
        </strong>
      </div>
    </section>
  );
}

function AddressLines({ address }: { address: DeliveryAddress }) {
  const country = address.country ? (new Intl.DisplayNames([currentLocale(), 'en'], { type: 'region' }).of(address.country) ?? address.country) : '';
  const lines = [
    address.recipientName,
    address.line1,
    address.line2,
    [address.city, address.region, address.postalCode].filter(Boolean).join(', '),
    country,
    address.phone,
  ].filter(Boolean);
  return (
    <address className="order-delivery__address" data-testid="order-address">
      {/* The line is the block (it lines up with the text around it); the bdi only isolates its direction. */}
      {lines.map((line, i) => (
        <span key={i}>
          <bdi>{line}</bdi>
        </span>
      ))}
    </address>
  );
}

/** How the order reaches the customer: the method, and the address or the pickup point; the note. */
export function OrderDelivery({ order }: { order: Order }) {
  const { delivery, note } = order;
  if (!delivery && !note) return null;
  const point = delivery?.pickupPoint;
  return (
    <section className="card order-delivery" data-testid="order-delivery" aria-label={tCheckout('order.deliveryTitle')}>
      {delivery && (
        <>
          <h2 className="card__title">{tCheckout('order.deliveryTitle')}</h2>
          <p data-testid="order-delivery-method">
            <bdi>{delivery.methodName}</bdi>
            {delivery.zoneName && (
              <>
                {' · '}
                <bdi>{delivery.zoneName}</bdi>
              </>
            )}
            {delivery.estimate && (
              <span className="hint">
                {' · '}
                <bdi>{delivery.estimate}</bdi>
              </span>
            )}
          </p>
          {point && (
            <div className="order-delivery__block" data-testid="order-pickup-point">
              <span className="hint">{tCheckout('order.pickupAt')}</span>
              <span className="order-delivery__strong">
                <bdi>{point.name}</bdi>
              </span>
              <span>
                <bdi>{point.address}</bdi>
              </span>
              {point.hours && <span className="hint">{tCheckout('pickup.hours', { hours: point.hours })}</span>}
            </div>
          )}
          {delivery.address && (
            <div className="order-delivery__block">
              <span className="hint">{tCheckout('order.deliverTo')}</span>
              <AddressLines address={delivery.address} />
            </div>
          )}
        </>
      )}
      {note && (
        <div className="order-delivery__block" data-testid="order-note">
          <span className="hint">{tCheckout('order.note')}</span>
          <p dir="auto">{note}</p>
        </div>
      )}
    </section>
  );
}

// Where the order goes and what it adds up to: the delivery snapshot (address or pickup point) with a
// Copy button for the label, the phone, the customer's note and promo code, and items − discount +
// delivery = total. The address is the customer's own text in any script: <bdi> keeps it whole in RTL.
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { formatPrice } from '../../../ui/format-price';
import type { AdminOrder, DeliveryAddress } from '../common/admin-types';

/** The address as one would write it on a parcel, a line per part. */
export function addressLines(address: DeliveryAddress): string[] {
  return [
    address.recipientName,
    address.line1,
    address.line2,
    [address.city, address.region, address.postalCode].filter(Boolean).join(', '),
    address.country,
  ].filter((line): line is string => Boolean(line));
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" className="button" data-testid="copy-address" onClick={() => void copy()}>
        {tAdmin('admin.order.copy')}
      </button>
      {copied !== null && (
        <span className="hint" role="status">
          {tAdmin(copied ? 'admin.order.copied' : 'admin.order.copyFailed')}
        </span>
      )}
    </>
  );
}

export function OrderFulfilment({ order }: { order: AdminOrder }) {
  const { delivery } = order;
  const address = delivery?.address ?? null;
  const point = delivery?.pickupPoint ?? null;
  const text = address ? addressLines(address).join('\n') : point ? [point.name, point.address].join('\n') : '';
  return (
    <section className="card admin-card" aria-labelledby="order-delivery-title" data-testid="order-delivery">
      <h2 id="order-delivery-title" className="card__title">
        {tAdmin('admin.order.delivery')}
      </h2>
      {delivery ? (
        <p>
          <bdi>{delivery.methodName}</bdi> · {tAdmin(`admin.delivery.kind.${delivery.kind}`)}
          {delivery.estimate && (
            <>
              {' '}
              · <bdi>{delivery.estimate}</bdi>
            </>
          )}
        </p>
      ) : (
        <p className="hint">{tAdmin('admin.order.noDelivery')}</p>
      )}
      {text && (
        <>
          <p className="admin-address" data-testid="order-address">
            {text.split('\n').map((line, index) => (
              <span key={index} className="admin-address__line">
                <bdi>{line}</bdi>
              </span>
            ))}
          </p>
          {point?.hours && <p className="hint">{tAdmin('admin.order.hours', { hours: point.hours })}</p>}
          {point?.mapUrl && (
            <a href={point.mapUrl} target="_blank" rel="noreferrer">
              {tAdmin('admin.order.map')}
            </a>
          )}
          <div className="admin-actions__buttons">
            <CopyButton text={text} />
          </div>
        </>
      )}
      {address?.phone && (
        <p data-testid="order-phone">
          {tAdmin('admin.order.phone')}{' '}
          <a href={`tel:${address.phone}`} dir="ltr">
            {address.phone}
          </a>
        </p>
      )}
      {order.note && (
        <p data-testid="order-note">
          {tAdmin('admin.order.note')} <bdi>{order.note}</bdi>
        </p>
      )}
      {order.promoCode && (
        <p data-testid="order-promo">
          {tAdmin('admin.order.promoCode')} <bdi dir="ltr">{order.promoCode}</bdi>
        </p>
      )}
    </section>
  );
}

/** items − discount + delivery = total, each on its line. */
export function OrderTotals({ order }: { order: AdminOrder }) {
  const discount = BigInt(order.discountMinor ?? '0');
  return (
    <dl className="admin-totals" data-testid="order-totals">
      <dt>{tAdmin('admin.order.subtotal')}</dt>
      <dd className="money">{formatPrice(order.subtotalMinor, order.currency)}</dd>
      {discount > 0n && (
        <>
          <dt>{tAdmin('admin.order.discount')}</dt>
          <dd className="money">−{formatPrice(order.discountMinor, order.currency)}</dd>
        </>
      )}
      <dt>{tAdmin('admin.order.deliveryFee')}</dt>
      <dd className="money">{formatPrice(order.deliveryFeeMinor, order.currency)}</dd>
    </dl>
  );
}

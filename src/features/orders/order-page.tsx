import type { ReactNode } from 'react';
import { formatDateTime } from '../../i18n/format-date';
import { tOrder } from '../../i18n/orders-i18n';
import { ErrorView } from '../../ui/error-view';
import { navigate } from '../../platform/router';
import { OrderStatusBadge, OrderStatusNote } from '../../ui/order-status';
import { OrderDelivery, OrderSummary } from '../../ui/order-summary';
import { PrimaryAction } from '../../ui/primary-action';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useOrder } from './api';
import { DigitalItems } from './digital-items';

/** `aside`: what the app puts under the order (the web storefront's Web Push opt-in). */
export function OrderPage({ orderId, aside }: { orderId: string; aside?: ReactNode }) {
  const order = useOrder(orderId);
  if (!order.data) {
    return (
      <main className="screen" data-testid="order-page">
        {order.error !== undefined ? (
          <ErrorView error={order.error} onRetry={order.reload} />
        ) : (
          <Skeleton label={tOrder('orders.title')}>
            <SkeletonBlock style={{ inlineSize: '50%', blockSize: '1.5rem' }} />
            <SkeletonBlock className="skeleton-block--card" />
          </Skeleton>
        )}
      </main>
    );
  }
  const { code, status, createdAt, id } = order.data;
  return (
    <main className="screen" data-testid="order-page">
      <h1 className="screen__title">{tOrder('order.title', { code })}</h1>
      <div className="status-row">
        <OrderStatusBadge status={status} />
        <span className="hint">{tOrder('orders.placedAt', { date: formatDateTime(createdAt) })}</span>
      </div>
      <OrderStatusNote status={status} />
      <OrderSummary order={order.data} />
      <OrderDelivery order={order.data} />
      {order.data.digital && <DigitalItems orderId={id} items={order.data.digital} />}
      {(status === 'pending' || status === 'confirming') && (
        <PrimaryAction
          text={status === 'pending' ? tOrder('orders.openCheckout') : tOrder('payment.followProgress')}
          onClick={() => navigate(`/checkout/${id}`)}
        />
      )}
      {aside}
    </main>
  );
}

import type { ReactNode } from 'react';
import type { Order, OrderStatus } from '../../domain/types';
import { tOrder } from '../../i18n/orders-i18n';
import { Countdown } from '../../ui/countdown';
import { ErrorView } from '../../ui/error-view';
import { Link } from '../../ui/link';
import { OrderStatusBadge, OrderStatusNote } from '../../ui/order-status';
import { OrderDelivery, OrderSummary } from '../../ui/order-summary';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useCheckoutOrder } from './api';

// Statuses with a payment to make or to follow; after these the order page takes over.
const PAYMENT_STATUSES: ReadonlySet<OrderStatus> = new Set(['pending', 'confirming', 'paid']);

/**
 * The order the cart just created: what is in it, how long it stays reserved, and its payment
 * (`paymentSlot`, the lazily loaded payment feature, composed in app/checkout-screen).
 */
export function CheckoutPage({ orderId, paymentSlot }: { orderId: string; paymentSlot: (order: Order) => ReactNode }) {
  const order = useCheckoutOrder(orderId);

  if (!order.data) {
    return (
      <main className="screen" data-testid="checkout-page">
        {order.error !== undefined ? (
          <ErrorView error={order.error} onRetry={order.reload} />
        ) : (
          <Skeleton label={tOrder('checkout.loading')}>
            <SkeletonBlock style={{ inlineSize: '50%', blockSize: '1.5rem' }} />
            <SkeletonBlock className="skeleton-block--card" />
          </Skeleton>
        )}
      </main>
    );
  }

  const { code, status, expiresAt } = order.data;
  const pending = status === 'pending';
  return (
    <main className="screen" data-testid="checkout-page">
      <h1 className="screen__title">{tOrder('checkout.title', { code })}</h1>
      <div className="status-row">
        <OrderStatusBadge status={status} />
        {pending && <Countdown deadlineIso={expiresAt} onDone={order.reload} render={(time) => tOrder('checkout.reservedFor', { time })} />}
      </div>
      <OrderStatusNote status={status} />
      <OrderSummary order={order.data} />
      <OrderDelivery order={order.data} />
      {PAYMENT_STATUSES.has(status) && paymentSlot(order.data)}
      <Link to="/orders" className="text-link">
        {tOrder('checkout.myOrders')}
      </Link>
    </main>
  );
}

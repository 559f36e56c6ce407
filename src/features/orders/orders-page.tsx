import type { ReactNode } from 'react';
import { formatDateTime } from '../../i18n/format-date';
import { tOrder } from '../../i18n/orders-i18n';
import { navigate } from '../../platform/router';
import { EmptyState } from '../../ui/empty-state';
import { ErrorView } from '../../ui/error-view';
import { ForwardIcon, OrdersIcon } from '../../ui/icons';
import { Link } from '../../ui/link';
import { OrderStatusBadge } from '../../ui/order-status';
import { formatPrice } from '../../ui/format-price';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useOrders } from './api';

/** `aside`: what the app puts under the list (the web storefront's Web Push opt-in). */
export function OrdersPage({ aside }: { aside?: ReactNode }) {
  const orders = useOrders();
  let body;
  if (!orders.data) {
    body =
      orders.error !== undefined ? (
        <ErrorView error={orders.error} onRetry={orders.reload} />
      ) : (
        <Skeleton label={tOrder('orders.title')}>
          {[0, 1, 2].map((i) => (
            <SkeletonBlock key={i} className="skeleton-block--line" />
          ))}
        </Skeleton>
      );
  } else if (orders.data.length === 0) {
    body = (
      <EmptyState
        icon={<OrdersIcon />}
        title={tOrder('orders.emptyTitle')}
        body={tOrder('orders.emptyBody')}
        action={
          <button type="button" className="button button--primary" onClick={() => navigate('/')}>
            {tOrder('cart.browse')}
          </button>
        }
      />
    );
  } else {
    body = (
      <ul className="order-list card">
        {orders.data.map((order) => {
          const count = order.items.reduce((n, item) => n + item.quantity, 0);
          return (
            <li key={order.id}>
              <Link to={`/orders/${order.id}`} data-testid="order-row" data-order-id={order.id} className="order-row">
                <span className="order-row__main">
                  <span className="order-row__code">{tOrder('order.title', { code: order.code })}</span>
                  <span className="hint">
                    {formatDateTime(order.createdAt)} · {tOrder('orders.itemCount', { count })}
                    {order.delivery && (
                      <>
                        {' · '}
                        <bdi>{order.delivery.methodName}</bdi>
                      </>
                    )}
                  </span>
                </span>
                <span className="order-row__side">
                  <strong className="money">{formatPrice(order.totalMinor, order.currency)}</strong>
                  <OrderStatusBadge status={order.status} />
                </span>
                <ForwardIcon />
              </Link>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <main className="screen" data-testid="orders-page">
      <h1 className="screen__title">{tOrder('orders.title')}</h1>
      {body}
      {aside}
    </main>
  );
}

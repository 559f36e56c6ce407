import type { ReactNode } from 'react';
import { t } from '../../i18n/i18n';
import { Countdown } from '../../ui/countdown';
import { ErrorView } from '../../ui/error-view';
import { Link } from '../../ui/link';
import { OrderStatusBadge, OrderStatusNote } from '../../ui/order-status';
import { OrderSummary } from '../../ui/order-summary';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useCheckoutOrder } from './api';

/**
 * The pending order the cart just created: what is in it, how long it stays reserved, and the
 * wallet connection (`walletSlot`, the lazily loaded payment feature, composed in app/routes).
 */
export function CheckoutPage({ orderId, walletSlot }: { orderId: string; walletSlot: ReactNode }) {
  const order = useCheckoutOrder(orderId);

  if (!order.data) {
    return (
      <main className="screen" data-testid="checkout-page">
        {order.error !== undefined ? (
          <ErrorView error={order.error} onRetry={order.reload} />
        ) : (
          <Skeleton label={t('checkout.walletLoading')}>
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
      <h1 className="screen__title">{t('checkout.title', { code })}</h1>
      <div className="status-row">
        <OrderStatusBadge status={status} />
        {pending && (
          <Countdown
            deadlineIso={expiresAt}
            onDone={order.reload}
            render={(time) => t('checkout.reservedFor', { time })}
          />
        )}
      </div>
      <OrderStatusNote status={status} />
      <OrderSummary order={order.data} />
      {pending && (
        <section className="card wallet-card" aria-labelledby="wallet-title">
          <h2 id="wallet-title" className="card__title">
            {t('checkout.wallet')}
          </h2>
          <p className="hint">{t('checkout.walletHint')}</p>
          {walletSlot}
        </section>
      )}
      <Link to="/orders" className="text-link">
        {t('checkout.myOrders')}
      </Link>
    </main>
  );
}

import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format-date';
import { tAdmin } from '../../../i18n/admin-i18n';
import { useResourceCache } from '../../../platform/services';
import { ErrorView } from '../../../ui/error-view';
import { OrderStatusBadge } from '../../../ui/order-status';
import { formatPrice } from '../../../ui/format-price';
import { paidAmount } from './paid-amount';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { runOrderAction, useAdminOrder } from './api';
import type { AdminOrder, OrderAction } from '../common/admin-types';
import { ConfirmDialog } from '../common/confirm-dialog';
import { customerName } from '../common/customer-name';
import { OrderFulfilment, OrderTotals } from './order-fulfilment';
import { OrderPayments } from './order-payments';
import { StarsRefund } from './stars-refund';
import { WalletRefund } from './wallet-refund';
import { PendingView } from '../common/pending-view';

const ACTION_LABELS = {
  ship: 'admin.action.ship',
  mark_ready: 'admin.action.mark_ready',
  complete: 'admin.action.complete',
  cancel: 'admin.action.cancel',
} as const;

const ACTION_DONE = {
  ship: 'admin.action.done.ship',
  mark_ready: 'admin.action.done.mark_ready',
  complete: 'admin.action.done.complete',
  cancel: 'admin.action.done.cancel',
} as const;

// The customer hears about these (docs/api.md: the outbox's order_status_customer); "complete" is bookkeeping.
const NOTIFIES: ReadonlySet<OrderAction> = new Set(['ship', 'mark_ready', 'cancel']);

export function OrderDetailScreen({ orderId }: { orderId: string }) {
  const order = useAdminOrder(orderId);
  if (!order.data) return <PendingView resource={order} label={tAdmin('admin.orders.title')} rows={2} />;
  return <OrderDetail order={order.data} />;
}

function OrderDetail({ order }: { order: AdminOrder }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const [running, setRunning] = useState<OrderAction | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<OrderAction | null>(null);
  const { customer } = order;

  const run = async (action: OrderAction) => {
    setRunning(action);
    setError(undefined);
    try {
      const updated = await runOrderAction(api, order.id, action);
      cache.set(adminKeys.order(order.id), updated);
      // Lists, sales and the stock in the catalog may all have moved.
      cache.invalidate('admin');
      cache.invalidate('catalog');
      // Said inline (it stays on this screen), not in a toast as well.
      setDone(action);
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(null);
      setConfirming(false);
    }
  };

  const actions = order.allowedActions.filter((a) => a !== 'cancel');
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.order.title', { code: order.code })}</h1>
      <div className="status-row">
        <OrderStatusBadge status={order.status} />
        <span className="hint">{tAdmin('admin.order.placed', { date: formatDateTime(order.createdAt) })}</span>
        {order.paidAt && <span className="hint">{tAdmin('admin.order.paid', { date: formatDateTime(order.paidAt) })}</span>}
      </div>

      {done && (
        <p className="admin-note" data-testid="action-result" role="status">
          {tAdmin(ACTION_DONE[done], { code: order.code })} {NOTIFIES.has(done) && tAdmin('admin.order.customerNotified')}
        </p>
      )}
      {error !== undefined && <ErrorView compact error={error} title={tAdmin('admin.order.actionFailed')} />}

      {order.allowedActions.length > 0 && (
        <section className="card admin-actions" aria-labelledby="order-actions-title">
          <h2 id="order-actions-title" className="card__title">
            {tAdmin('admin.order.actions')}
          </h2>
          <div className="admin-actions__buttons">
            {actions.map((action, index) => (
              <button
                key={action}
                type="button"
                data-testid={`order-action-${action}`}
                className={`button ${index === 0 ? 'button--primary' : ''}`}
                disabled={running !== null}
                aria-busy={running === action || undefined}
                onClick={() => void run(action)}
              >
                {running === action && <span className="spinner" aria-hidden="true" />}
                {tAdmin(ACTION_LABELS[action])}
              </button>
            ))}
            {order.allowedActions.includes('cancel') && (
              <button
                type="button"
                data-testid="order-action-cancel"
                className="button button--destructive-text"
                disabled={running !== null}
                onClick={() => setConfirming(true)}
              >
                {tAdmin(ACTION_LABELS.cancel)}
              </button>
            )}
          </div>
          {actions.some((a) => NOTIFIES.has(a)) && <p className="hint">{tAdmin('admin.order.notifyHint')}</p>}
        </section>
      )}

      <section className="card admin-card" aria-labelledby="order-customer-title">
        <h2 id="order-customer-title" className="card__title">
          {tAdmin('admin.order.customer')}
        </h2>
        <p data-testid="order-customer">{customerName(customer)}</p>
        {customer.username && (
          <a href={`https://t.me/${encodeURIComponent(customer.username)}`} target="_blank" rel="noreferrer" dir="ltr">
            @{customer.username}
          </a>
        )}
        {customer.telegramId !== null && <p className="hint">{tAdmin('admin.order.telegramId', { id: String(customer.telegramId) })}</p>}
      </section>

      <section className="card order-summary" aria-labelledby="order-items-title">
        <h2 id="order-items-title" className="card__title admin-card__title">
          {tAdmin('admin.order.items')}
        </h2>
        <ul className="order-summary__lines">
          {order.items.map((item) => (
            <li key={`${item.productId}:${item.variantId ?? ''}`} className="order-summary__line">
              <span className="order-summary__title">
                <bdi>{item.title}</bdi>
                {item.variantLabel && (
                  <span className="hint" data-testid="item-variant">
                    {' '}
                    <bdi>{item.variantLabel}</bdi>
                  </span>
                )}
                {item.sku && (
                  <span className="hint" dir="ltr">
                    {' '}
                    {item.sku}
                  </span>
                )}
              </span>
              <span className="order-summary__qty money">
                {tAdmin('admin.order.lineQuantity', { quantity: item.quantity, price: formatPrice(item.unitPriceMinor, order.currency) })}
              </span>
              <span className="order-summary__amount money">{formatPrice(item.lineTotalMinor, order.currency)}</span>
            </li>
          ))}
        </ul>
        <OrderTotals order={order} />
        <div className="order-summary__total">
          <span>{tAdmin('admin.order.total')}</span>
          <strong className="money">{formatPrice(order.totalMinor, order.currency)}</strong>
        </div>
      </section>

      <OrderFulfilment order={order} />

      <OrderPayments order={order} />

      <StarsRefund order={order} />

      <WalletRefund order={order} />

      <ConfirmDialog
        open={confirming}
        title={tAdmin('admin.cancel.title', { code: order.code })}
        confirmText={tAdmin('admin.cancel.confirm')}
        cancelText={tAdmin('admin.cancel.keep')}
        destructive
        busy={running === 'cancel'}
        onConfirm={() => void run('cancel')}
        onClose={() => setConfirming(false)}
      >
        <p>{tAdmin('admin.cancel.body')}</p>
        {order.paidAt && <p className="admin-warning">{tAdmin('admin.cancel.refund', { amount: paidAmount(order) })}</p>}
        <p className="hint">{tAdmin('admin.order.customerNotified')}</p>
      </ConfirmDialog>
    </>
  );
}

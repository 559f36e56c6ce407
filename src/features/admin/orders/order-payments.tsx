import { formatDateTime } from '../../../i18n/format-date';
import { tAdmin } from '../../../i18n/admin-i18n';
import { formatPaymentAmount } from '../../../ui/format-price';
import type { AdminOrder } from '../common/admin-types';
import { reasonLabel } from '../common/reason-label';
import { ShortHash } from '../common/short-hash';

/** The chain transactions recorded for an order, each linked to a block explorer where there is one. */
export function OrderPayments({ order }: { order: AdminOrder }) {
  return (
    <section className="card admin-card" aria-labelledby="order-payments-title" data-testid="order-payments">
      <h2 id="order-payments-title" className="card__title">
        {tAdmin('admin.order.payments')}
      </h2>
      {order.payments.length === 0 ? (
        <p className="hint">{tAdmin('admin.order.noPayments')}</p>
      ) : (
        <ul className="admin-list">
          {order.payments.map((payment) => (
            <li key={payment.id} className="admin-list__item">
              <div className="admin-row">
                <strong className="money">{formatPaymentAmount(payment.amountNano, payment.asset)}</strong>
                <span className="hint">{formatDateTime(payment.chainTime)}</span>
              </div>
              {payment.overpaymentNano !== '0' && (
                <p className="hint">{tAdmin('admin.payment.overpaid', { amount: formatPaymentAmount(payment.overpaymentNano, payment.asset) })}</p>
              )}
              {payment.reason && <p className="admin-warning">{reasonLabel(payment.reason)}</p>}
              {payment.explorerUrl ? (
                <a href={payment.explorerUrl} target="_blank" rel="noreferrer" data-testid="tx-link">
                  {tAdmin('admin.payment.viewTx')}
                </a>
              ) : (
                <p className="hint">
                  {tAdmin('admin.payment.txLocal')} <ShortHash value={payment.txHash} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

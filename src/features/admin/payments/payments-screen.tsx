import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format-date';
import { tAdmin } from '../../../i18n/admin-i18n';
import { useResourceCache } from '../../../platform/services';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorView } from '../../../ui/error-view';
import { WalletIcon } from '../common/admin-icons';
import { Link } from '../../../ui/link';
import { formatPaymentAmount } from '../../../ui/format-price';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { resolvePayment, useAttentionPayments } from './api';
import type { AttentionPayment } from '../common/admin-types';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Field } from '../common/field';
import { PendingView } from '../common/pending-view';
import { reasonLabel } from '../common/reason-label';
import { ShortHash } from '../common/short-hash';
import { useToast } from '../common/toast';

/** Payments the shop couldn't apply by itself (underpaid, late, unknown comment): look, settle, resolve. */
export function PaymentsScreen() {
  const payments = useAttentionPayments();
  const [resolving, setResolving] = useState<AttentionPayment | null>(null);
  let body;
  if (!payments.data) body = <PendingView resource={payments} label={tAdmin('admin.payments.title')} />;
  else if (payments.data.length === 0) {
    body = <EmptyState icon={<WalletIcon />} title={tAdmin('admin.payments.emptyTitle')} body={tAdmin('admin.payments.emptyBody')} />;
  } else {
    body = (
      <ul className="admin-list" data-testid="attention-list">
        {payments.data.map((payment) => (
          <li key={payment.id} className="card admin-card" data-testid="attention-payment">
            <div className="admin-row">
              <strong className="money">{formatPaymentAmount(payment.amountNano, payment.asset)}</strong>
              <span className="status status--pending">{payment.reason ? reasonLabel(payment.reason) : payment.status}</span>
            </div>
            <dl className="admin-facts">
              <dt>{tAdmin('admin.payments.order')}</dt>
              <dd>
                {payment.orderId ? (
                  <Link to={`/admin/orders/${payment.orderId}`} dir="ltr">
                    {payment.orderCode ?? payment.orderId}
                  </Link>
                ) : (
                  tAdmin('admin.payments.noOrder')
                )}
              </dd>
              <dt>{tAdmin('admin.payments.comment')}</dt>
              <dd dir="auto">{payment.comment || '—'}</dd>
              <dt>{tAdmin('admin.payments.from')}</dt>
              <dd>
                <ShortHash value={payment.payerAddress} />
              </dd>
              <dt>{tAdmin('admin.payments.when')}</dt>
              <dd>{formatDateTime(payment.chainTime)}</dd>
            </dl>
            <div className="admin-row">
              {payment.explorerUrl ? (
                <a href={payment.explorerUrl} target="_blank" rel="noreferrer">
                  {tAdmin('admin.payment.viewTx')}
                </a>
              ) : (
                <ShortHash value={payment.txHash} />
              )}
              <button type="button" className="button button--small" data-testid="resolve" onClick={() => setResolving(payment)}>
                {tAdmin('admin.payments.resolve')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.payments.title')}</h1>
      <p className="hint">{tAdmin('admin.payments.intro')}</p>
      {body}
      {resolving && <ResolveDialog payment={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

function ResolveDialog({ payment, onClose }: { payment: AttentionPayment; onClose: () => void }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);

  const resolve = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await resolvePayment(api, payment.id, note.trim());
      const left = cache.get<AttentionPayment[]>(adminKeys.payments).data?.filter((p) => p.id !== payment.id) ?? [];
      cache.set(adminKeys.payments, left);
      toast(tAdmin('admin.payments.resolved'));
      onClose();
    } catch (caught) {
      setFailure(caught);
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open
      title={tAdmin('admin.payments.resolveTitle', { amount: formatPaymentAmount(payment.amountNano, payment.asset) })}
      confirmText={tAdmin('admin.payments.resolve')}
      cancelText={tAdmin('admin.keep')}
      busy={busy}
      onConfirm={() => void resolve()}
      onClose={onClose}
    >
      <p>{tAdmin('admin.payments.resolveBody')}</p>
      <Field label={tAdmin('admin.payments.note')} hint={tAdmin('admin.payments.noteHint')}>
        <textarea className="input" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {failure !== undefined && <ErrorView compact error={failure} />}
    </ConfirmDialog>
  );
}

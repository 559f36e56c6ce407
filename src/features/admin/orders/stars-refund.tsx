// "Refund the Stars" on a Stars-paid order (#15): Telegram gives the customer their Stars back
// (refundStarPayment, through the outbox), the order's keys are revoked and its download links stop.
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { useResourceCache } from '../../../platform/services';
import { ErrorView } from '../../../ui/error-view';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import type { AdminOrder } from '../common/admin-types';
import { ConfirmDialog } from '../common/confirm-dialog';
import { useToast } from '../common/toast';
import { refundStarsOrder } from './api';

export function StarsRefund({ order }: { order: AdminOrder }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  if (!order.starsRefundable) return null;
  const stars = order.starCharges.find((charge) => charge.status === 'credited')?.amountStars ?? 0;

  const refund = async () => {
    setBusy(true);
    setError(undefined);
    try {
      cache.set(adminKeys.order(order.id), await refundStarsOrder(api, order.id));
      cache.invalidate('admin');
      toast(tAdmin('admin.order.starsRefunded'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section className="card admin-actions" aria-labelledby="stars-refund-title">
      <h2 id="stars-refund-title" className="card__title">
        {tAdmin('admin.order.starsRefund')} · {stars} ⭐
      </h2>
      {error !== undefined && <ErrorView compact error={error} title={tAdmin('admin.order.actionFailed')} />}
      <button type="button" className="button button--destructive-text" data-testid="stars-refund" disabled={busy} onClick={() => setConfirming(true)}>
        {tAdmin('admin.order.starsRefund')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={tAdmin('admin.order.starsRefund')}
        confirmText={tAdmin('admin.order.starsRefund')}
        cancelText={tAdmin('admin.cancel.keep')}
        destructive
        busy={busy}
        onConfirm={() => void refund()}
        onClose={() => setConfirming(false)}
      >
        <p>{tAdmin('admin.order.starsRefundConfirm')}</p>
        <p className="hint">{tAdmin('admin.order.customerNotified')}</p>
      </ConfirmDialog>
    </section>
  );
}

import type { OrderStatus as Status } from '../domain/types';
import { t } from '../i18n/i18n';

/**
 * The status pill's text is the API's status code itself (the E2E test and support staff read it);
 * the sentence next to it is the translated explanation.
 */
export function OrderStatusBadge({ status }: { status: Status }) {
  return (
    <span data-testid="order-status" data-status={status} className={`status status--${status}`}>
      {status}
    </span>
  );
}

export function OrderStatusNote({ status }: { status: Status }) {
  return <p className="status-note">{t(`status.${status}` as const)}</p>;
}

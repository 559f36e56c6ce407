import type { OrderStatus as Status } from '../domain/types';
import { tOrder } from '../i18n/orders-i18n';

/**
 * The status pill: a word a person reads ("Paid"), with the API's status code in `data-status` for
 * tests and in the tooltip for support staff.
 */
export function OrderStatusBadge({ status }: { status: Status }) {
  return (
    <span data-testid="order-status" data-status={status} title={status} className={`status status--${status}`}>
      {tOrder(`status.label.${status}` as const)}
    </span>
  );
}

export function OrderStatusNote({ status }: { status: Status }) {
  return <p className="status-note">{tOrder(`status.${status}` as const)}</p>;
}

import { formatPaymentAmount, formatPrice } from '../../../ui/format-price';
import type { AdminOrder } from '../common/admin-types';

/**
 * What the customer paid, as the merchant would refund it: the applied chain payment in its asset (36 USDT
 * for a dollar order paid in USDT), else the order's total in its currency (a Stars order, an older one).
 */
export function paidAmount(order: Pick<AdminOrder, 'payments' | 'totalMinor' | 'currency'>): string {
  const applied = order.payments.find((p) => p.status === 'applied');
  return applied ? formatPaymentAmount(applied.amountNano, applied.asset) : formatPrice(order.totalMinor, order.currency);
}

import { expiryCutoff } from './order-lifecycle';
import type { OrderRepo } from './order-repo';

/**
 * Expires the unpaid orders whose time is up, as far as the payments read so far allow
 * (order-lifecycle.ts, expiryCutoff): an order whose money may be on the chain unread is left alone for a
 * while. Run by the scheduled job and before every customer order request.
 * @returns the ids of the orders expired
 */
export async function sweepExpiredOrders(input: {
  orders: OrderRepo;
  /** When the reconciler last read the merchant account to its head (PaymentRepo.paymentsReadThrough). */
  paymentsReadThrough: () => Promise<Date | null>;
  indexerLagSeconds: number;
  now: Date;
}): Promise<string[]> {
  // The cutoff is never past `now` (expiryCutoff), so nothing due by `now` means nothing to expire: both
  // asked at once, and the sweep's transaction is opened only when there is something to expire.
  const [readThrough, anyDue] = await Promise.all([input.paymentsReadThrough(), input.orders.hasOrdersDue(input.now)]);
  if (!anyDue) return [];
  const cutoff = expiryCutoff({ now: input.now, paymentsReadThrough: readThrough, indexerLagSeconds: input.indexerLagSeconds });
  return input.orders.expireDueOrders({ cutoff, now: input.now });
}

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
  const cutoff = expiryCutoff({ now: input.now, paymentsReadThrough: await input.paymentsReadThrough(), indexerLagSeconds: input.indexerLagSeconds });
  return input.orders.expireDueOrders({ cutoff, now: input.now });
}

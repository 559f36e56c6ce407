import type { OrderStatus } from '../orders/order-status';
import { toRawAddress } from './chain-address';
import type { ChainTransaction } from './chain-reader';
import { parseOrderComment } from './order-comment';

/** The order a payment's comment points at, as the matcher needs it. */
export interface PaymentCandidateOrder {
  id: string;
  status: OrderStatus;
  totalNano: bigint;
  expiresAt: Date;
  /** The comment the order asked for (`bz:<CODE>`). */
  comment: string;
  /** The transaction already recorded as this order's payment, when there is one. */
  paidByTxHash?: string | null;
}

/** An incoming transfer to the merchant, as it will be recorded. */
export interface IncomingPayment {
  txHash: string;
  lt: bigint;
  /** Raw `0:<hex>` of the sender. */
  payer: string;
  amountNano: bigint;
  comment: string | null;
  /** Chain time of the transaction. */
  at: Date;
}

export type AttentionReason = 'underpaid' | 'late' | 'unknown_comment' | 'already_paid';

export type IgnoreReason =
  /** Seen in a block that is not final yet: look again later, do not move a cursor past it. */
  | 'not_finalized'
  /** No incoming internal message: the merchant's own outgoing transfer, or a tick-tock. */
  | 'not_incoming'
  | 'not_to_merchant'
  | 'bounced'
  /** Aborted, or the compute phase failed: the money did not stay. */
  | 'failed'
  | 'zero_value'
  /** This very transaction is already the order's recorded payment. */
  | 'already_recorded';

export type PaymentVerdict =
  | { kind: 'paid'; orderId: string; payment: IncomingPayment; overpaymentNano: bigint }
  | { kind: 'attention'; reason: AttentionReason; orderId: string | null; payment: IncomingPayment; shortfallNano?: bigint }
  | { kind: 'ignore'; reason: IgnoreReason };

const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'shipped', 'ready_for_pickup', 'completed']);

/**
 * What one transaction on the merchant account means for the order its comment names (`order`, looked
 * up by the caller from the comment, or null). `merchantAddress` may be in any form. The only rule that
 * can mark an order paid: an incoming, successful, non-bounced, finalized transfer to the merchant, with
 * the order's comment and at least its total. Money that arrives otherwise is never dropped: it is an
 * `attention` verdict for the merchant.
 *
 * Lateness: an order that is expired or cancelled is late. A `pending` order paid after `expiresAt` (chain
 * time) is late too; a `confirming` one is not, since a payment was submitted in time and the chain decides.
 */
export function matchPayment(input: {
  tx: ChainTransaction;
  merchantAddress: string;
  order: PaymentCandidateOrder | null;
}): PaymentVerdict {
  const { tx, order } = input;
  // Any address form is accepted for the merchant (MERCHANT_ADDRESS is user-friendly); the chain's are raw.
  const merchant = toRawAddress(input.merchantAddress);
  const msg = tx.inMessage;

  if (!tx.finalized) return ignore('not_finalized');
  if (!msg || msg.source === null) return ignore('not_incoming');
  if (tx.account.toLowerCase() !== merchant || msg.destination?.toLowerCase() !== merchant) return ignore('not_to_merchant');
  if (msg.bounced) return ignore('bounced');
  if (!tx.success) return ignore('failed');
  if (msg.valueNano <= 0n) return ignore('zero_value');

  const payment: IncomingPayment = {
    txHash: tx.hash,
    lt: tx.lt,
    payer: msg.source,
    amountNano: msg.valueNano,
    comment: msg.comment,
    at: new Date(tx.now * 1000),
  };
  const code = parseOrderComment(msg.comment);
  if (!order || code === null || code !== parseOrderComment(order.comment)) {
    return { kind: 'attention', reason: 'unknown_comment', orderId: null, payment };
  }
  if (order.paidByTxHash && order.paidByTxHash.toLowerCase() === tx.hash.toLowerCase()) return ignore('already_recorded');
  const attention = (reason: AttentionReason, shortfallNano?: bigint): PaymentVerdict =>
    shortfallNano === undefined
      ? { kind: 'attention', reason, orderId: order.id, payment }
      : { kind: 'attention', reason, orderId: order.id, payment, shortfallNano };

  if (PAID_STATUSES.has(order.status)) return attention('already_paid');
  if (isLate(order, payment.at)) return attention('late');
  if (payment.amountNano < order.totalNano) return attention('underpaid', order.totalNano - payment.amountNano);
  return { kind: 'paid', orderId: order.id, payment, overpaymentNano: payment.amountNano - order.totalNano };
}

function isLate(order: PaymentCandidateOrder, paidAt: Date): boolean {
  if (order.status === 'expired' || order.status === 'cancelled') return true;
  return order.status === 'pending' && paidAt.getTime() > order.expiresAt.getTime();
}

function ignore(reason: IgnoreReason): PaymentVerdict {
  return { kind: 'ignore', reason };
}

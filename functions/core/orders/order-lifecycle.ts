import { InvalidOrderTransitionError } from './errors';
import type { OrderStatus } from './order-status';

/**
 * The whole life of an order: which events move it from which state to which, and what else each move
 * does. The repositories (adapters/db) lock the order, ask this module what happens, and carry the effects
 * out in the same transaction; they decide nothing themselves. A rule such as "a payment counts by chain
 * time" is an edit here and nowhere else.
 */
export type OrderEvent =
  /** The customer's wallet signed a transfer and the app posted it (TON Connect BOC). */
  | 'submit_payment'
  /** Every submitted message can no longer land on the chain: back to awaiting payment. */
  | 'release_submission'
  /** The chain credited a payment that pays the order (see decidePayment). */
  | 'pay'
  /** The reservation window ran out unpaid. */
  | 'expire'
  /** The merchant's actions. */
  | 'cancel'
  | 'ship'
  | 'mark_ready'
  | 'complete'
  /** The merchant gave a Stars payment back (refundStarPayment): what was delivered stops working. */
  | 'refund';

/** What a transition does besides changing the status; carried out by the repository inside its transaction. */
export type OrderEffect =
  /** Take the order's units off the shelf (again): a paid-in-time order that had expired. */
  | 'reserve_stock'
  /** Put the order's units back on the shelf. */
  | 'release_stock'
  /** The promo code's use the order held is freed for someone else (it expired or was cancelled). */
  | 'release_code_use'
  /** The order is paid: its code's use is kept for good (and taken again if it had been freed). */
  | 'keep_code_use'
  /** The paid messages: the customer, and every merchant chat. */
  | 'announce_paid'
  /** Tell the customer the order's new status. */
  | 'notify_customer'
  /**
   * The order is paid: its license keys are sold, and what each digital line hands over (a file, keys, a
   * text) is queued for the customer's chat (core/digital).
   */
  | 'deliver_digital'
  /** The order's license keys are revoked, never back in the pool; its download links stop working. */
  | 'revoke_digital';

export interface OrderTransition {
  from: OrderStatus;
  to: OrderStatus;
  effects: readonly OrderEffect[];
}

type Move = { to: OrderStatus; effects: readonly OrderEffect[] };
const move = (to: OrderStatus, ...effects: OrderEffect[]): Move => ({ to, effects });

// Anything not listed is not allowed.
// - `confirming`: a payment was submitted and is being looked up on-chain; it does not expire by the
//   clock. It goes back to `pending` once its messages cannot land (release_submission), and the bound on
//   a message's validity (payment-intent.ts) makes that happen within minutes.
// - `expired` can still be paid: a transfer made before the deadline is on time, however late the shop
//   reads it; it takes its stock again (decidePayment sets it aside when the stock is gone).
const TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderEvent, Move>>>> = {
  pending: {
    submit_payment: move('confirming'),
    pay: move('paid', 'keep_code_use', 'announce_paid', 'deliver_digital'),
    expire: move('expired', 'release_stock', 'release_code_use'),
    cancel: move('cancelled', 'release_stock', 'release_code_use', 'notify_customer'),
  },
  confirming: {
    submit_payment: move('confirming'),
    release_submission: move('pending'),
    pay: move('paid', 'keep_code_use', 'announce_paid', 'deliver_digital'),
    cancel: move('cancelled', 'release_stock', 'release_code_use', 'notify_customer'),
  },
  paid: {
    ship: move('shipped', 'notify_customer'),
    mark_ready: move('ready_for_pickup', 'notify_customer'),
    cancel: move('cancelled', 'release_stock', 'release_code_use', 'notify_customer'),
    refund: move('refunded', 'revoke_digital', 'notify_customer'),
  },
  shipped: { complete: move('completed', 'notify_customer') },
  ready_for_pickup: { complete: move('completed', 'notify_customer') },
  completed: { refund: move('refunded', 'revoke_digital', 'notify_customer') },
  expired: { pay: move('paid', 'reserve_stock', 'keep_code_use', 'announce_paid', 'deliver_digital') },
  cancelled: {},
  // Given back: the money went back to the customer, and nothing more happens to the order.
  refunded: {},
};

/** The transition `event` makes from `from`, or an InvalidOrderTransitionError naming both. */
export function planTransition(from: OrderStatus, event: OrderEvent): OrderTransition {
  const found = TRANSITIONS[from][event];
  if (!found) throw new InvalidOrderTransitionError(from, eventPastTense(event));
  return { from, to: found.to, effects: found.effects };
}

/** Whether `event` is allowed from `from`. */
export function canTransition(from: OrderStatus, event: OrderEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** Every status `event` is allowed from: what a bulk update (the expiry sweep) selects on. */
export function statusesAllowing(event: OrderEvent): OrderStatus[] {
  return (Object.keys(TRANSITIONS) as OrderStatus[]).filter((status) => canTransition(status, event));
}

const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'shipped', 'ready_for_pickup', 'completed']);

/** Whether the order has been paid (and may since have shipped or completed). */
export function isPaid(status: OrderStatus): boolean {
  return PAID_STATUSES.has(status);
}

/**
 * Whether the customer may submit a signed payment for the order now: it awaits payment and, unless a
 * submission already holds it (`confirming`), its time has not run out.
 */
export function acceptsSubmission(order: { status: OrderStatus; expiresAt: Date }, now: Date): boolean {
  if (!canTransition(order.status, 'submit_payment')) return false;
  return order.status === 'confirming' || order.expiresAt.getTime() > now.getTime();
}

/**
 * Whether the order's units are off the shelf in this status (reserved or sold). A refunded order's stay
 * off: what was delivered cannot be taken back, and its license keys are revoked, not returned.
 */
export function holdsStock(status: OrderStatus): boolean {
  return status !== 'expired' && status !== 'cancelled';
}

/** Whether paying the order from `status` needs its units to be on the shelf (they went back on expiry). */
export function paymentNeedsStock(status: OrderStatus): boolean {
  return TRANSITIONS[status].pay?.effects.includes('reserve_stock') ?? false;
}

/**
 * Slack between the shop's clock and the chain's: a message may be valid this long past the order's
 * deadline, and a payment this far past it is still on time.
 */
export const CHAIN_CLOCK_SKEW_SECONDS = 60;

/** Why money that reached the merchant did not pay the order it names. */
export type AttentionReason =
  /** Less than the order's total. */
  | 'underpaid'
  /** After the order's deadline by chain time. */
  | 'late'
  /** The order was already paid (a second payment, a double tap). */
  | 'already_paid'
  /** The merchant cancelled the order. */
  | 'order_cancelled'
  /** On time, but the order had expired and its units were sold meanwhile: refund. */
  | 'paid_in_time_out_of_stock'
  /** No order of this shop is named by the comment. */
  | 'unknown_comment'
  /** The transaction could not be recorded as it came (the database refused its content). */
  | 'unrecordable'
  /**
   * A USDT transfer_notification not sent by the merchant's own USDT jetton wallet (a fake jetton, or a
   * plain wallet sending the body): no USDT arrived, whatever it says (docs/decisions/0016).
   */
  | 'forged'
  /** From the merchant's USDT jetton wallet, but its fixed fields do not parse: look at it by hand. */
  | 'jetton_malformed'
  /** USDT for an order that was given no USDT quote (placed before the shop took USDT): nothing to compare with. */
  | 'not_quoted';

export const ATTENTION_REASONS = [
  'underpaid',
  'late',
  'already_paid',
  'order_cancelled',
  'paid_in_time_out_of_stock',
  'unknown_comment',
  'unrecordable',
  'forged',
  'jetton_malformed',
  'not_quoted',
] as const satisfies readonly AttentionReason[];

export type PaymentDecision =
  { kind: 'pay'; transition: OrderTransition; overpaymentNano: bigint } | { kind: 'set_aside'; reason: AttentionReason; shortfallNano?: bigint };

/**
 * What a payment the chain credited does to the order its comment names. The order is paid when the
 * money is enough and was sent on time *by chain time* (at most CHAIN_CLOCK_SKEW_SECONDS after
 * `expiresAt`), whatever the order's status says about when the shop got to read it. Money that does not
 * pay is set aside for the merchant with the reason, never dropped.
 *
 * @param stockAvailable whether the order's units are on the shelf; read only when paymentNeedsStock(status)
 */
export function decidePayment(
  order: { status: OrderStatus; totalMinor: bigint; expiresAt: Date },
  payment: { amountNano: bigint; at: Date },
  stockAvailable: boolean,
): PaymentDecision {
  if (isPaid(order.status)) return { kind: 'set_aside', reason: 'already_paid' };
  if (order.status === 'cancelled') return { kind: 'set_aside', reason: 'order_cancelled' };
  if (isLate(order.expiresAt, payment.at)) return { kind: 'set_aside', reason: 'late' };
  if (payment.amountNano < order.totalMinor) return { kind: 'set_aside', reason: 'underpaid', shortfallNano: order.totalMinor - payment.amountNano };
  if (!canTransition(order.status, 'pay')) return { kind: 'set_aside', reason: 'late' };
  if (paymentNeedsStock(order.status) && !stockAvailable) return { kind: 'set_aside', reason: 'paid_in_time_out_of_stock' };
  return { kind: 'pay', transition: planTransition(order.status, 'pay'), overpaymentNano: payment.amountNano - order.totalMinor };
}

function isLate(expiresAt: Date, paidAt: Date): boolean {
  return paidAt.getTime() > expiresAt.getTime() + CHAIN_CLOCK_SKEW_SECONDS * 1000;
}

/**
 * The longest an unpaid order outlives its deadline while the reconciler has not read the merchant
 * account past it (indexer down or lagging). After that it expires anyway, and a payment made in time
 * that is read later still pays it (decidePayment), stock permitting.
 */
export const MAX_EXPIRY_HOLD_SECONDS = 15 * 60;

/**
 * Orders whose deadline is at or before the returned time may expire now. A pending order's money may be
 * on the chain, unread: it expires only once the reconciler has read the account to past its deadline
 * (`paymentsReadThrough`: when the last scan that reached the head started, less the indexer's lag), and
 * at the latest MAX_EXPIRY_HOLD_SECONDS after it.
 */
export function expiryCutoff(input: { now: Date; paymentsReadThrough: Date | null; indexerLagSeconds: number }): Date {
  const { now } = input;
  const held = now.getTime() - MAX_EXPIRY_HOLD_SECONDS * 1000;
  const read = input.paymentsReadThrough ? Math.min(now.getTime(), input.paymentsReadThrough.getTime() - input.indexerLagSeconds * 1000) : -Infinity;
  return new Date(Math.max(held, read));
}

function eventPastTense(event: OrderEvent): string {
  switch (event) {
    case 'submit_payment':
      return 'paid again';
    case 'release_submission':
      return 'returned to awaiting payment';
    case 'pay':
      return 'marked paid';
    case 'expire':
      return 'expired';
    case 'cancel':
      return 'cancelled';
    case 'ship':
      return 'shipped';
    case 'mark_ready':
      return 'marked ready for pickup';
    case 'complete':
      return 'completed';
    case 'refund':
      return 'refunded';
  }
}

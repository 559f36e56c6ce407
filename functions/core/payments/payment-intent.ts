import type { Order } from '../orders/order';
import { CHAIN_CLOCK_SKEW_SECONDS } from '../orders/order-lifecycle';
import { amountDue } from '../pricing/amount-due';
import { orderComment } from './order-comment';
import { PaymentValidTooLongError } from './payment-errors';

export type TonNetwork = 'mainnet' | 'testnet' | 'local';

/** What the customer's wallet is asked to send for an order (TON Connect `sendTransaction`). */
export interface PaymentIntent {
  /** The merchant's address, user-friendly form, as a wallet should display it. */
  address: string;
  /** The order's TON quote (core/pricing/amount-due.ts); null: not payable in TON (a fiat order quoted in USDT only). */
  amountNano: bigint | null;
  /** The text comment that names the order: `bz:<CODE>`. */
  comment: string;
  /** Unix seconds; never after the order's expiry. */
  validUntil: number;
  network: TonNetwork;
  /** The comment as a TON Connect message payload: a cell (op 0 + text) as base64 BOC. */
  payload: string;
}

/** A wallet's signed message stays valid for at most this long: a stale approval must not land later. */
export const PAYMENT_WINDOW_SECONDS = 10 * 60;

/** The latest `valid_until` the shop accepts for a message submitted `now`: the intent's own, plus clock skew. */
export function latestValidUntil(order: Pick<Order, 'expiresAt'>, now: Date): number {
  return paymentDeadlineSeconds(order, now) + CHAIN_CLOCK_SKEW_SECONDS;
}

/**
 * Refuses a signed message that claims to stay valid longer than the shop asked for. While a submitted
 * message can still land the order waits `confirming` with its stock held, so a claim of `valid_until =
 * 2^32-1` in a BOC nobody broadcasts would hold the stock for ever.
 * @throws PaymentValidTooLongError
 */
export function checkSubmissionValidity(order: Pick<Order, 'expiresAt'>, validUntilSeconds: number, now: Date): void {
  if (validUntilSeconds > latestValidUntil(order, now)) throw new PaymentValidTooLongError();
}

function paymentDeadlineSeconds(order: Pick<Order, 'expiresAt'>, now: Date): number {
  return Math.min(Math.floor(order.expiresAt.getTime() / 1000), Math.floor(now.getTime() / 1000) + PAYMENT_WINDOW_SECONDS);
}

/**
 * The payment intent of an order that can be paid now (pending, not past its expiry), else null.
 * `commentPayload` builds the comment cell (functions/core/payments/comment-payload.ts).
 */
export function buildPaymentIntent(input: {
  order: Order;
  merchantAddress: string;
  network: TonNetwork;
  now: Date;
  commentPayload: (text: string) => string;
}): PaymentIntent | null {
  const { order, now } = input;
  if (order.status !== 'pending' || order.expiresAt.getTime() <= now.getTime()) return null;
  const comment = orderComment(order.code);
  return {
    address: input.merchantAddress,
    amountNano: amountDue(order, 'TON'),
    comment,
    validUntil: paymentDeadlineSeconds(order, now),
    network: input.network,
    payload: input.commentPayload(comment),
  };
}

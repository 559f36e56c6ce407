import type { Order } from '../orders/order';
import { orderComment } from './order-comment';

export type TonNetwork = 'mainnet' | 'testnet' | 'local';

/** What the customer's wallet is asked to send for an order (TON Connect `sendTransaction`). */
export interface PaymentIntent {
  /** The merchant's address, user-friendly form, as a wallet should display it. */
  address: string;
  amountNano: bigint;
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
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const expirySeconds = Math.floor(order.expiresAt.getTime() / 1000);
  return {
    address: input.merchantAddress,
    amountNano: order.totalNano,
    comment,
    validUntil: Math.min(expirySeconds, nowSeconds + PAYMENT_WINDOW_SECONDS),
    network: input.network,
    payload: input.commentPayload(comment),
  };
}

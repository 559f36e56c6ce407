import type { Order } from '../orders/order';
import type { StarPaymentDecision } from './decide-star-payment';
import type { PreCheckoutOrder } from './pre-checkout';
import type { IncomingStarPayment, StarPaymentStatus } from './star-payment';

export type RecordStarPaymentOutcome =
  /** The charge was known already (a retried update, the reconciler reading what the webhook had): nothing done. */
  | { kind: 'already_recorded'; status: StarPaymentStatus }
  /** New: the decision was carried out (order paid, or the refund enqueued), in one transaction. */
  | { kind: 'recorded'; decision: StarPaymentDecision; refundOutboxId: string | null };

/** Stars payments over storage: implemented in adapters/db/stars-repo.ts. */
export interface StarsRepo {
  /**
   * The customer's order with its Stars total, fixing the total (`price`, called with the order's lines
   * and its current products) the first time; later calls keep the fixed total. Null when no such order
   * of this customer exists.
   */
  fixStarsTotal(input: {
    customerId: string;
    orderId: string;
    price: (lines: StarsPricingLine[]) => number;
    now: Date;
  }): Promise<{ order: Order; totalStars: number } | null>;
  /** What a pre-checkout decision needs of the order, null when there is none with that id. */
  readPreCheckout(orderId: string): Promise<PreCheckoutOrder | null>;
  /**
   * Records a payment once per charge id, decides (decide-star-payment.ts) and carries the decision out
   * in the same transaction: pays the order through the lifecycle's transition (the paid messages with
   * it), or enqueues its refund in the outbox.
   */
  recordPayment(payment: IncomingStarPayment, now: Date): Promise<RecordStarPaymentOutcome>;
  /** How many of the bot's Star transactions the reconciler has read (its next offset); 0 at first. */
  readTransactionsRead(bot: string): Promise<number>;
  /** Moves the reconciler's offset forward (never back, so overlapping runs are harmless). */
  advanceTransactionsRead(bot: string, transactionsRead: number, now: Date): Promise<void>;
}

/** An order line with the product as it is now, for starsTotal. */
export interface StarsPricingLine {
  title: string;
  kind: 'physical' | 'digital';
  priceStars: number | null;
  quantity: number;
}

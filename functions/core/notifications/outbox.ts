/**
 * What the shop tells people through the bot. Each entry is written to the outbox in the same transaction
 * as the change it announces (an order paid, shipped…), and delivered later by the outbox worker, so a
 * Bot API outage delays a message but never loses it nor blocks the change itself.
 */
export type OutboxKind =
  /** The customer's order is paid: items, total, code, a button to open it. */
  | 'order_paid_customer'
  /** A merchant chat (MERCHANT_CHAT_IDS) hears of a new paid order. */
  | 'order_paid_merchant'
  /** The merchant changed the order's status (shipped, ready for pickup, cancelled). */
  | 'order_status_customer'
  /** The order still awaits payment and is about to expire (sent once). */
  | 'order_expiring_customer'
  /** A reply to something the person wrote to the bot; `payload` holds the ready sendMessage fields. */
  | 'bot_reply'
  /**
   * Not a message: the refundStarPayment call for a Stars charge that paid nothing (a second payment of a
   * paid order, one it could no longer pay); `payload` holds `userId` and `chargeId`. The outbox makes it
   * happen exactly once, retried through Bot API outages like a message.
   */
  | 'stars_refund';

export interface OutboxEntry {
  /**
   * Makes the announcement happen once however often it is enqueued, e.g. `order_paid:customer:<orderId>`,
   * `update:<update_id>`.
   */
  dedupeKey: string;
  kind: OutboxKind;
  chatId: number;
  orderId?: string | null;
  payload?: Record<string, unknown>;
}

import type { MessengerId } from '../messenger/messenger-id';
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
  /** A product posted to one of the shop's channels; `payload` is the ready post (core/channels/channel-post.ts). */
  | 'channel_post'
  /**
   * A merchant's announcement to one customer (marketing: skipped once they opt out); `payload` is the
   * message (text, optional photo and button), the Unsubscribe button is added in their language.
   */
  | 'announcement'
  /**
   * The one reminder of a cart left for N hours (core/reminders/abandoned-cart.ts); marketing: skipped once
   * the customer opts out, or when the cart was ordered or emptied meanwhile. `payload`: customerId,
   * startedAt (which cart), pieces.
   */
  | 'abandoned_cart'
  /**
   * "Notify me" came true: the variant is on sale again (core/reminders/back-in-stock.ts). Asked for by the
   * customer, so not marketing. `payload`: productId, variantId, slug, title, titles, variantLabel.
   */
  | 'back_in_stock'
  /**
   * Not a message: the refundStarPayment call for a Stars charge that paid nothing (a second payment of a
   * paid order, one it could no longer pay); `payload` holds `userId` and `chargeId`. The outbox makes it
   * happen exactly once, retried through Bot API outages like a message.
   */
  | 'stars_refund'
  /**
   * A refund from the merchant's own wallet was confirmed on chain (core/refunds); `payload`: refundId,
   * asset, amount (smallest unit, as text). Dedupe key `refund_confirmed:<refund id>`: once per refund.
   */
  | 'refund_confirmed_customer'
  /**
   * A paid digital product handed over in the chat (core/digital/delivery-entries.ts): the file with
   * sendDocument, the license keys or the text in a message; `payload.productId` names which product.
   */
  | 'digital_delivery'
  /**
   * One browser's Web Push copy of a customer message (core/push): the row names the push subscription,
   * not a chat, and `payload.about` says which message it is (`order_paid`, `order_status`,
   * `order_expiring`, `announcement`; core/push/render-push.ts), rendered at delivery like the rest.
   */
  | 'web_push';

/** A Telegram message to enqueue (Web Push rows are added per subscription by adapters/db/push-enqueue.ts). */
export interface OutboxEntry {
  /**
   * Makes the announcement happen once however often it is enqueued, e.g. `order_paid:customer:<orderId>`,
   * `update:<update_id>`.
   */
  dedupeKey: string;
  kind: Exclude<OutboxKind, 'web_push'>;
  chatId: MessengerId;
  orderId?: string | null;
  payload?: Record<string, unknown>;
  /** Not to be sent before this time (a scheduled post); now when absent. */
  notBefore?: Date;
}

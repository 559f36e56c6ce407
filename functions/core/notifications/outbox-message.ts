import type { MessengerId } from '../messenger/messenger-id';
import type { DeliverySnapshot } from '../delivery/delivery-details';
import type { DigitalDelivery } from '../digital/digital-content';
import type { OrderStatus } from '../orders/order-status';
import type { PricingCurrency } from '../pricing/currencies';
import type { PushTarget } from '../push/push-sender';
import type { OutboxKind } from './outbox';

/** An order as a notification shows it, read from the database when the message is delivered. */
export interface NotifiedOrder {
  id: string;
  code: string;
  status: OrderStatus;
  /** What every amount below counts (the order's currency). */
  currency: PricingCurrency;
  subtotalMinor: bigint;
  discountMinor: bigint;
  deliveryFeeMinor: bigint;
  totalMinor: bigint;
  delivery: DeliverySnapshot | null;
  note: string;
  expiresAt: Date;
  items: {
    title: string;
    /** "M / Black"; '' for a product without options. */
    variantLabel: string;
    quantity: number;
    lineTotalMinor: bigint;
    /** The product's current translated titles by locale, when the merchant entered any. */
    titles: Readonly<Record<string, string>>;
  }[];
  customer: { telegramId: MessengerId | null; firstName: string; lastName: string | null; username: string | null };
}

/**
 * One outbox row claimed for delivery by one worker (its lease runs until `leaseUntil`), with what
 * rendering needs, loaded at claim time: messages are rendered from the current data, so the row itself
 * carries only ids. A Telegram message (to a chat) or a Web Push one (to a browser).
 */
export type OutboxMessage = TelegramOutboxMessage | WebPushOutboxMessage;

/** A message for the Bot API: to a chat. */
export interface TelegramOutboxMessage extends OutboxMessageBase {
  kind: Exclude<OutboxKind, 'web_push'>;
  chatId: MessengerId;
}

/** A message for a browser's push service. */
export interface WebPushOutboxMessage extends OutboxMessageBase {
  kind: 'web_push';
  chatId: null;
  /** The subscription it goes to; null once the browser let it go (the push service answered 404/410). */
  push: PushTarget | null;
}

interface OutboxMessageBase {
  id: string;
  orderId: string | null;
  payload: Readonly<Record<string, unknown>>;
  /** Attempts so far, this one included. */
  attempts: number;
  leaseUntil: Date;
  order: NotifiedOrder | null;
  /**
   * The recipient's language: the customer's language for customer messages, the shop's default
   * language (shop settings) for merchant chats; null when unknown.
   */
  languageCode: string | null;
  /** The recipient said no to offers (customers.marketing_opted_out_at): marketing kinds are skipped. */
  marketingOptedOut: boolean;
  /** A `digital_delivery`: what the product hands over, read now; null when there is nothing (any more). */
  digital?: DigitalDelivery | null;
  /**
   * For an `abandoned_cart` message: the cart it reminds of is still there, unordered (the same customer's
   * cart with the same start). Absent for other kinds.
   */
  cartStillOpen?: boolean;
}

import type { MessengerId } from '../messenger/messenger-id';
import type { OrderStatus } from '../orders/order-status';
import type { PricingCurrency } from '../pricing/currencies';

/** A product as the bot mentions it. */
export interface BotProduct {
  slug: string;
  title: string;
  /** Translated titles by locale. */
  titles: Readonly<Record<string, string>>;
}

export interface BotOrderSummary {
  id: string;
  code: string;
  status: OrderStatus;
  currency: PricingCurrency;
  totalMinor: bigint;
  createdAt: Date;
}

/** What the bot reads to answer. Implemented in adapters/db/bot-lookups.ts. */
export interface BotLookups {
  /** An active product by slug, or null. */
  findProduct(slug: string): Promise<BotProduct | null>;
  /** The newest orders of the customer with this Telegram id, newest first. */
  recentOrders(telegramId: MessengerId, limit: number): Promise<BotOrderSummary[]>;
  /** The shop's name as the merchant set it in the admin screens, or null when never set. */
  shopName(): Promise<string | null>;
  /** The merchant's answer to /paysupport (shop settings), or null when never written. */
  paySupportText(): Promise<string | null>;
}

import type { MessengerId } from '../messenger/messenger-id';
import { DomainError } from '../domain-error';

/** A variant as "Notify me" sees it. */
export interface AlertVariant {
  variantId: string;
  productId: string;
  stock: number;
  active: boolean;
  productActive: boolean;
}

/** What a customer asked to hear about (GET /api/stock-alerts). */
export interface StockAlert {
  variantId: string;
  productId: string;
  createdAt: Date;
}

/** The stock alerts port. Implemented in adapters/db/stock-alert-repo.ts. */
export interface StockAlertRepo {
  /** The variant "Notify me" names (any letter case already lowered), or null when there is none. */
  findVariant(variantId: string): Promise<AlertVariant | null>;
  list(customerId: string): Promise<StockAlert[]>;
  /** Idempotent: asking twice keeps one alert. */
  subscribe(customerId: string, variantId: string, now: Date): Promise<StockAlert>;
  /** Whether there was one to remove. */
  unsubscribe(customerId: string, variantId: string): Promise<boolean>;
  /**
   * For every alert whose variant {@link isOnSaleAgain}, enqueues its one `back_in_stock` message (dedupe
   * `back_in_stock:<alert id>`) and deletes the alert, in one statement. Returns how many were enqueued.
   */
  enqueueBackInStock(now: Date): Promise<number>;
}

/**
 * Whether a variant can be bought again: on the shelf, and both it and its product on sale. Any write
 * that makes this true (the merchant's stock edit or variants table, an import, an expired or cancelled
 * order giving its units back) fires the variant's alerts at the next reminder run.
 */
export function isOnSaleAgain(variant: Pick<AlertVariant, 'stock' | 'active' | 'productActive'>): boolean {
  return variant.stock > 0 && variant.active && variant.productActive;
}

/**
 * Whether "Notify me" may be set on this variant for this customer: only for a sold-out variant of a
 * product still sold, and only for someone the bot can write to.
 * @throws StockAlertVariantNotFoundError, StockAlertInStockError, StockAlertNoChatError
 */
export function checkCanSubscribe(variant: AlertVariant | null, customer: { telegramId: MessengerId | null }, variantId: string): AlertVariant {
  if (!variant || !variant.productActive || !variant.active) throw new StockAlertVariantNotFoundError(variantId);
  if (variant.stock > 0) throw new StockAlertInStockError();
  if (customer.telegramId === null) throw new StockAlertNoChatError();
  return variant;
}

export class StockAlertVariantNotFoundError extends DomainError {
  constructor(variantId: string) {
    super('not_found', 'VARIANT_NOT_FOUND', `No variant ${variantId} is sold here.`);
  }
}

export class StockAlertInStockError extends DomainError {
  constructor() {
    super('conflict', 'VARIANT_IN_STOCK', 'That variant is in stock: it can be added to the cart now.');
  }
}

export class StockAlertNoChatError extends DomainError {
  constructor() {
    super('conflict', 'NO_TELEGRAM_CHAT', 'Back-in-stock messages come from the shop’s Telegram bot: sign in with Telegram to get one.');
  }
}

import type { DeliverySnapshot } from '../delivery/delivery-details';
import type { OrderStatus } from './order-status';
import type { PricingCurrency } from '../pricing/currencies';
import type { AssetQuote } from '../pricing/quote-order';

/** One line of an order: a snapshot of what was sold and at which price, exactly as it was priced. */
export interface OrderLine {
  productId: string;
  variantId: string;
  slug: string;
  title: string;
  /** "M / Black"; '' for a product without options. */
  variantLabel: string;
  sku: string | null;
  unitPriceMinor: bigint;
  quantity: number;
  lineTotalMinor: bigint;
}

export interface Order {
  id: string;
  code: string;
  customerId: string;
  status: OrderStatus;
  items: OrderLine[];
  /** The shop's pricing currency when the order was placed: every amount of the order and its lines. */
  currency: PricingCurrency;
  /** subtotal − discount + delivery fee (core/checkout/order-totals.ts). */
  subtotalMinor: bigint;
  discountMinor: bigint;
  deliveryFeeMinor: bigint;
  totalMinor: bigint;
  /** How it reaches the customer, as chosen at checkout; null when nothing was asked. */
  delivery: DeliverySnapshot | null;
  note: string;
  promoCode: string | null;
  createdAt: Date;
  expiresAt: Date;
  updatedAt: Date;
  paidAt: Date | null;
  /**
   * What the order costs in each asset the shop accepted when it was placed, locked until its
   * reservation ends (core/pricing/quote-order.ts); empty for an order placed before quotes were stored.
   */
  quotes: AssetQuote[];
}

/** When a new order's reservation runs out. */
export function orderExpiresAt(createdAt: Date, ttlSeconds: number): Date {
  return new Date(createdAt.getTime() + ttlSeconds * 1000);
}

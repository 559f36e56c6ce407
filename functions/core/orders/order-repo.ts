import type { CheckoutPlan, CheckoutRequest } from '../checkout/plan-checkout';
import type { Order } from './order';
import type { PricedLine } from './price-order';
import type { PricingCurrency } from '../pricing/currencies';
import type { AssetQuote } from '../pricing/quote-order';

/** Quotes an order's total in each accepted asset, locked until `lockedUntil` (core/pricing/checkout-quotes.ts). */
export type OrderQuoter = (input: { totalMinor: bigint; lockedUntil: Date }) => Promise<AssetQuote[]>;

/** An item as the checkout sends it: a variant (or, for a product sold without options, the product). */
export interface OrderItemRequest {
  variantId?: string | undefined;
  productId?: string | undefined;
  quantity: number;
}

/** Everything an order (or its quote) is made from. Prices, fees and discounts are never among it. */
export interface CheckoutInput {
  customerId: string;
  items: readonly OrderItemRequest[];
  /** The shop's pricing currency: the order is priced and stored in it. */
  currency: PricingCurrency;
  checkout?: (CheckoutRequest & { saveAddress?: boolean | undefined }) | undefined;
  now: Date;
}

/** The orders port: what the handlers need from storage. Implemented in adapters/db/order-repo.ts. */
export interface OrderRepo {
  /**
   * Prices the items from the current variant rows, plans the checkout (discount, delivery, total),
   * reserves the stock and the code's use, and writes the order, all in one transaction: either
   * everything is written or nothing is. Refuses a customer at their limits (customer-order-limits.ts),
   * checked under a lock on the customer, so parallel requests cannot slip past. `quote` prices the total
   * in the accepted assets; its quotes are stored with the order (none without it).
   */
  createOrder(input: CheckoutInput & { ttlSeconds: number; quote?: OrderQuoter }): Promise<Order>;
  /** What the same checkout would cost now, without writing or reserving anything. */
  quoteOrder(input: CheckoutInput): Promise<CheckoutPlan & { lines: PricedLine[] }>;
  listCustomerOrders(customerId: string, limit: number): Promise<Order[]>;
  /** The order if it belongs to `customerId`, else null: another customer's order is indistinguishable from none. */
  findCustomerOrder(customerId: string, orderId: string): Promise<Order | null>;
  /**
   * Expires every order the lifecycle lets expire whose deadline is at or before `cutoff`
   * (order-lifecycle.ts, expiryCutoff) and puts its stock back. Returns the ids expired.
   */
  expireDueOrders(input: { cutoff: Date; now: Date }): Promise<string[]>;
  /**
   * Whether any unpaid order's time was up at `before`: one read, no lock, no transaction. A sweep asks
   * it first, since before a customer's request it almost always finds nothing.
   */
  hasOrdersDue(before: Date): Promise<boolean>;
}

import type { Order } from './order';
import type { RequestedItem } from './price-order';

/** The orders port: what the handlers need from storage. Implemented in adapters/db/order-repo.ts. */
export interface OrderRepo {
  /**
   * Prices the items from current product rows, reserves their stock and writes the order, all in one
   * transaction: either everything is written or nothing is. Refuses a customer at their limits
   * (customer-order-limits.ts), checked under a lock on the customer, so parallel requests cannot slip past.
   */
  createOrder(input: { customerId: string; items: readonly RequestedItem[]; now: Date; ttlSeconds: number }): Promise<Order>;
  listCustomerOrders(customerId: string, limit: number): Promise<Order[]>;
  /** The order if it belongs to `customerId`, else null: another customer's order is indistinguishable from none. */
  findCustomerOrder(customerId: string, orderId: string): Promise<Order | null>;
  /**
   * Expires every order the lifecycle lets expire whose deadline is at or before `cutoff`
   * (order-lifecycle.ts, expiryCutoff) and puts its stock back. Returns the ids expired.
   */
  expireDueOrders(input: { cutoff: Date; now: Date }): Promise<string[]>;
}

import type { Order } from './order';
import type { RequestedItem } from './price-order';

/** The orders port: what the handlers need from storage. Implemented in adapters/db/order-repo.ts. */
export interface OrderRepo {
  /**
   * Prices the items from current product rows, reserves their stock and writes the order, all in one
   * transaction: either everything is written or nothing is.
   */
  createOrder(input: {
    customerId: string;
    items: readonly RequestedItem[];
    now: Date;
    ttlSeconds: number;
  }): Promise<Order>;
  listCustomerOrders(customerId: string, limit: number): Promise<Order[]>;
  /** The order if it belongs to `customerId`, else null: another customer's order is indistinguishable from none. */
  findCustomerOrder(customerId: string, orderId: string): Promise<Order | null>;
  /** Marks every pending order past its expiry as expired and puts its stock back. Returns the ids expired. */
  expireDueOrders(now: Date): Promise<string[]>;
}

import type { PricedLine } from './price-order';
import type { OrderStatus } from './order-status';

/** One line of an order: a snapshot of what was sold and at which price, exactly as it was priced. */
export type OrderLine = PricedLine;

export interface Order {
  id: string;
  code: string;
  customerId: string;
  status: OrderStatus;
  items: OrderLine[];
  totalNano: bigint;
  createdAt: Date;
  expiresAt: Date;
  updatedAt: Date;
  paidAt: Date | null;
}

/** When a new order's reservation runs out. */
export function orderExpiresAt(createdAt: Date, ttlSeconds: number): Date {
  return new Date(createdAt.getTime() + ttlSeconds * 1000);
}

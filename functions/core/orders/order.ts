import type { OrderStatus } from './order-status';

/** One line of an order: a snapshot of what was sold and at which price. */
export interface OrderLine {
  productId: string;
  slug: string;
  title: string;
  unitPriceNano: bigint;
  quantity: number;
  lineTotalNano: bigint;
}

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

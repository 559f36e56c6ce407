/** Every state an order can be in. What moves an order between them is functions/core/orders/order-lifecycle.ts. */
export const ORDER_STATUSES = ['pending', 'confirming', 'paid', 'shipped', 'ready_for_pickup', 'completed', 'expired', 'cancelled'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

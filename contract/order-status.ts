// The order statuses as the API sends them. The server's state machine (functions/core/orders/order-lifecycle.ts)
// moves an order between them; the Mini App and the admin read them. One list, so a status added on one side
// cannot be missing on the other.
export const ORDER_STATUSES = ['pending', 'confirming', 'paid', 'shipped', 'ready_for_pickup', 'completed', 'expired', 'cancelled', 'refunded'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

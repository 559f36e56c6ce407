/** Every state an order can be in (contract/order-status.ts, shared with the Mini App). What moves an order between them is functions/core/orders/order-lifecycle.ts. */
export { ORDER_STATUSES, type OrderStatus } from '../../../contract/order-status';

import { canTransition, transitionOrder, type OrderStatus } from '../orders/order-status';

/** What the merchant can do to an order from the admin screens; each is an event of the order state machine. */
export const ADMIN_ORDER_ACTIONS = ['ship', 'mark_ready', 'cancel', 'complete'] as const;
export type AdminOrderAction = (typeof ADMIN_ORDER_ACTIONS)[number];

/** The actions the state machine allows from `status`, in display order: the buttons the UI shows. */
export function allowedAdminActions(status: OrderStatus): AdminOrderAction[] {
  return ADMIN_ORDER_ACTIONS.filter((action) => canTransition(status, action));
}

/** The status after the merchant's `action`, or InvalidOrderTransitionError (409) when not allowed. */
export function applyAdminAction(status: OrderStatus, action: AdminOrderAction): OrderStatus {
  return transitionOrder(status, action);
}

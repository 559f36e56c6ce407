import { canTransition, planTransition, type OrderTransition } from '../orders/order-lifecycle';
import type { OrderStatus } from '../orders/order-status';

/** What the merchant can do to an order from the admin screens; each is an event of the order lifecycle. */
export const ADMIN_ORDER_ACTIONS = ['ship', 'mark_ready', 'cancel', 'complete'] as const;
export type AdminOrderAction = (typeof ADMIN_ORDER_ACTIONS)[number];

/** The actions the lifecycle allows from `status`, in display order: the buttons the UI shows. */
export function allowedAdminActions(status: OrderStatus): AdminOrderAction[] {
  return ADMIN_ORDER_ACTIONS.filter((action) => canTransition(status, action));
}

/** The transition the merchant's `action` makes, or InvalidOrderTransitionError (409) when not allowed. */
export function planAdminAction(status: OrderStatus, action: AdminOrderAction): OrderTransition {
  return planTransition(status, action);
}

import { InvalidOrderTransitionError } from './errors';

export type OrderStatus =
  | 'pending'
  | 'confirming'
  | 'paid'
  | 'shipped'
  | 'ready_for_pickup'
  | 'completed'
  | 'expired'
  | 'cancelled';

export type OrderEvent =
  | 'submit_payment'
  | 'confirm_payment'
  | 'reject_payment'
  | 'expire'
  | 'cancel'
  | 'ship'
  | 'mark_ready'
  | 'complete';

// The whole life of an order in one table. Anything not listed is not allowed.
// - `confirming`: a payment was submitted and is being looked up on-chain; it does not expire by the
//   clock, because the money may already be on its way (the chain decides).
// - `reject_payment` returns a confirming order to pending (e.g. the transaction bounced).
const TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>>> = {
  pending: {
    submit_payment: 'confirming',
    confirm_payment: 'paid',
    expire: 'expired',
    cancel: 'cancelled',
  },
  confirming: { confirm_payment: 'paid', reject_payment: 'pending', cancel: 'cancelled' },
  paid: { ship: 'shipped', mark_ready: 'ready_for_pickup', cancel: 'cancelled' },
  shipped: { complete: 'completed' },
  ready_for_pickup: { complete: 'completed' },
  completed: {},
  expired: {},
  cancelled: {},
};

/** The status after `event`, or an InvalidOrderTransitionError naming both. */
export function transitionOrder(from: OrderStatus, event: OrderEvent): OrderStatus {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidOrderTransitionError(from, eventPastTense(event));
  return to;
}

/** Whether `event` is allowed from `from`. */
export function canTransition(from: OrderStatus, event: OrderEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** Stock reserved at checkout goes back to the shelf only when an order ends without being sold. */
export function releasesStock(to: OrderStatus): boolean {
  return to === 'expired' || to === 'cancelled';
}

/** Statuses whose stock is still reserved or sold, i.e. not returned to the shelf. */
export function holdsStock(status: OrderStatus): boolean {
  return !releasesStock(status);
}

function eventPastTense(event: OrderEvent): string {
  switch (event) {
    case 'submit_payment':
      return 'paid again';
    case 'confirm_payment':
      return 'marked paid';
    case 'reject_payment':
      return 'returned to awaiting payment';
    case 'expire':
      return 'expired';
    case 'cancel':
      return 'cancelled';
    case 'ship':
      return 'shipped';
    case 'mark_ready':
      return 'marked ready for pickup';
    case 'complete':
      return 'completed';
  }
}

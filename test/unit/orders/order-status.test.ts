import { describe, expect, it } from 'vitest';
import { canTransition, releasesStock, transitionOrder, type OrderEvent, type OrderStatus } from '../../../functions/core/orders/order-status';

describe('transitionOrder', () => {
  const allowed: [OrderStatus, OrderEvent, OrderStatus][] = [
    ['pending', 'submit_payment', 'confirming'],
    ['pending', 'confirm_payment', 'paid'],
    ['pending', 'expire', 'expired'],
    ['pending', 'cancel', 'cancelled'],
    ['confirming', 'confirm_payment', 'paid'],
    ['confirming', 'reject_payment', 'pending'],
    ['paid', 'ship', 'shipped'],
    ['paid', 'mark_ready', 'ready_for_pickup'],
    ['paid', 'cancel', 'cancelled'],
    ['shipped', 'complete', 'completed'],
    ['ready_for_pickup', 'complete', 'completed'],
  ];
  it.each(allowed)('moves %s on %s to %s', (from, event, to) => {
    expect(transitionOrder(from, event)).toBe(to);
    expect(canTransition(from, event)).toBe(true);
  });

  const forbidden: [OrderStatus, OrderEvent][] = [
    ['confirming', 'expire'], // money may be on its way: the chain decides, not the clock
    ['paid', 'expire'],
    ['paid', 'confirm_payment'],
    ['expired', 'confirm_payment'],
    ['cancelled', 'ship'],
    ['pending', 'ship'],
    ['completed', 'cancel'],
    ['shipped', 'cancel'],
  ];
  it.each(forbidden)('refuses %s on %s with ORDER_TRANSITION_INVALID', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    expect(() => transitionOrder(from, event)).toThrowError(expect.objectContaining({ code: 'ORDER_TRANSITION_INVALID' }));
  });

  it('puts stock back only for orders that end unsold', () => {
    const statuses: OrderStatus[] = ['pending', 'confirming', 'paid', 'shipped', 'ready_for_pickup', 'completed', 'expired', 'cancelled'];
    expect(statuses.filter(releasesStock)).toEqual(['expired', 'cancelled']);
  });
});

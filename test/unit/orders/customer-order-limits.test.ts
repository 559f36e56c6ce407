import { describe, expect, it } from 'vitest';
import { checkCustomerOrderLimits, CUSTOMER_ORDER_LIMITS } from '../../../functions/core/orders/customer-order-limits';

const now = new Date('2026-12-02T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const later = (s: number) => new Date(now.getTime() + s * 1000);

describe('checkCustomerOrderLimits', () => {
  it('lets a customer with fewer open orders than the limit order again', () => {
    expect(() => checkCustomerOrderLimits({ openOrderExpiries: [later(60), later(120), later(180), later(240)], recentCreatedAt: [], now })).not.toThrow();
  });

  it('refuses the open order over the limit, saying when the soonest one expires', () => {
    const open = Array.from({ length: CUSTOMER_ORDER_LIMITS.maxOpenOrders }, (_, i) => later(100 + i * 60));
    expect(() => checkCustomerOrderLimits({ openOrderExpiries: open, recentCreatedAt: [], now })).toThrowError(
      expect.objectContaining({ code: 'TOO_MANY_OPEN_ORDERS', kind: 'rate_limited', retryAfterSeconds: 100 }),
    );
  });

  it('refuses once the window holds the most orders, until the oldest leaves it', () => {
    const created = Array.from({ length: CUSTOMER_ORDER_LIMITS.maxOrdersPerWindow }, (_, i) => ago(500 - i));
    expect(() => checkCustomerOrderLimits({ openOrderExpiries: [], recentCreatedAt: created, now })).toThrowError(
      expect.objectContaining({ code: 'ORDER_RATE_LIMITED', retryAfterSeconds: CUSTOMER_ORDER_LIMITS.windowSeconds - 500 }),
    );
  });

  it('does not count orders created before the window', () => {
    const created = Array.from({ length: CUSTOMER_ORDER_LIMITS.maxOrdersPerWindow }, () => ago(CUSTOMER_ORDER_LIMITS.windowSeconds + 1));
    expect(() => checkCustomerOrderLimits({ openOrderExpiries: [], recentCreatedAt: created, now })).not.toThrow();
  });
});

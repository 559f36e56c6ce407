import { describe, expect, it } from 'vitest';
import type { Order } from '../../../functions/core/orders/order';
import type { OrderStatus } from '../../../functions/core/orders/order-status';
import { buildPaymentIntent, PAYMENT_WINDOW_SECONDS } from '../../../functions/core/payments/payment-intent';

const now = new Date('2026-11-23T10:00:00Z');
const order = (status: OrderStatus, expiresInSeconds: number): Order => ({
  id: 'o1',
  code: 'K7Q2MXAB',
  customerId: 'c1',
  status,
  items: [],
  totalNano: 3_900_000_001n,
  createdAt: now,
  expiresAt: new Date(now.getTime() + expiresInSeconds * 1000),
  updatedAt: now,
  paidAt: null,
});
const build = (o: Order) =>
  buildPaymentIntent({
    order: o,
    merchantAddress: 'UQmerchant',
    network: 'testnet',
    now,
    commentPayload: (text) => `payload(${text})`,
  });

describe('buildPaymentIntent', () => {
  it("asks for the order's exact total, to the merchant, with the order's comment", () => {
    expect(build(order('pending', 1800))).toEqual({
      address: 'UQmerchant',
      amountNano: 3_900_000_001n,
      comment: 'bz:K7Q2MXAB',
      validUntil: now.getTime() / 1000 + PAYMENT_WINDOW_SECONDS,
      network: 'testnet',
      payload: 'payload(bz:K7Q2MXAB)',
    });
  });

  it('never lets the signed message outlive the order', () => {
    expect(build(order('pending', 120))?.validUntil).toBe(now.getTime() / 1000 + 120);
  });

  it.each(['confirming', 'paid', 'expired', 'cancelled', 'shipped'] as const)('offers no intent for a %s order', (status) => {
    expect(build(order(status, 1800))).toBeNull();
  });

  it('offers no intent once the order is past its expiry, even before the sweep marks it', () => {
    expect(build(order('pending', 0))).toBeNull();
  });
});

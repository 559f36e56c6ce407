import { describe, expect, it } from 'vitest';
import type { Order } from '../../../functions/core/orders/order';
import type { OrderStatus } from '../../../functions/core/orders/order-status';
import { buildPaymentIntent, checkSubmissionValidity, PAYMENT_WINDOW_SECONDS } from '../../../functions/core/payments/payment-intent';
import { CHAIN_CLOCK_SKEW_SECONDS } from '../../../functions/core/orders/order-lifecycle';

const now = new Date('2026-11-23T10:00:00Z');
const order = (status: OrderStatus, expiresInSeconds: number): Order => ({
  id: 'o1',
  code: 'K7Q2MXAB',
  currency: 'TON',
  customerId: 'c1',
  status,
  items: [],
  subtotalMinor: 3_900_000_001n,
  discountMinor: 0n,
  deliveryFeeMinor: 0n,
  totalMinor: 3_900_000_001n,
  delivery: null,
  note: '',
  promoCode: null,
  createdAt: now,
  expiresAt: new Date(now.getTime() + expiresInSeconds * 1000),
  updatedAt: now,
  paidAt: null,
  quotes: [],
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
  it('asks a fiat-priced order for its TON quote, never its total read as nanotons; no TON amount without a TON quote', () => {
    const dollars: Order = { ...order('pending', 1800), currency: 'USD', subtotalMinor: 1250n, totalMinor: 1250n };
    const quote = {
      asset: 'TON' as const,
      amount: 2_500_000_000n,
      rate: '5/1',
      source: 'fixed',
      fetchedAt: now.getTime(),
      lockedUntil: now.getTime() + 1_800_000,
    };
    expect(build({ ...dollars, quotes: [quote] })).toMatchObject({ amountNano: 2_500_000_000n });
    expect(build({ ...dollars, quotes: [{ ...quote, asset: 'USDT', amount: 12_500_000n }] })).toMatchObject({ amountNano: null });
    expect(build(dollars)).toMatchObject({ amountNano: null });
  });

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

describe('checkSubmissionValidity', () => {
  const nowSeconds = now.getTime() / 1000;
  it.each([
    ['accepts the intent’s own validUntil', 1800, nowSeconds + PAYMENT_WINDOW_SECONDS],
    ['accepts up to the clock skew past it', 1800, nowSeconds + PAYMENT_WINDOW_SECONDS + CHAIN_CLOCK_SKEW_SECONDS],
    ['accepts a short validity', 1800, nowSeconds + 60],
    ['bounds by the order’s expiry when that comes first', 120, nowSeconds + 120 + CHAIN_CLOCK_SKEW_SECONDS],
  ])('%s', (_name, expiresIn, validUntil) => {
    expect(() => checkSubmissionValidity(order('pending', expiresIn), validUntil, now)).not.toThrow();
  });

  it.each([
    ['valid_until = 2^32-1 (never broadcast, held for ever)', 1800, 2 ** 32 - 1],
    ['one second past the window and skew', 1800, nowSeconds + PAYMENT_WINDOW_SECONDS + CHAIN_CLOCK_SKEW_SECONDS + 1],
    ['past the order’s own expiry and skew', 120, nowSeconds + 120 + CHAIN_CLOCK_SKEW_SECONDS + 1],
  ])('refuses %s with PAYMENT_VALID_TOO_LONG', (_name, expiresIn, validUntil) => {
    expect(() => checkSubmissionValidity(order('pending', expiresIn), validUntil, now)).toThrowError(
      expect.objectContaining({ code: 'PAYMENT_VALID_TOO_LONG', kind: 'unprocessable' }),
    );
  });
});

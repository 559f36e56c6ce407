import { describe, expect, it } from 'vitest';
import {
  CHAIN_CLOCK_SKEW_SECONDS,
  MAX_EXPIRY_HOLD_SECONDS,
  canTransition,
  decidePayment,
  expiryCutoff,
  holdsStock,
  isPaid,
  paymentNeedsStock,
  planTransition,
  statusesAllowing,
  type OrderEvent,
} from '../../../functions/core/orders/order-lifecycle';
import { ORDER_STATUSES, type OrderStatus } from '../../../functions/core/orders/order-status';

describe('planTransition', () => {
  const allowed: [OrderStatus, OrderEvent, OrderStatus, string[]][] = [
    ['pending', 'submit_payment', 'confirming', []],
    ['confirming', 'submit_payment', 'confirming', []],
    ['confirming', 'release_submission', 'pending', []],
    ['pending', 'pay', 'paid', ['keep_code_use', 'announce_paid', 'deliver_digital']],
    ['confirming', 'pay', 'paid', ['keep_code_use', 'announce_paid', 'deliver_digital']],
    ['expired', 'pay', 'paid', ['reserve_stock', 'keep_code_use', 'announce_paid', 'deliver_digital']],
    ['pending', 'expire', 'expired', ['release_stock', 'release_code_use']],
    ['pending', 'cancel', 'cancelled', ['release_stock', 'release_code_use', 'notify_customer']],
    ['confirming', 'cancel', 'cancelled', ['release_stock', 'release_code_use', 'notify_customer']],
    ['paid', 'cancel', 'cancelled', ['release_stock', 'release_code_use', 'notify_customer']],
    ['paid', 'ship', 'shipped', ['notify_customer']],
    ['paid', 'mark_ready', 'ready_for_pickup', ['notify_customer']],
    ['shipped', 'complete', 'completed', ['notify_customer']],
    ['ready_for_pickup', 'complete', 'completed', ['notify_customer']],
    // A Stars refund from the admin: what was delivered stops working, and nothing goes back on the shelf.
    ['paid', 'refund', 'refunded', ['revoke_digital', 'notify_customer']],
    ['completed', 'refund', 'refunded', ['revoke_digital', 'notify_customer']],
  ];
  it.each(allowed)('moves %s on %s to %s, with effects %j', (from, event, to, effects) => {
    expect(planTransition(from, event)).toEqual({ from, to, effects });
    expect(canTransition(from, event)).toBe(true);
  });

  const forbidden: [OrderStatus, OrderEvent][] = [
    ['confirming', 'expire'], // money may be on its way: the chain decides, not the clock
    ['paid', 'expire'],
    ['paid', 'pay'],
    ['cancelled', 'pay'],
    ['expired', 'cancel'],
    ['cancelled', 'ship'],
    ['pending', 'ship'],
    ['completed', 'cancel'],
    ['shipped', 'cancel'],
    ['pending', 'release_submission'],
  ];
  it.each(forbidden)('refuses %s on %s with ORDER_TRANSITION_INVALID', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    expect(() => planTransition(from, event)).toThrowError(expect.objectContaining({ code: 'ORDER_TRANSITION_INVALID', kind: 'conflict' }));
  });

  it('never releases stock from a status that does not hold it, nor reserves it in one that does', () => {
    for (const from of ORDER_STATUSES) {
      for (const event of ['submit_payment', 'release_submission', 'pay', 'expire', 'cancel', 'ship', 'mark_ready', 'complete', 'refund'] as OrderEvent[]) {
        if (!canTransition(from, event)) continue;
        const { to, effects } = planTransition(from, event);
        // Stock conservation: the effects move units exactly when holding changes.
        const released = effects.includes('release_stock');
        const reserved = effects.includes('reserve_stock');
        expect(released).toBe(holdsStock(from) && !holdsStock(to));
        expect(reserved).toBe(!holdsStock(from) && holdsStock(to));
        // Paid is announced, and digital products delivered, exactly when an order becomes paid.
        expect(effects.includes('announce_paid')).toBe(!isPaid(from) && isPaid(to));
        expect(effects.includes('deliver_digital')).toBe(!isPaid(from) && isPaid(to));
        // A code's use follows the order: freed with its stock, kept when it is paid.
        expect(effects.includes('release_code_use')).toBe(released);
        expect(effects.includes('keep_code_use')).toBe(!isPaid(from) && isPaid(to));
      }
    }
  });

  it('lists the statuses an event applies to, for bulk moves', () => {
    expect(statusesAllowing('expire')).toEqual(['pending']);
    expect(statusesAllowing('release_submission')).toEqual(['confirming']);
    expect(statusesAllowing('submit_payment')).toEqual(['pending', 'confirming']);
  });

  it('says which statuses count as paid and which need stock back to be paid', () => {
    expect(ORDER_STATUSES.filter(isPaid)).toEqual(['paid', 'shipped', 'ready_for_pickup', 'completed']);
    expect(ORDER_STATUSES.filter(paymentNeedsStock)).toEqual(['expired']);
  });
});

describe('decidePayment', () => {
  const expiresAt = new Date('2026-12-02T12:00:00Z');
  const order = (status: OrderStatus, totalMinor = 100n) => ({ status, totalMinor, expiresAt });
  const secondsAfterDeadline = (s: number) => new Date(expiresAt.getTime() + s * 1000);

  it.each<[string, OrderStatus, bigint, Date, boolean, ReturnType<typeof decidePayment>]>([
    [
      'pays a pending order in full',
      'pending',
      100n,
      secondsAfterDeadline(-60),
      false,
      { kind: 'pay', transition: planTransition('pending', 'pay'), overpaymentNano: 0n },
    ],
    [
      'records an overpayment',
      'confirming',
      150n,
      secondsAfterDeadline(-60),
      false,
      { kind: 'pay', transition: planTransition('confirming', 'pay'), overpaymentNano: 50n },
    ],
    [
      'is on time up to the skew after the deadline',
      'pending',
      100n,
      secondsAfterDeadline(CHAIN_CLOCK_SKEW_SECONDS),
      false,
      { kind: 'pay', transition: planTransition('pending', 'pay'), overpaymentNano: 0n },
    ],
    ['is late one second after the skew', 'pending', 100n, secondsAfterDeadline(CHAIN_CLOCK_SKEW_SECONDS + 1), true, { kind: 'set_aside', reason: 'late' }],
    [
      'pays an expired order paid in time when its stock is back',
      'expired',
      100n,
      secondsAfterDeadline(-1),
      true,
      { kind: 'pay', transition: planTransition('expired', 'pay'), overpaymentNano: 0n },
    ],
    [
      'sets aside an expired order paid in time whose stock is gone',
      'expired',
      100n,
      secondsAfterDeadline(-1),
      false,
      { kind: 'set_aside', reason: 'paid_in_time_out_of_stock' },
    ],
    ['sets aside less than the total', 'pending', 99n, secondsAfterDeadline(-1), false, { kind: 'set_aside', reason: 'underpaid', shortfallNano: 1n }],
    ['sets aside a second payment', 'paid', 100n, secondsAfterDeadline(-1), false, { kind: 'set_aside', reason: 'already_paid' }],
    ['sets aside a payment for a shipped order', 'shipped', 100n, secondsAfterDeadline(-1), false, { kind: 'set_aside', reason: 'already_paid' }],
    [
      'sets aside a payment for an order the merchant cancelled',
      'cancelled',
      100n,
      secondsAfterDeadline(-1),
      true,
      { kind: 'set_aside', reason: 'order_cancelled' },
    ],
  ])('%s', (_name, status, amountNano, at, stockAvailable, decision) => {
    expect(decidePayment(order(status), { amountNano, at }, stockAvailable)).toEqual(decision);
  });
});

describe('expiryCutoff', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const minus = (s: number) => new Date(now.getTime() - s * 1000);

  it('lets orders expire up to where the reconciler has read, less the indexer lag', () => {
    expect(expiryCutoff({ now, paymentsReadThrough: minus(5), indexerLagSeconds: 30 })).toEqual(minus(35));
  });

  it('never looks past now', () => {
    expect(expiryCutoff({ now, paymentsReadThrough: new Date(now.getTime() + 60_000), indexerLagSeconds: 0 })).toEqual(now);
  });

  it('holds orders at most MAX_EXPIRY_HOLD_SECONDS when the reconciler is stuck or never ran', () => {
    expect(expiryCutoff({ now, paymentsReadThrough: minus(86_400), indexerLagSeconds: 30 })).toEqual(minus(MAX_EXPIRY_HOLD_SECONDS));
    expect(expiryCutoff({ now, paymentsReadThrough: null, indexerLagSeconds: 30 })).toEqual(minus(MAX_EXPIRY_HOLD_SECONDS));
  });
});

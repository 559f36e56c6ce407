import { describe, expect, it } from 'vitest';
import { decideQuotedPayment } from '../../../functions/core/payments/decide-quoted-payment';

const EXPIRES_AT = new Date('2026-12-04T01:30:00Z');
const ON_TIME = new Date('2026-12-04T01:10:00Z');
const QUOTED = 10_000n;

const decide = (paid: bigint, toleranceBasisPoints = 0, status: 'pending' | 'expired' | 'cancelled' = 'pending', at = ON_TIME) =>
  decideQuotedPayment({ order: { status, expiresAt: EXPIRES_AT }, quoted: QUOTED, paid, at, toleranceBasisPoints, stockAvailable: true });

describe('decideQuotedPayment: a payment against a stored quote, with the shop’s tolerance', () => {
  it.each([
    ['the exact quote pays, nothing over', QUOTED, 0, { kind: 'pay', overpaymentNano: 0n }],
    ['more pays, the extra recorded from the quote', QUOTED + 7n, 0, { kind: 'pay', overpaymentNano: 7n }],
    ['one unit short is underpaid with no tolerance', QUOTED - 1n, 0, { kind: 'set_aside', reason: 'underpaid', shortfallNano: 1n }],
    ['99.5 % pays with 1 %, and is no overpayment', 9_950n, 100, { kind: 'pay', overpaymentNano: 0n }],
    ['99 % pays with 1 % (the least it accepts)', 9_900n, 100, { kind: 'pay', overpaymentNano: 0n }],
    ['98.99 % is underpaid with 1 %, short of the quote by 101', 9_899n, 100, { kind: 'set_aside', reason: 'underpaid', shortfallNano: 101n }],
  ])('%s', (_name, paid, tolerance, expected) => {
    expect(decide(paid, tolerance)).toMatchObject(expected);
  });

  it('leaves the rest to the lifecycle: late, cancelled, and an expired order paid in time', () => {
    expect(decide(QUOTED, 0, 'pending', new Date(EXPIRES_AT.getTime() + 61_000))).toEqual({ kind: 'set_aside', reason: 'late' });
    expect(decide(QUOTED, 0, 'cancelled')).toEqual({ kind: 'set_aside', reason: 'order_cancelled' });
    expect(decide(QUOTED, 0, 'expired')).toMatchObject({ kind: 'pay', transition: { from: 'expired', to: 'paid' } });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refund, RefundableFunds, RefundStatus } from '../../../functions/core/refunds/refund';
import {
  OrderNotRefundableError,
  RefundAmountInvalidError,
  RefundExceedsPaidError,
  RefundInFlightError,
  RefundWrongWalletError,
} from '../../../functions/core/refunds/refund-errors';
import { checkRefundRequest, checkRefundSigner, isLapsed, REFUND_LAPSE_GRACE_SECONDS, refundableLeft } from '../../../functions/core/refunds/refund-rules';

const MERCHANT = '0:' + 'aa'.repeat(32);
const PAYER = '0:' + 'bb'.repeat(32);
const NOW = 1_800_000_000;
const funds: RefundableFunds = { asset: 'TON', paid: 10_000_000_000n, payer: PAYER };

let next = 0;
function refund(amount: bigint, status: RefundStatus, validUntil = NOW + 300): Refund {
  next += 1;
  return {
    id: `r${next}`,
    orderId: 'o1',
    asset: 'TON',
    amount,
    recipient: PAYER,
    status,
    validUntil,
    messageHash: null,
    transactionHash: null,
    createdAt: new Date(0),
  };
}

const ask = (amount: bigint, refunds: Refund[] = [], extra: Partial<Parameters<typeof checkRefundRequest>[0]> = {}) =>
  checkRefundRequest({ orderStatus: 'paid', funds, refunds, amount, connectedWallet: MERCHANT, merchant: MERCHANT, nowSeconds: NOW, ...extra });

describe('a refund request', () => {
  it('may give back all or part of what a paid order received', () => {
    expect(() => ask(funds.paid)).not.toThrow();
    expect(() => ask(1n)).not.toThrow();
    for (const status of ['shipped', 'ready_for_pickup', 'completed', 'cancelled'] as const) expect(() => ask(1n, [], { orderStatus: status })).not.toThrow();
  });

  it('is refused for an order that was never paid', () => {
    for (const status of ['pending', 'confirming', 'expired'] as const) expect(() => ask(1n, [], { orderStatus: status })).toThrow(OrderNotRefundableError);
    expect(() => ask(1n, [], { orderStatus: 'cancelled', funds: null })).toThrow(OrderNotRefundableError);
  });

  it('is refused from any wallet but the shop’s, before anything is signed', () => {
    expect(() => ask(1n, [], { connectedWallet: PAYER })).toThrow(RefundWrongWalletError);
    expect(() => checkRefundSigner(PAYER, MERCHANT)).toThrow(RefundWrongWalletError);
    expect(() => checkRefundSigner(MERCHANT, MERCHANT)).not.toThrow();
  });

  it('is a positive amount', () => {
    expect(() => ask(0n)).toThrow(RefundAmountInvalidError);
    expect(() => ask(-5n)).toThrow(RefundAmountInvalidError);
  });

  it('never lets refunds add up to more than was paid', () => {
    const done = [refund(6_000_000_000n, 'confirmed')];
    expect(() => ask(4_000_000_000n, done)).not.toThrow();
    const refused = (() => {
      try {
        ask(4_000_000_001n, done);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(RefundExceedsPaidError);
    expect((refused as RefundExceedsPaidError).details).toEqual({ refundable: '4000000000' });
    expect(() => ask(1n, [refund(funds.paid, 'confirmed')])).toThrow(RefundExceedsPaidError);
  });

  it('is refused while an earlier message can still land (a double refund), and allowed once it has lapsed', () => {
    for (const status of ['requested', 'sent'] as const) {
      const open = [refund(1_000_000_000n, status, NOW + 10)];
      expect(() => ask(1n, open)).toThrow(RefundInFlightError);
      // Past valid_until but within the grace: the chain's clock or the indexer may lag.
      expect(() => ask(1n, open, { nowSeconds: NOW + 10 + REFUND_LAPSE_GRACE_SECONDS })).toThrow(RefundInFlightError);
      expect(() => ask(funds.paid, open, { nowSeconds: NOW + 11 + REFUND_LAPSE_GRACE_SECONDS })).not.toThrow();
    }
  });

  it('counts, for any history, only confirmed refunds and those that can still land', () => {
    const anyRefund = fc.record({
      amount: fc.bigInt({ min: 1n, max: 5_000_000_000n }),
      status: fc.constantFrom<RefundStatus>('requested', 'sent', 'confirmed', 'lapsed'),
      validUntil: fc.integer({ min: NOW - 1000, max: NOW + 1000 }),
    });
    fc.assert(
      fc.property(fc.array(anyRefund, { maxLength: 6 }), (rows) => {
        const refunds = rows.map((r) => refund(r.amount, r.status, r.validUntil));
        const counted = refunds.filter((r) => !isLapsed(r, NOW)).reduce((s, r) => s + r.amount, 0n);
        const left = refundableLeft(funds, refunds, NOW);
        expect(left).toBe(counted >= funds.paid ? 0n : funds.paid - counted);
        // Whatever is accepted now keeps the total within what was paid.
        if (left > 0n && !refunds.some((r) => (r.status === 'requested' || r.status === 'sent') && !isLapsed(r, NOW))) {
          expect(() => ask(left, refunds)).not.toThrow();
          expect(counted + left <= funds.paid).toBe(true);
        }
      }),
    );
  });
});

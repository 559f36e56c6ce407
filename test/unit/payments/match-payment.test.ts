import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import type { ChainMessage, ChainTransaction } from '../../../functions/core/payments/chain-reader';
import { matchPayment, type IncomingPayment, type PaymentCandidateOrder, type PaymentVerdict } from '../../../functions/core/payments/match-payment';
import { planTransition } from '../../../functions/core/orders/order-lifecycle';
import type { OrderStatus } from '../../../functions/core/orders/order-status';

const MERCHANT = '0:' + 'aa'.repeat(32);
const PAYER = '0:' + 'bb'.repeat(32);
const TX_HASH = 'cc'.repeat(32);
const PAID_AT = 1_800_000_000; // unix seconds
const EXPIRES_AT = new Date((PAID_AT + 600) * 1000);
const TOTAL = 2_500_000_000n;

function tx(changes: Partial<Omit<ChainTransaction, 'inMessage'>> = {}, message: Partial<ChainMessage> | null = {}): ChainTransaction {
  return {
    hash: TX_HASH,
    lt: 47_000_000_000_001n,
    account: MERCHANT,
    now: PAID_AT,
    inMessage:
      message === null
        ? null
        : { hash: 'dd'.repeat(32), source: PAYER, destination: MERCHANT, valueNano: TOTAL, bounced: false, comment: 'bz:ABCD2345', ...message },
    outMessages: [],
    prevLt: 46_000_000_000_001n,
    prevHash: 'ff'.repeat(32),
    phases: { aborted: false, compute: { kind: 'vm', success: true }, bounce: null },
    finalized: true,
    ...changes,
  };
}

function order(changes: Partial<PaymentCandidateOrder> = {}): PaymentCandidateOrder {
  return { id: 'order-1', status: 'pending', quotedNano: TOTAL, expiresAt: EXPIRES_AT, comment: 'bz:ABCD2345', ...changes };
}

const payment = (changes: Partial<{ amountNano: bigint; comment: string | null }> = {}) => ({
  txHash: TX_HASH,
  lt: 47_000_000_000_001n,
  payer: PAYER,
  asset: 'TON' as const,
  amountNano: TOTAL,
  comment: 'bz:ABCD2345',
  at: new Date(PAID_AT * 1000),
  ...changes,
});

function paid(paymentMade: IncomingPayment, overpaymentNano = 0n, from: OrderStatus = 'pending'): PaymentVerdict {
  return { kind: 'paid', orderId: 'order-1', payment: paymentMade, overpaymentNano, transition: planTransition(from, 'pay') };
}
const at = (seconds: number) => new Date(seconds * 1000);
// What an uninit (never deployed) wallet's transaction looks like when a non-bounceable transfer reaches it.
const UNINIT_CREDIT = { aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: null } as const;

const cases: Array<[string, ChainTransaction, PaymentCandidateOrder | null, PaymentVerdict]> = [
  ['pays an order with exactly its total', tx(), order(), paid(payment())],
  [
    'pays an order with more than its total and records the overpayment',
    tx({}, { valueNano: TOTAL + 1n }),
    order(),
    paid(payment({ amountNano: TOTAL + 1n }), 1n),
  ],
  ['pays an order being confirmed', tx(), order({ status: 'confirming' }), paid(payment(), 0n, 'confirming')],
  [
    'pays an order whose transfer lands within the clock skew after its deadline',
    tx({ now: PAID_AT + 660 }),
    order({ status: 'confirming' }),
    paid({ ...payment(), at: at(PAID_AT + 660) }, 0n, 'confirming'),
  ],
  [
    'calls late a transfer landing after the deadline even for a confirming order (its signed message had expired by then)',
    tx({ now: PAID_AT + 661 }),
    order({ status: 'confirming' }),
    { kind: 'attention', reason: 'late', orderId: 'order-1', payment: { ...payment(), at: at(PAID_AT + 661) } },
  ],
  [
    'pays an expired order that was paid in time, when its units are still on the shelf (it takes them again)',
    tx(),
    order({ status: 'expired', stockAvailable: true }),
    paid(payment(), 0n, 'expired'),
  ],
  [
    'sets aside an in-time payment for an expired order whose units were sold meanwhile, for a refund',
    tx(),
    order({ status: 'expired', stockAvailable: false }),
    { kind: 'attention', reason: 'paid_in_time_out_of_stock', orderId: 'order-1', payment: payment() },
  ],
  [
    'pays from a merchant wallet that was never deployed: aborted, compute skipped (no_state), no bounce',
    tx({ phases: UNINIT_CREDIT }),
    order(),
    paid(payment()),
  ],
  [
    'pays from a transaction whose compute phase ran out of gas but kept the value',
    tx({ phases: { aborted: true, compute: { kind: 'skipped', reason: 'no_gas' }, bounce: null } }),
    order(),
    paid(payment()),
  ],
  ['matches a comment typed in another case with spaces', tx({}, { comment: ' BZ:abcd2345 ' }), order(), paid(payment({ comment: ' BZ:abcd2345 ' }))],
  [
    'flags a payment short by one nanoton as underpaid',
    tx({}, { valueNano: TOTAL - 1n }),
    order(),
    { kind: 'attention', reason: 'underpaid', orderId: 'order-1', payment: payment({ amountNano: TOTAL - 1n }), shortfallNano: 1n },
  ],
  [
    'flags a payment for an order the merchant cancelled',
    tx(),
    order({ status: 'cancelled' }),
    { kind: 'attention', reason: 'order_cancelled', orderId: 'order-1', payment: payment() },
  ],
  [
    'flags a payment after the deadline (and the skew) of a still-pending order as late',
    tx({ now: PAID_AT + 661 }),
    order(),
    { kind: 'attention', reason: 'late', orderId: 'order-1', payment: { ...payment(), at: at(PAID_AT + 661) } },
  ],
  [
    'flags an underpaid late payment as late (the merchant refunds it either way)',
    tx({ now: PAID_AT + 3600 }, { valueNano: 1n }),
    order({ status: 'expired' }),
    { kind: 'attention', reason: 'late', orderId: 'order-1', payment: { ...payment({ amountNano: 1n }), at: at(PAID_AT + 3600) } },
  ],
  [
    'flags an in-time but underpaid payment for an expired order as underpaid',
    tx({}, { valueNano: 1n }),
    order({ status: 'expired', stockAvailable: true }),
    { kind: 'attention', reason: 'underpaid', orderId: 'order-1', payment: payment({ amountNano: 1n }), shortfallNano: TOTAL - 1n },
  ],
  [
    'flags a second payment for a paid order',
    tx(),
    order({ status: 'paid', paidByTxHash: 'ee'.repeat(32) }),
    { kind: 'attention', reason: 'already_paid', orderId: 'order-1', payment: payment() },
  ],
  [
    'flags a payment for a shipped order as already paid',
    tx(),
    order({ status: 'shipped' }),
    { kind: 'attention', reason: 'already_paid', orderId: 'order-1', payment: payment() },
  ],
  [
    'ignores the transaction already recorded as the order’s payment',
    tx(),
    order({ status: 'paid', paidByTxHash: TX_HASH.toUpperCase() }),
    { kind: 'ignore', reason: 'already_recorded' },
  ],
  [
    'flags a payment whose comment names no order',
    tx({}, { comment: 'bz:ZZZZ2345' }),
    null,
    { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: payment({ comment: 'bz:ZZZZ2345' }) },
  ],
  [
    'flags a payment without a comment',
    tx({}, { comment: null }),
    null,
    { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: payment({ comment: null }) },
  ],
  [
    'flags a payment whose comment is not the one of the order it was matched to',
    tx({}, { comment: 'bz:WXYZ2345' }),
    order(),
    { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: payment({ comment: 'bz:WXYZ2345' }) },
  ],
  ['ignores a transaction not yet in a final block', tx({ finalized: false }), order(), { kind: 'ignore', reason: 'not_finalized' }],
  ['ignores a transaction without an incoming message', tx({}, null), order(), { kind: 'ignore', reason: 'not_incoming' }],
  ['ignores the merchant’s own outgoing transfer (external in-message)', tx({}, { source: null }), order(), { kind: 'ignore', reason: 'not_incoming' }],
  ['ignores a transaction on another account', tx({ account: PAYER }), order(), { kind: 'ignore', reason: 'not_to_merchant' }],
  ['ignores a message to another address', tx({}, { destination: PAYER }), order(), { kind: 'ignore', reason: 'not_to_merchant' }],
  ['ignores a bounced message', tx({}, { bounced: true }), order(), { kind: 'ignore', reason: 'bounced' }],
  [
    'ignores a transfer the account sent back (bounce phase ok)',
    tx({ phases: { aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: 'ok' } }),
    order(),
    { kind: 'ignore', reason: 'returned' },
  ],
  [
    'pays when a bounce was attempted but had no funds to send the value back (it stayed)',
    tx({ phases: { aborted: true, compute: { kind: 'vm', success: false }, bounce: 'nofunds' } }),
    order(),
    paid(payment()),
  ],
  ['ignores a zero-value message', tx({}, { valueNano: 0n }), order(), { kind: 'ignore', reason: 'zero_value' }],
  [
    'never pays an order that was not quoted in TON (a dollar order quoted in USDT only): its total is not nanotons',
    tx(),
    order({ quotedNano: null }),
    { kind: 'attention', reason: 'not_quoted', orderId: 'order-1', payment: payment() },
  ],
];

describe('matchPayment', () => {
  it.each(cases)('%s', (_name, transaction, candidate, verdict) => {
    expect(matchPayment({ tx: transaction, merchantAddress: MERCHANT, order: candidate })).toEqual(verdict);
  });

  it.each([
    ['raw in upper case', MERCHANT.toUpperCase()],
    ['user-friendly, non-bounceable', Address.parse(MERCHANT).toString({ bounceable: false })],
    ['user-friendly, bounceable, test-only', Address.parse(MERCHANT).toString({ bounceable: true, testOnly: true })],
  ])('recognises the merchant address given %s', (_form, merchantAddress) => {
    expect(matchPayment({ tx: tx(), merchantAddress, order: order() }).kind).toBe('paid');
  });
});

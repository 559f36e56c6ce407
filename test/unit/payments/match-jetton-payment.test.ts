import { Address, beginCell, type Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { planTransition } from '../../../functions/core/orders/order-lifecycle';
import type { ChainTransaction } from '../../../functions/core/payments/chain-reader';
import { commentForwardPayload } from '../../../functions/core/payments/jetton-forward-payload';
import { JETTON_TRANSFER_NOTIFICATION_OP } from '../../../functions/core/payments/jetton-notification';
import {
  matchJettonPayment,
  notificationBodyOf,
  readClaimedNotification,
  type JettonCandidateOrderWithQuote,
} from '../../../functions/core/payments/match-jetton-payment';

const MERCHANT = '0:' + 'aa'.repeat(32);
const MERCHANT_JETTON_WALLET = '0:' + 'a1'.repeat(32);
const OTHER_JETTON_WALLET = '0:' + 'e1'.repeat(32);
const CUSTOMER = '0:' + 'bb'.repeat(32);
const TX_HASH = 'cc'.repeat(32);
const AT = 1_800_000_000;
const QUOTED = 36_000_000n; // 36 USDT
const EXPIRES_AT = new Date((AT + 600) * 1000);

function notification(amount = QUOTED, comment: string | null = 'bz:ABCD2345'): Cell {
  const head = beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).storeUint(1, 64).storeCoins(amount).storeAddress(Address.parse(CUSTOMER));
  return comment === null ? head.storeBit(0).endCell() : head.storeBit(1).storeRef(commentForwardPayload(comment)).endCell();
}

function tx(body: Cell, source = MERCHANT_JETTON_WALLET, changes: Partial<ChainTransaction> = {}): ChainTransaction {
  return {
    hash: TX_HASH,
    lt: 48_000_000_000_001n,
    prevLt: 47_000_000_000_001n,
    prevHash: 'ff'.repeat(32),
    account: MERCHANT,
    now: AT,
    inMessage: { hash: 'dd'.repeat(32), source, destination: MERCHANT, valueNano: 1n, bounced: false, comment: null, bodyBoc: body.toBoc().toString('base64') },
    outMessages: [],
    // A 1-nanoton forward: the merchant's wallet cannot run it. The TON rule would read it as nothing received.
    phases: { aborted: true, compute: { kind: 'skipped', reason: 'no_gas' }, bounce: null },
    finalized: true,
    ...changes,
  };
}

function order(changes: Partial<JettonCandidateOrderWithQuote> = {}): JettonCandidateOrderWithQuote {
  return { id: 'order-1', status: 'pending', quotedNano: 7_200_000_000n, expiresAt: EXPIRES_AT, comment: 'bz:ABCD2345', quotedMicroUsdt: QUOTED, ...changes };
}

const match = (
  body: Cell,
  options: {
    source?: string;
    order?: JettonCandidateOrderWithQuote | null;
    tolerance?: number;
    wallet?: string | null;
    changes?: Partial<ChainTransaction>;
  } = {},
) =>
  matchJettonPayment({
    tx: tx(body, options.source, options.changes),
    body,
    merchantAddress: MERCHANT,
    merchantJettonWallet: options.wallet === undefined ? MERCHANT_JETTON_WALLET : options.wallet,
    order: options.order === undefined ? order() : options.order,
    toleranceBasisPoints: options.tolerance ?? 0,
  });

const usdt = (amount: bigint, comment: string | null = 'bz:ABCD2345', payer: string | null = CUSTOMER) => ({
  txHash: TX_HASH,
  lt: 48_000_000_000_001n,
  payer,
  asset: 'USDT',
  amountNano: amount,
  comment,
  at: new Date(AT * 1000),
});

describe('matchJettonPayment: a USDT notification as a payment of its order', () => {
  it.each([
    ['pays the exact quote, in an aborted no-gas transaction, nothing over', QUOTED, 0, { kind: 'paid', overpaymentNano: 0n }],
    ['pays more than the quote and records the overpayment', QUOTED + 5n, 0, { kind: 'paid', overpaymentNano: 5n }],
    ['sets one micro-USDT short aside as underpaid, by that much', QUOTED - 1n, 0, { kind: 'attention', reason: 'underpaid', shortfallNano: 1n }],
    ['pays 99.5 % with a 1 % tolerance, with no overpayment', (QUOTED * 995n) / 1000n, 100, { kind: 'paid', overpaymentNano: 0n }],
    ['pays exactly the least a 1 % tolerance accepts', QUOTED - QUOTED / 100n, 100, { kind: 'paid' }],
    [
      'sets one micro-USDT under that least aside, the shortfall counted from the quote',
      QUOTED - QUOTED / 100n - 1n,
      100,
      { kind: 'attention', reason: 'underpaid', shortfallNano: QUOTED / 100n + 1n },
    ],
  ])('%s', (_name, amount, tolerance, expected) => {
    expect(match(notification(amount), { tolerance })).toMatchObject({ ...expected, orderId: 'order-1', payment: usdt(amount) });
  });

  it('moves the order as any payment does (the lifecycle decides)', () => {
    expect(match(notification())).toEqual({
      kind: 'paid',
      orderId: 'order-1',
      payment: usdt(QUOTED),
      overpaymentNano: 0n,
      transition: planTransition('pending', 'pay'),
    });
  });

  it.each([
    ['a notification from another jetton wallet', { source: OTHER_JETTON_WALLET }, OTHER_JETTON_WALLET],
    ['a notification-shaped body from a plain wallet', { source: CUSTOMER }, CUSTOMER],
    ['any notification when the master gave the merchant no wallet (the wrong master)', { wallet: null }, MERCHANT_JETTON_WALLET],
  ])('calls %s forged, recording what it claims and who sent it, never paying', (_name, options, sender) => {
    expect(match(notification(10n ** 12n), options)).toEqual({
      kind: 'attention',
      reason: 'forged',
      orderId: null,
      payment: usdt(10n ** 12n, 'bz:ABCD2345', sender),
    });
  });

  it('sets a trusted notification with no order’s comment aside as unknown_comment, and one whose order has no USDT quote as not_quoted', () => {
    expect(match(notification(QUOTED, 'hello'), { order: null })).toEqual({
      kind: 'attention',
      reason: 'unknown_comment',
      orderId: null,
      payment: usdt(QUOTED, 'hello'),
    });
    expect(match(notification(QUOTED, null), { order: null })).toMatchObject({ kind: 'attention', reason: 'unknown_comment' });
    expect(match(notification(), { order: order({ quotedMicroUsdt: null }) })).toMatchObject({ kind: 'attention', reason: 'not_quoted', orderId: 'order-1' });
  });

  it('applies the same attention rules as TON: late, cancelled, already paid; and ignores its own recorded payment', () => {
    expect(match(notification(), { changes: { now: AT + 661 + 600 } })).toMatchObject({ kind: 'attention', reason: 'late' });
    expect(match(notification(), { order: order({ status: 'cancelled' }) })).toMatchObject({ kind: 'attention', reason: 'order_cancelled' });
    expect(match(notification(), { order: order({ status: 'paid', paidByTxHash: 'ee'.repeat(32) }) })).toMatchObject({
      kind: 'attention',
      reason: 'already_paid',
    });
    expect(match(notification(), { order: order({ status: 'paid', paidByTxHash: TX_HASH }) })).toEqual({ kind: 'ignore', reason: 'already_recorded' });
  });

  it('keeps a trusted notification whose fixed fields do not parse as jetton_malformed', () => {
    const truncated = beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).storeUint(1, 16).endCell();
    expect(match(truncated)).toMatchObject({
      kind: 'attention',
      reason: 'jetton_malformed',
      orderId: null,
      payment: { amountNano: 0n, payer: MERCHANT_JETTON_WALLET },
    });
  });

  it('ignores a notification not yet final, bounced, or not addressed to the merchant', () => {
    expect(match(notification(), { changes: { finalized: false } })).toEqual({ kind: 'ignore', reason: 'not_finalized' });
    expect(match(notification(), { changes: { account: CUSTOMER } })).toEqual({ kind: 'ignore', reason: 'not_to_merchant' });
  });
});

describe('notificationBodyOf and readClaimedNotification', () => {
  it('picks out a transfer_notification body by its op and nothing else', () => {
    expect(notificationBodyOf(tx(notification()))?.hash()).toEqual(notification().hash());
    expect(notificationBodyOf(tx(beginCell().storeUint(0, 32).storeStringTail('bz:ABCD2345').endCell()))).toBeNull();
    expect(notificationBodyOf({ ...tx(notification()), inMessage: { ...tx(notification()).inMessage!, bodyBoc: 'not a boc' } })).toBeNull();
    expect(notificationBodyOf({ ...tx(notification()), inMessage: null })).toBeNull();
  });

  it('reads what a notification claims without trusting it, and nulls for a body that does not parse', () => {
    expect(readClaimedNotification(notification(5n, 'bz:X'))).toEqual({ comment: 'bz:X', amount: 5n, sender: CUSTOMER });
    expect(readClaimedNotification(beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).endCell())).toEqual({ comment: null, amount: 0n, sender: null });
  });
});

import { Address, beginCell, type Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import type { ChainMessage, ChainTransaction, TransactionPhases } from '../../../functions/core/payments/chain-reader';
import { commentForwardPayload } from '../../../functions/core/payments/jetton-forward-payload';
import { JETTON_TRANSFER_NOTIFICATION_OP } from '../../../functions/core/payments/jetton-notification';
import { judgeJettonNotification, type JettonCandidateOrder, type JettonNotificationVerdict } from '../../../functions/core/payments/jetton-notification-trust';

const MERCHANT = '0:' + 'aa'.repeat(32);
const MERCHANT_JETTON_WALLET = '0:' + 'a1'.repeat(32);
const OTHER_JETTON_WALLET = '0:' + 'e1'.repeat(32);
const CUSTOMER = '0:' + 'bb'.repeat(32);
const TX_HASH = 'cc'.repeat(32);
const AT = 1_800_000_000;
const QUOTED = 19_990_000n; // 19.99 USDT

/** A notification body from the customer, the comment in a reference or inline. */
function notification(changes: { amount?: bigint; comment?: string | null; inline?: boolean } = {}): Cell {
  const head = beginCell()
    .storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32)
    .storeUint(1, 64)
    .storeCoins(changes.amount ?? QUOTED)
    .storeAddress(Address.parse(CUSTOMER));
  const comment = changes.comment === undefined ? 'bz:ABCD2345' : changes.comment;
  if (comment === null) return head.storeBit(0).endCell();
  if (changes.inline) return head.storeBit(0).storeUint(0, 32).storeStringTail(comment).endCell();
  return head.storeBit(1).storeRef(commentForwardPayload(comment)).endCell();
}

// What the merchant's wallet V5R1 does with a 1-nanoton notification: no gas to run, transaction aborted.
const NO_GAS: TransactionPhases = { aborted: true, compute: { kind: 'skipped', reason: 'no_gas' }, bounce: null };

function tx(message: Partial<ChainMessage> | null = {}, changes: Partial<ChainTransaction> = {}): ChainTransaction {
  return {
    hash: TX_HASH,
    lt: 48_000_000_000_001n,
    prevLt: 47_000_000_000_001n,
    prevHash: 'ff'.repeat(32),
    account: MERCHANT,
    now: AT,
    inMessage:
      message === null
        ? null
        : { hash: 'dd'.repeat(32), source: MERCHANT_JETTON_WALLET, destination: MERCHANT, valueNano: 1n, bounced: false, comment: null, ...message },
    outMessages: [],
    phases: NO_GAS,
    finalized: true,
    ...changes,
  };
}

const ORDER: JettonCandidateOrder = { id: 'order-1', comment: 'bz:ABCD2345', quotedMicroUsdt: QUOTED };
const payment = (amountMicroUsdt: bigint, comment: string | null = 'bz:ABCD2345') => ({
  txHash: TX_HASH,
  lt: 48_000_000_000_001n,
  payer: CUSTOMER,
  amountMicroUsdt,
  comment,
  at: new Date(AT * 1000),
});

const cases: Array<[string, ChainTransaction, Cell, JettonCandidateOrder | null, JettonNotificationVerdict]> = [
  [
    "pays an order with exactly its quote, from the merchant's own jetton wallet",
    tx(),
    notification(),
    ORDER,
    { kind: 'pays', orderId: 'order-1', fit: 'exact', overpaymentMicroUsdt: 0n, payment: payment(QUOTED) },
  ],
  [
    'pays an order with more than its quote and records the overpayment',
    tx(),
    notification({ amount: QUOTED + 10_000n }),
    ORDER,
    { kind: 'pays', orderId: 'order-1', fit: 'over', overpaymentMicroUsdt: 10_000n, payment: payment(QUOTED + 10_000n) },
  ],
  [
    'sets aside one micro-USDT less than the quote as underpaid, with the shortfall',
    tx(),
    notification({ amount: QUOTED - 1n }),
    ORDER,
    { kind: 'attention', reason: 'underpaid', orderId: 'order-1', shortfallMicroUsdt: 1n, payment: payment(QUOTED - 1n) },
  ],
  [
    'pays from a notification whose comment is inline (another wallet app)',
    tx(),
    notification({ inline: true }),
    ORDER,
    { kind: 'pays', orderId: 'order-1', fit: 'exact', overpaymentMicroUsdt: 0n, payment: payment(QUOTED) },
  ],
  [
    'pays from an aborted transaction whose compute phase was skipped for lack of gas (the TON rule does not apply)',
    tx({}, { phases: NO_GAS }),
    notification(),
    ORDER,
    { kind: 'pays', orderId: 'order-1', fit: 'exact', overpaymentMicroUsdt: 0n, payment: payment(QUOTED) },
  ],
  [
    'pays from a transaction whose compute phase ran and failed',
    tx({}, { phases: { aborted: true, compute: { kind: 'vm', success: false }, bounce: null } }),
    notification(),
    ORDER,
    { kind: 'pays', orderId: 'order-1', fit: 'exact', overpaymentMicroUsdt: 0n, payment: payment(QUOTED) },
  ],
  [
    'calls a notification from another jetton wallet forged, whatever its comment and amount',
    tx({ source: OTHER_JETTON_WALLET }),
    notification({ amount: QUOTED * 100n }),
    ORDER,
    { kind: 'attention', reason: 'forged', orderId: null, source: OTHER_JETTON_WALLET, txHash: TX_HASH },
  ],
  [
    "calls a notification-shaped body sent by the customer's own wallet forged",
    tx({ source: CUSTOMER, valueNano: 50_000_000n }, { phases: { aborted: false, compute: { kind: 'vm', success: true }, bounce: null } }),
    notification(),
    ORDER,
    { kind: 'attention', reason: 'forged', orderId: null, source: CUSTOMER, txHash: TX_HASH },
  ],
  [
    'calls a forged notification forged even when its fixed fields do not parse',
    tx({ source: OTHER_JETTON_WALLET }),
    beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).endCell(),
    ORDER,
    { kind: 'attention', reason: 'forged', orderId: null, source: OTHER_JETTON_WALLET, txHash: TX_HASH },
  ],
  [
    "sets aside a notification from the merchant's jetton wallet whose fixed fields do not parse as malformed",
    tx(),
    beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).storeUint(1, 64).endCell(),
    ORDER,
    { kind: 'attention', reason: 'malformed', orderId: null, problem: 'truncated', txHash: TX_HASH },
  ],
  [
    "sets aside USDT with another order's comment",
    tx(),
    notification({ comment: 'bz:WXYZ6789' }),
    ORDER,
    { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: payment(QUOTED, 'bz:WXYZ6789') },
  ],
  [
    'sets aside USDT with no comment',
    tx(),
    notification({ comment: null }),
    ORDER,
    { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: payment(QUOTED, null) },
  ],
  [
    'sets aside USDT whose comment names no order of this shop',
    tx(),
    notification(),
    null,
    { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: payment(QUOTED) },
  ],
  [
    'forgives the case of the comment, as for TON',
    tx(),
    notification({ comment: ' BZ:abcd2345 ' }),
    ORDER,
    { kind: 'pays', orderId: 'order-1', fit: 'exact', overpaymentMicroUsdt: 0n, payment: payment(QUOTED, ' BZ:abcd2345 ') },
  ],
  ['ignores a transaction in a block not final yet', tx({}, { finalized: false }), notification(), ORDER, { kind: 'ignore', reason: 'not_finalized' }],
  ['ignores a transaction with no incoming message', tx(null), notification(), ORDER, { kind: 'ignore', reason: 'not_incoming' }],
  ['ignores an external message', tx({ source: null }), notification(), ORDER, { kind: 'ignore', reason: 'not_incoming' }],
  ['ignores a transaction on another account', tx({}, { account: CUSTOMER }), notification(), ORDER, { kind: 'ignore', reason: 'not_to_merchant' }],
  ['ignores a message to another account', tx({ destination: CUSTOMER }), notification(), ORDER, { kind: 'ignore', reason: 'not_to_merchant' }],
  ['ignores a bounced message', tx({ bounced: true }), notification(), ORDER, { kind: 'ignore', reason: 'bounced' }],
  [
    'leaves a plain TON transfer with the comment to the TON rule',
    tx({ source: CUSTOMER, valueNano: 2_000_000_000n, comment: 'bz:ABCD2345' }),
    beginCell().storeUint(0, 32).storeStringTail('bz:ABCD2345').endCell(),
    ORDER,
    { kind: 'ignore', reason: 'not_notification' },
  ],
  [
    "ignores the excesses the merchant's jetton wallet returns",
    tx(),
    beginCell().storeUint(0xd53276db, 32).storeUint(1, 64).endCell(),
    ORDER,
    { kind: 'ignore', reason: 'not_notification' },
  ],
  ['ignores an empty body', tx(), beginCell().endCell(), ORDER, { kind: 'ignore', reason: 'not_notification' }],
];

describe('judgeJettonNotification', () => {
  it.each(cases)('%s', (_name, transaction, body, order, expected) => {
    expect(judgeJettonNotification({ tx: transaction, body, merchantAddress: MERCHANT, merchantJettonWallet: MERCHANT_JETTON_WALLET, order })).toEqual(
      expected,
    );
  });

  it('takes the merchant and its jetton wallet in user-friendly form', () => {
    const friendly = (raw: string) => Address.parse(raw).toString({ bounceable: true, testOnly: true });
    const verdict = judgeJettonNotification({
      tx: tx(),
      body: notification(),
      merchantAddress: friendly(MERCHANT),
      merchantJettonWallet: friendly(MERCHANT_JETTON_WALLET),
      order: ORDER,
    });
    expect(verdict.kind).toBe('pays');
  });

  it('never pays from any wallet but the merchant’s jetton wallet, over many sources', () => {
    for (let byte = 0; byte < 256; byte++) {
      const source = '0:' + byte.toString(16).padStart(2, '0').repeat(32);
      if (source === MERCHANT_JETTON_WALLET) continue;
      const verdict = judgeJettonNotification({
        tx: tx({ source }),
        body: notification(),
        merchantAddress: MERCHANT,
        merchantJettonWallet: MERCHANT_JETTON_WALLET,
        order: ORDER,
      });
      expect(verdict).toMatchObject({ kind: 'attention', reason: 'forged' });
    }
  });
});

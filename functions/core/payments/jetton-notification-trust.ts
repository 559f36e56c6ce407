import type { Cell } from '@ton/core';
import { toRawAddress } from './chain-address';
import type { ChainTransaction } from './chain-reader';
import { JettonBodyError, type JettonBodyProblem } from './jetton-body-error';
import { JETTON_TRANSFER_NOTIFICATION_OP, parseJettonNotification } from './jetton-notification';
import { peekOp } from './jetton-slice-reads';
import { parseOrderComment } from './order-comment';

/** The order a USDT notification's comment points at, as the trust rule needs it. */
export interface JettonCandidateOrder {
  id: string;
  /** The comment the order asked for (`bz:<CODE>`). */
  comment: string;
  /** The amount quoted and locked for the order, micro-USDT. */
  quotedMicroUsdt: bigint;
}

/** A USDT payment as it will be recorded: from the notification, not from the TON value it carried. */
export interface JettonPayment {
  txHash: string;
  lt: bigint;
  /** Raw `0:<hex>` of the previous owner (the payer's main wallet: where a refund goes), null for addr_none. */
  payer: string | null;
  amountMicroUsdt: bigint;
  comment: string | null;
  at: Date;
}

export type JettonIgnoreReason =
  | 'not_finalized'
  /** No incoming internal message. */
  | 'not_incoming'
  | 'not_to_merchant'
  | 'bounced'
  /** Not a transfer_notification (a plain TON transfer, an `excesses`…): other rules read it. */
  | 'not_notification';

export type JettonAttentionReason =
  /** Shaped like a notification but not sent by the merchant's own USDT jetton wallet: no USDT arrived. */
  | 'forged'
  /** From the merchant's jetton wallet, but its fixed fields do not parse. */
  | 'malformed'
  /** USDT arrived, with a comment naming no order given (or none at all). */
  | 'unknown_comment'
  /** USDT arrived for the order, less than quoted. */
  | 'underpaid';

export type JettonNotificationVerdict =
  | { kind: 'pays'; orderId: string; fit: 'exact' | 'over'; overpaymentMicroUsdt: bigint; payment: JettonPayment }
  | { kind: 'attention'; reason: 'underpaid'; orderId: string; shortfallMicroUsdt: bigint; payment: JettonPayment }
  | { kind: 'attention'; reason: 'unknown_comment'; orderId: null; payment: JettonPayment }
  | { kind: 'attention'; reason: 'forged'; orderId: null; source: string; txHash: string }
  | { kind: 'attention'; reason: 'malformed'; orderId: null; problem: JettonBodyProblem; txHash: string }
  | { kind: 'ignore'; reason: JettonIgnoreReason };

/**
 * What one transaction on the merchant's main wallet means for USDT: whether its incoming message is a
 * `transfer_notification` that pays `order`. A notification is trusted only when its source is
 * `merchantJettonWallet`, the merchant's own USDT jetton wallet (from `get_wallet_address` on the
 * configured master, derived by the caller): anyone can send a body of that shape, and any jetton master
 * makes wallets that send real ones; only that wallet's notification means USDT is held for the merchant.
 *
 * The transaction's phases are deliberately not read. The notification is sent after the jettons are on
 * the merchant's jetton wallet, so it is the proof of payment whatever the merchant's wallet did with it:
 * with the 1-nanoton forward Bazaar asks for, it lands in an aborted transaction whose compute phase was
 * skipped for lack of gas. The TON rule (credited-value.ts) is about TON value and does not apply.
 *
 * Addresses may be in any form. Amounts compare as bigint micro-USDT; over and exact pay, under does not.
 */
export function judgeJettonNotification(input: {
  tx: ChainTransaction;
  /** The incoming message's body (ChainMessage keeps only a text comment). */
  body: Cell;
  merchantAddress: string;
  merchantJettonWallet: string;
  order: JettonCandidateOrder | null;
}): JettonNotificationVerdict {
  const { tx, body, order } = input;
  const merchant = toRawAddress(input.merchantAddress);
  const msg = tx.inMessage;
  if (!tx.finalized) return ignore('not_finalized');
  if (!msg || msg.source === null) return ignore('not_incoming');
  if (tx.account.toLowerCase() !== merchant || msg.destination?.toLowerCase() !== merchant) return ignore('not_to_merchant');
  if (msg.bounced) return ignore('bounced');
  if (peekOp(body.beginParse()) !== JETTON_TRANSFER_NOTIFICATION_OP) return ignore('not_notification');

  const source = toRawAddress(msg.source);
  if (source !== toRawAddress(input.merchantJettonWallet)) return { kind: 'attention', reason: 'forged', orderId: null, source, txHash: tx.hash };

  let notification;
  try {
    notification = parseJettonNotification(body);
  } catch (error) {
    if (!(error instanceof JettonBodyError)) throw error;
    return { kind: 'attention', reason: 'malformed', orderId: null, problem: error.problem, txHash: tx.hash };
  }
  const payment: JettonPayment = {
    txHash: tx.hash,
    lt: tx.lt,
    payer: notification.sender?.toRawString() ?? null,
    amountMicroUsdt: notification.amount,
    comment: notification.comment,
    at: new Date(tx.now * 1000),
  };
  const code = parseOrderComment(notification.comment);
  if (!order || code === null || code !== parseOrderComment(order.comment)) return { kind: 'attention', reason: 'unknown_comment', orderId: null, payment };
  if (payment.amountMicroUsdt < order.quotedMicroUsdt) {
    return { kind: 'attention', reason: 'underpaid', orderId: order.id, shortfallMicroUsdt: order.quotedMicroUsdt - payment.amountMicroUsdt, payment };
  }
  const overpaymentMicroUsdt = payment.amountMicroUsdt - order.quotedMicroUsdt;
  return { kind: 'pays', orderId: order.id, fit: overpaymentMicroUsdt === 0n ? 'exact' : 'over', overpaymentMicroUsdt, payment };
}

function ignore(reason: JettonIgnoreReason): { kind: 'ignore'; reason: JettonIgnoreReason } {
  return { kind: 'ignore', reason };
}

import { Cell } from '@ton/core';
import { toRawAddress } from './chain-address';
import type { ChainTransaction } from './chain-reader';
import { decideQuotedPayment } from './decide-quoted-payment';
import { JettonBodyError } from './jetton-body-error';
import { JETTON_TRANSFER_NOTIFICATION_OP, parseJettonNotification } from './jetton-notification';
import { judgeJettonNotification } from './jetton-notification-trust';
import { peekOp } from './jetton-slice-reads';
import { verdictOf, type IncomingPayment, type PaymentCandidateOrder, type PaymentVerdict } from './match-payment';

/** The order a USDT notification names, with its stored USDT quote (null: the order was given none). */
export interface JettonCandidateOrderWithQuote extends PaymentCandidateOrder {
  quotedMicroUsdt: bigint | null;
}

/**
 * The in-message body of `tx` when it is shaped like a jetton `transfer_notification` (op 0x7362d09c),
 * else null: such a transaction is read by the jetton rule, every other one by the TON rule. Only the op is
 * looked at here; who sent it is judged by matchJettonPayment.
 */
export function notificationBodyOf(tx: ChainTransaction): Cell | null {
  const boc = tx.inMessage?.bodyBoc;
  if (!boc) return null;
  let body: Cell;
  try {
    body = Cell.fromBase64(boc);
  } catch {
    return null;
  }
  return peekOp(body.beginParse()) === JETTON_TRANSFER_NOTIFICATION_OP ? body : null;
}

/**
 * What the notification claims, read without trusting it: the comment to look the order up by, and the
 * amount and sender a forged one is recorded with. Nulls for what does not parse.
 */
export function readClaimedNotification(body: Cell): { comment: string | null; amount: bigint; sender: string | null } {
  try {
    const notification = parseJettonNotification(body);
    return { comment: notification.comment, amount: notification.amount, sender: notification.sender?.toRawString() ?? null };
  } catch (error) {
    if (!(error instanceof JettonBodyError)) throw error;
    return { comment: null, amount: 0n, sender: null };
  }
}

// Stands in for "no trusted wallet" when the configured master gave none (no code on this network): the
// all-zero account hash, which no one can send from (its key would be a hash preimage), so every
// notification is then forged, which is the truth of it.
const NO_TRUSTED_WALLET = `0:${'0'.repeat(64)}`;

/**
 * What one USDT `transfer_notification` on the merchant's main wallet means, as a payment verdict like a TON
 * transfer's. Trust first (jetton-notification-trust.ts, docs/decisions/0016): only a notification from
 * `merchantJettonWallet` is USDT, anything else is `forged` attention and pays nothing. A trusted one with the
 * order's comment is then decided by the order's life like any payment (late, cancelled, already paid,
 * stock), its micro-USDT compared with the order's stored USDT quote less the shop's tolerance. The
 * transaction's phases are not read: with a 1-nanoton forward the merchant's wallet cannot run it, and the
 * USDT is on the jetton wallet all the same.
 */
export function matchJettonPayment(input: {
  tx: ChainTransaction;
  body: Cell;
  merchantAddress: string;
  /** The merchant's own USDT jetton wallet (get_wallet_address on the master), null when the master gave none. */
  merchantJettonWallet: string | null;
  order: JettonCandidateOrderWithQuote | null;
  toleranceBasisPoints: number;
}): PaymentVerdict {
  const { tx, body, order } = input;
  const judged = judgeJettonNotification({
    tx,
    body,
    merchantAddress: input.merchantAddress,
    merchantJettonWallet: input.merchantJettonWallet ?? NO_TRUSTED_WALLET,
    // The comparison with the quote is the lifecycle's below, with the tolerance: the judge decides trust and order.
    order: order ? { id: order.id, comment: order.comment, quotedMicroUsdt: 0n } : null,
  });
  const at = new Date(tx.now * 1000);
  if (judged.kind === 'ignore') return judged;
  if (judged.kind === 'attention' && judged.reason === 'forged') {
    const claimed = readClaimedNotification(body);
    return {
      kind: 'attention',
      reason: 'forged',
      orderId: null,
      payment: usdtPayment(tx, { payer: judged.source, amount: claimed.amount, comment: claimed.comment, at }),
    };
  }
  if (judged.kind === 'attention' && judged.reason === 'malformed') {
    const payment = usdtPayment(tx, { payer: toRawAddress(tx.inMessage!.source!), amount: 0n, comment: null, at });
    return { kind: 'attention', reason: 'jetton_malformed', orderId: null, payment };
  }
  if (judged.kind === 'attention' && judged.reason === 'unknown_comment') {
    return { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: toIncoming(judged.payment) };
  }
  // Trusted, and its comment names `order`: the judge says it pays (against the quote of 0 it was given).
  if (!order) return { kind: 'attention', reason: 'unknown_comment', orderId: null, payment: toIncoming(judged.payment) };
  const payment = toIncoming(judged.payment);
  if (order.paidByTxHash && order.paidByTxHash.toLowerCase() === tx.hash.toLowerCase()) return { kind: 'ignore', reason: 'already_recorded' };
  if (order.quotedMicroUsdt === null) return { kind: 'attention', reason: 'not_quoted', orderId: order.id, payment };
  return verdictOf(
    order,
    payment,
    decideQuotedPayment({
      order,
      quoted: order.quotedMicroUsdt,
      paid: payment.amountNano,
      at: payment.at,
      toleranceBasisPoints: input.toleranceBasisPoints,
      stockAvailable: order.stockAvailable ?? false,
    }),
  );
}

function toIncoming(payment: { txHash: string; lt: bigint; payer: string | null; amountMicroUsdt: bigint; comment: string | null; at: Date }): IncomingPayment {
  return {
    txHash: payment.txHash,
    lt: payment.lt,
    payer: payment.payer,
    asset: 'USDT',
    amountNano: payment.amountMicroUsdt,
    comment: payment.comment,
    at: payment.at,
  };
}

function usdtPayment(tx: ChainTransaction, fields: { payer: string | null; amount: bigint; comment: string | null; at: Date }): IncomingPayment {
  return { txHash: tx.hash, lt: tx.lt, payer: fields.payer, asset: 'USDT', amountNano: fields.amount, comment: fields.comment, at: fields.at };
}

import type { AttentionReason, OrderTransition, PaymentDecision } from '../orders/order-lifecycle';
import type { PaymentAsset } from '../pricing/currencies';
import type { OrderStatus } from '../orders/order-status';
import { toRawAddress } from './chain-address';
import type { ChainTransaction } from './chain-reader';
import { creditedValue } from './credited-value';
import { decideQuotedPayment } from './decide-quoted-payment';
import { parseOrderComment } from './order-comment';

/** The order a payment's comment points at, as the matcher needs it. */
export interface PaymentCandidateOrder {
  id: string;
  status: OrderStatus;
  /** The order's TON quote in nanotons (core/pricing/amount-due.ts); null: not payable in TON. */
  quotedNano: bigint | null;
  expiresAt: Date;
  /** The comment the order asked for (`bz:<CODE>`). */
  comment: string;
  /** The transaction already recorded as this order's payment, when there is one. */
  paidByTxHash?: string | null;
  /**
   * Whether the order's units are on the shelf now; the caller reads it (with the rows locked) only when
   * paying the order would take them again (order-lifecycle.ts, paymentNeedsStock).
   */
  stockAvailable?: boolean;
}

/** An incoming transfer to the merchant, as it will be recorded. */
export interface IncomingPayment {
  txHash: string;
  lt: bigint;
  /**
   * Raw `0:<hex>` of who paid: a TON transfer's sender; a USDT notification's previous owner (null for
   * addr_none), or for a forged one the address that sent it.
   */
  payer: string | null;
  asset: PaymentAsset;
  /** In the asset's smallest unit: nanotons for TON, micro-USDT for USDT (the name predates USDT). */
  amountNano: bigint;
  comment: string | null;
  /** Chain time of the transaction. */
  at: Date;
}

export type IgnoreReason =
  /** Seen in a block that is not final yet: look again later, do not move a cursor past it. */
  | 'not_finalized'
  /** No incoming internal message: the merchant's own outgoing transfer, or a tick-tock. */
  | 'not_incoming'
  | 'not_to_merchant'
  /** A bounce of the merchant's own outgoing message coming back. */
  | 'bounced'
  /** The value went back to the sender (a bounceable transfer the account could not take). */
  | 'returned'
  | 'zero_value'
  /** This very transaction is already the order's recorded payment. */
  | 'already_recorded'
  /** Read as a jetton notification, and not one after all (match-jetton-payment.ts dispatches by op). */
  | 'not_notification';

export type PaymentVerdict =
  | { kind: 'paid'; orderId: string; payment: IncomingPayment; overpaymentNano: bigint; transition: OrderTransition }
  | { kind: 'attention'; reason: AttentionReason; orderId: string | null; payment: IncomingPayment; shortfallNano?: bigint }
  | { kind: 'ignore'; reason: IgnoreReason };

/** A transaction that brought money to the merchant account, before any order is looked at. */
export type IncomingTransfer = { kind: 'incoming'; payment: IncomingPayment; orderCode: string | null } | { kind: 'ignore'; reason: IgnoreReason };

/**
 * Whether one transaction on the merchant account brought money that stayed there, and which order code
 * its comment names. `merchantAddress` may be in any form. Only finalized transactions count.
 */
export function classifyIncoming(tx: ChainTransaction, merchantAddress: string): IncomingTransfer {
  // Any address form is accepted for the merchant (MERCHANT_ADDRESS is user-friendly); the chain's are raw.
  const merchant = toRawAddress(merchantAddress);
  const msg = tx.inMessage;
  if (!tx.finalized) return ignore('not_finalized');
  if (!msg || msg.source === null) return ignore('not_incoming');
  if (tx.account.toLowerCase() !== merchant || msg.destination?.toLowerCase() !== merchant) return ignore('not_to_merchant');
  if (msg.bounced) return ignore('bounced');
  if (msg.valueNano <= 0n) return ignore('zero_value');
  const amountNano = creditedValue(tx);
  if (amountNano === 0n) return ignore('returned');
  return {
    kind: 'incoming',
    payment: { txHash: tx.hash, lt: tx.lt, payer: msg.source, asset: 'TON', amountNano, comment: msg.comment, at: new Date(tx.now * 1000) },
    orderCode: parseOrderComment(msg.comment),
  };
}

/**
 * What one transaction on the merchant account means for the order its comment names (`order`, looked
 * up by the caller from the comment, or null). The only way an order is paid: money credited to the
 * merchant (classifyIncoming) with the order's comment, decided by the order's life
 * (order-lifecycle.ts, decidePayment). Money that arrives otherwise is never dropped: it is an
 * `attention` verdict for the merchant.
 */
export function matchPayment(input: {
  tx: ChainTransaction;
  merchantAddress: string;
  order: PaymentCandidateOrder | null;
  /** How far under the total still pays (core/pricing/payment-tolerance.ts); 0 unless the shop set one. */
  toleranceBasisPoints?: number;
}): PaymentVerdict {
  const { tx, order } = input;
  const incoming = classifyIncoming(tx, input.merchantAddress);
  if (incoming.kind === 'ignore') return incoming;
  const { payment, orderCode } = incoming;
  if (!order || orderCode === null || orderCode !== parseOrderComment(order.comment)) {
    return { kind: 'attention', reason: 'unknown_comment', orderId: null, payment };
  }
  if (order.paidByTxHash && order.paidByTxHash.toLowerCase() === tx.hash.toLowerCase()) return ignore('already_recorded');
  // A fiat order quoted only in USDT: its number in TON means nothing, so a TON transfer never pays it.
  if (order.quotedNano === null) return { kind: 'attention', reason: 'not_quoted', orderId: order.id, payment };

  return verdictOf(
    order,
    payment,
    decideQuotedPayment({
      order,
      quoted: order.quotedNano,
      paid: payment.amountNano,
      at: payment.at,
      toleranceBasisPoints: input.toleranceBasisPoints ?? 0,
      stockAvailable: order.stockAvailable ?? false,
    }),
  );
}

/** The verdict a lifecycle decision makes of a payment matched to its order. */
export function verdictOf(order: { id: string }, payment: IncomingPayment, decision: PaymentDecision): PaymentVerdict {
  if (decision.kind === 'pay') {
    return { kind: 'paid', orderId: order.id, payment, overpaymentNano: decision.overpaymentNano, transition: decision.transition };
  }
  return {
    kind: 'attention',
    reason: decision.reason,
    orderId: order.id,
    payment,
    ...(decision.shortfallNano !== undefined && { shortfallNano: decision.shortfallNano }),
  };
}

function ignore(reason: IgnoreReason): { kind: 'ignore'; reason: IgnoreReason } {
  return { kind: 'ignore', reason };
}

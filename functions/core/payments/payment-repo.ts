import type { Order } from '../orders/order';
import type { PaymentAsset } from '../pricing/currencies';
import type { ChainTransaction } from './chain-reader';
import type { AttentionReason } from '../orders/order-lifecycle';
import type { PaymentVerdict } from './match-payment';
import type { ParsedTransferBoc } from './parse-transfer-boc';

/** A recorded incoming payment, applied to an order or set aside for the merchant. */
export interface PaymentRecord {
  id: string;
  txHash: string;
  txLt: bigint;
  orderId: string | null;
  orderCode: string | null;
  payerAddress: string | null;
  asset: PaymentAsset;
  /** In the asset's smallest unit: nanotons for TON, micro-USDT for USDT. */
  amountNano: bigint;
  overpaymentNano: bigint;
  /** For display: control characters removed. */
  comment: string | null;
  /** The comment's bytes as the chain carried them, hex. */
  commentRawHex: string | null;
  status: 'applied' | 'attention' | 'resolved';
  reason: AttentionReason | null;
  chainTime: Date;
  recordedAt: Date;
}

export type SubmissionOutcome =
  /** The order moved to `confirming` (or already was, for this very message). */
  | { kind: 'accepted'; order: Order }
  /** The order is no longer awaiting payment (paid, expired, cancelled…): nothing was written. */
  | { kind: 'not_payable'; order: Order }
  /** The same signed message was already submitted for another order. */
  | { kind: 'submitted_elsewhere' };

/** The payments port. Implemented in adapters/db/payment-repo.ts. */
export interface PaymentRepo {
  /** Records a customer's signed message for their order and moves the order to `confirming`. */
  recordSubmission(input: { order: Order; parsed: ParsedTransferBoc; now: Date }): Promise<SubmissionOutcome>;
  /**
   * Decides what one merchant-account transaction means (functions/core/payments/match-payment.ts) with
   * the order it names locked, and writes the outcome: an applied payment and a paid order, or a payment
   * needing attention. Idempotent by transaction hash: the same transaction recorded twice, or by two
   * callers at once, counts once. A transaction whose content the database refuses is recorded as
   * `unrecordable` attention (hash, lt, amount), so that nothing can stop the scan; only an outage throws.
   */
  recordIncomingTransaction(input: { tx: ChainTransaction; merchantAddress: string; now: Date }): Promise<PaymentVerdict>;
  /**
   * When the shop's first order was created, or null while it has none. A transaction older than that
   * cannot pay for anything here: it is the wallet's earlier life (funding, other business).
   */
  firstOrderCreatedAt(): Promise<Date | null>;
  /** The reconciler's position in the merchant account's history. */
  readCursor(account: string): Promise<{ lt: bigint; hash: string } | null>;
  /** Moves the cursor forward (never back, whatever order overlapping runs finish in). */
  advanceCursor(account: string, lt: bigint, hash: string, now: Date): Promise<void>;
  /** Records that a scan which started at `startedAt` read the account to its head (never moves back). */
  markHeadRead(account: string, startedAt: Date): Promise<void>;
  /** When the latest scan that read the account to its head started, or null before the first one. */
  paymentsReadThrough(account: string): Promise<Date | null>;
  /**
   * Orders still `confirming` whose every submitted message is past its validity by `graceSeconds` go back
   * to `pending` (and then expire as usual): those messages can no longer land on the chain. A message's
   * validity counts as at most `maxValiditySeconds` after it was submitted, whatever it claims.
   */
  releaseStaleSubmissions(now: Date, options: { graceSeconds: number; maxValiditySeconds: number }): Promise<string[]>;
  listPayments(filter: { status?: PaymentRecord['status']; orderId?: string; limit: number }): Promise<PaymentRecord[]>;
}

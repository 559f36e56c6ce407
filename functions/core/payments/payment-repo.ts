import type { Order } from '../orders/order';
import type { ChainTransaction } from './chain-reader';
import type { AttentionReason, PaymentVerdict } from './match-payment';
import type { ParsedTransferBoc } from './parse-transfer-boc';

/** A recorded incoming payment, applied to an order or set aside for the merchant. */
export interface PaymentRecord {
  id: string;
  txHash: string;
  txLt: bigint;
  orderId: string | null;
  orderCode: string | null;
  payerAddress: string | null;
  amountNano: bigint;
  overpaymentNano: bigint;
  comment: string | null;
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
  recordSubmission(input: {
    order: Order;
    parsed: ParsedTransferBoc;
    now: Date;
  }): Promise<SubmissionOutcome>;
  /**
   * Decides what one merchant-account transaction means (functions/core/payments/match-payment.ts) with
   * the order it names locked, and writes the outcome: an applied payment and a paid order, or a payment
   * needing attention. Idempotent by transaction hash: the same transaction recorded twice, or by two
   * callers at once, counts once.
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
  /**
   * Orders still `confirming` whose every submitted message is past its validity by `graceSeconds` go back
   * to `pending` (and then expire as usual): those messages can no longer land on the chain.
   */
  releaseStaleSubmissions(now: Date, graceSeconds: number): Promise<string[]>;
  listPayments(filter: { status?: PaymentRecord['status']; orderId?: string; limit: number }): Promise<PaymentRecord[]>;
}

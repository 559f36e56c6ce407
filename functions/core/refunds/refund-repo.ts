import type { RefundConfirmation, OpenRefund } from './refund-confirmation';

/** An open refund as the confirmation job reads it: what matching needs, plus where to look from. */
export type OpenRefundToCheck = OpenRefund & {
  validUntil: number;
  /** The merchant account's cursor when the refund was requested: its transaction is later than this. */
  scanFromLt: bigint;
  /**
   * The hash of the signed BOC's root as sent (from the stored BOC): what the wallet's transaction records
   * as its in-message hash, for an indexer that does not look up normalized hashes. Null before it is sent.
   */
  messageHashRaw: string | null;
};

/** Where refunds are kept (adapters/db/refund-repo.ts); the parts the confirmation job needs. */
export interface RefundConfirmationRepo {
  /** Refunds `requested` or `sent`, oldest first. */
  listOpenRefunds(limit: number): Promise<OpenRefundToCheck[]>;
  /**
   * Marks the refund confirmed by the transaction and queues the customer's message (once per refund),
   * in one transaction. False when it was no longer open (another run confirmed it).
   */
  confirmRefund(confirmation: RefundConfirmation, now: Date): Promise<boolean>;
  /**
   * When the payment reconciler last read the merchant account to its head (the cursor's head-read mark):
   * every transaction the indexer had by then was listed. Null when it never did.
   */
  merchantReadThrough(): Promise<Date | null>;
  /** Marks a refund whose message can no longer land as lapsed (only from requested/sent). */
  lapseRefund(refundId: string, now: Date): Promise<boolean>;
}

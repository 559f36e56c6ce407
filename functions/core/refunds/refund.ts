import type { PaymentAsset } from '../pricing/currencies';

/**
 * Money sent back to a customer from the merchant's own wallet. The server never holds a key: it builds
 * the message, the merchant's wallet signs it (TON Connect), and the chain says whether it went.
 *
 *   requested ──(the signed BOC comes back)──▶ sent ──(the chain shows it)──▶ confirmed
 *        └──────────── valid_until passed, nothing on chain ─────────▶ lapsed
 *
 * A lapsed refund can never land any more (the wallet refuses a message past its valid_until), so its
 * amount is free to be refunded again; until then it counts as if it will land.
 */
export const REFUND_STATUSES = ['requested', 'sent', 'confirmed', 'lapsed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface Refund {
  id: string;
  orderId: string;
  asset: PaymentAsset;
  /** In the asset's smallest unit. */
  amount: bigint;
  /** Raw `0:<hex>`: the payer's main wallet (the TON payment's source; a USDT notification's sender). */
  recipient: string;
  status: RefundStatus;
  /** Unix seconds after which the merchant's wallet refuses the message it was asked to sign. */
  validUntil: number;
  /** TEP-467 normalized hash of the signed external message, once sent. */
  messageHash: string | null;
  /** The merchant-wallet transaction that carried it, once confirmed. */
  transactionHash: string | null;
  createdAt: Date;
}

/** What a paid order received, in the asset it was paid in: what a refund can give back. */
export interface RefundableFunds {
  asset: PaymentAsset;
  paid: bigint;
  /** Raw `0:<hex>` of who paid. */
  payer: string;
}

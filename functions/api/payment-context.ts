import type { ChainReader } from '../core/payments/chain-reader';
import type { PaymentRepo } from '../core/payments/payment-repo';
import type { TonNetwork } from '../core/payments/payment-intent';

/** Everything the payment routes need: where money goes, how to read the chain, where payments are kept. */
export interface PaymentContext {
  repo: PaymentRepo;
  chain: ChainReader;
  merchant: {
    /** `0:<hex>`: what the code compares. */
    raw: string;
    /** User-friendly form for wallets (non-bounceable, test-only off mainnet). */
    friendly: string;
  };
  network: TonNetwork;
  /**
   * How long the indexer may take to list a transaction after its block: the expiry sweep waits this long
   * past a head read before it trusts that an order's money is not there (0 on the in-process dev chain).
   */
  indexerLagSeconds: number;
  /** Builds the base64 comment payload for TON Connect. */
  commentPayload: (text: string) => string;
}

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
  /** Builds the base64 comment payload for TON Connect. */
  commentPayload: (text: string) => string;
}

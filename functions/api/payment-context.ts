import type { ChainReader } from '../core/payments/chain-reader';
import type { PaymentRepo } from '../core/payments/payment-repo';
import type { TonNetwork } from '../core/payments/payment-intent';
import type { UsdtWallets } from '../core/payments/usdt-wallets';
import type { PaymentAsset, PricingCurrency } from '../core/pricing/currencies';
import type { RateBook } from '../core/pricing/rate-book';

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
  /** What the shop takes (ACCEPTED_ASSETS): every new order is quoted in each. */
  accepted: readonly PaymentAsset[];
  /** What prices are in: TON until fiat pricing (issue 13's next slice). */
  pricingCurrency: PricingCurrency;
  /** The rates quotes are made with: fixed dev rates on the dev chain, else tonapi and CoinGecko. */
  rates: RateBook;
  /** How far under its quote a payment still pays, in basis points (PAYMENT_TOLERANCE_PERCENT × 100). */
  toleranceBasisPoints: number;
  /** The shop's USDT jetton wallets, when its master is known (USDT_MASTER, mainnet's, or the dev USDT). */
  usdt: UsdtWallets | null;
}

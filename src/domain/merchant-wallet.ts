// The merchant's own wallet, connected in the admin through TON Connect to sign a refund. Shared by the
// payment feature (which owns TON Connect) and the admin (which owns refunds); app/ wires one to the other,
// as for the wallet sign-in (wallet-proof.ts).
import type { TonNetwork } from './types';

/** TON Connect `sendTransaction`'s request as the shop builds it (POST /api/admin/orders/:id/refunds). */
export interface WalletTransaction {
  validUntil: number;
  /** "-239" mainnet, "-3" testnet. */
  network: string;
  /** The only wallet that may sign it, raw: a wallet app refuses the request from another account. */
  from: string;
  messages: { address: string; amount: string; payload: string }[];
}

export interface MerchantWalletPort {
  /** Connects a wallet (the wallets list opens unless one is connected) and resolves with its raw address. */
  connect(network: TonNetwork): Promise<string>;
  /** Lets the connected wallet go, to connect another. */
  disconnect(network: TonNetwork): Promise<void>;
  /** Asks the connected wallet to sign and send; resolves with the signed message's BOC (base64). */
  send(network: TonNetwork, transaction: WalletTransaction): Promise<string>;
}

/** The person closed the wallets list without choosing one: nothing to show. */
export class WalletConnectionCancelledError extends Error {
  constructor() {
    super('The wallet connection was cancelled.');
    this.name = 'WalletConnectionCancelledError';
  }
}

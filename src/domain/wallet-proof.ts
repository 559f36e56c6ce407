// What a TON wallet hands over when it proves who it is (TON Connect `ton_proof`), as the sign-in and
// account screens pass it to the shop. Shared by the payment feature (which owns TON Connect) and the
// auth feature (which owns sign-in); app/ wires one to the other.
import type { TonNetwork } from './types';

export interface WalletProof {
  /** The wallet's raw address (`account.address`). */
  address: string;
  /** `account.chain`: "-239" mainnet, "-3" testnet. */
  network: string;
  publicKey?: string;
  walletStateInit?: string;
  proof: {
    timestamp: number;
    domain: { lengthBytes: number; value: string };
    payload: string;
    signature: string;
  };
}

/** Connects a wallet with a ton_proof request for `payload` and resolves with its proof. */
export type RequestWalletProof = (payload: string, network: TonNetwork) => Promise<WalletProof>;

/** The person closed the wallets list without choosing a wallet: not an error to show. */
export class WalletProofCancelledError extends Error {
  constructor() {
    super('The wallet connection was cancelled.');
    this.name = 'WalletProofCancelledError';
  }
}

/** The wallet connected but did not sign the proof (it does not support ton_proof, or refused). */
export class WalletProofRefusedError extends Error {
  constructor(readonly walletMessage: string) {
    super(`The wallet did not sign in: ${walletMessage}`);
    this.name = 'WalletProofRefusedError';
  }
}

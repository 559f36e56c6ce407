import { DomainError } from '../domain-error';

/**
 * A message as the chain recorded it. Addresses are raw form `0:<64 lowercase hex>`; hashes are 64
 * lowercase hex characters; amounts are nanotons.
 */
export interface ChainMessage {
  /** Hash of the message cell exactly as stored in the transaction. */
  hash: string;
  /** TEP-467 normalized hash, for external-in messages when the indexer knows it. */
  hashNorm?: string;
  /** null for an external message (no sender). */
  source: string | null;
  /** null for an external-out message. */
  destination: string | null;
  valueNano: bigint;
  bounced: boolean;
  /** The text of a plain text comment (op 0), else null. */
  comment: string | null;
  /**
   * The body as a base64 BOC, when the indexer gives it: a jetton `transfer_notification` is read from it
   * (jetton-notification.ts), since the comment above is only a plain transfer's.
   */
  bodyBoc?: string;
}

/**
 * The phases of a transaction that decide whether an incoming message's value stayed on the account
 * (functions/core/payments/credited-value.ts). Names follow the TL-B (block.tlb: TrComputePhase, TrBouncePhase).
 */
export interface TransactionPhases {
  aborted: boolean;
  /** `skipped` with the reason (`no_state`, `bad_state`, `no_gas`, `suspended`), or the VM ran. */
  compute: { kind: 'skipped'; reason: string } | { kind: 'vm'; success: boolean } | null;
  /** The bounce phase, when there was one: `ok` sent the value back; `negfunds`/`nofunds` could not. */
  bounce: 'ok' | 'negfunds' | 'nofunds' | null;
}

/** An account's state as the chain has it: a wallet nobody has sent from yet is `uninit`. */
export type AccountStatus = 'active' | 'uninit' | 'frozen' | 'nonexist';

/** A transaction on one account, as an indexer reports it. */
export interface ChainTransaction {
  hash: string;
  lt: bigint;
  /** The account's previous transaction, as this one records it: how a reader knows nothing was skipped. */
  prevLt: bigint;
  prevHash: string;
  /** The account the transaction ran on. */
  account: string;
  /** Unix seconds. */
  now: number;
  inMessage: ChainMessage | null;
  outMessages: ChainMessage[];
  phases: TransactionPhases;
  /**
   * Whether the block holding it is final. Indexers that do not say are read as final once they
   * report the transaction (they index masterchain-committed blocks).
   */
  finalized: boolean;
}

/** Read access to the chain through an indexer: toncenter v3, tonapi v2, or the local dev chain. */
export interface ChainReader {
  /**
   * The transaction whose incoming message has this hash (raw or TEP-467 normalized), or null when
   * the indexer has not seen it (yet).
   */
  findTransactionByInMessageHash(hashHex: string): Promise<ChainTransaction | null>;
  /** The account's transactions with lt greater than `afterLt`, oldest first, at most `limit`. */
  listAccountTransactions(account: string, afterLt: bigint, limit: number): Promise<ChainTransaction[]>;
  /**
   * The Ed25519 public key (32 bytes) a wallet contract reports from its `get_public_key` get-method,
   * or null when the account has no code (not deployed) or the method fails. Optional: a reader whose
   * indexer cannot run get-methods leaves it out, and ton_proof then needs the wallet's StateInit.
   * @throws ChainUnavailableError
   */
  getWalletPublicKey?(address: string): Promise<Uint8Array | null>;
  /**
   * The jetton wallet of `owner` for the jetton `master`, raw form, from the master's `get_wallet_address`
   * (TEP-74): the only way to know a jetton wallet, since masters lay out their wallets' data differently.
   * Null when the master has no code or the method fails. Optional, like getWalletPublicKey.
   * @throws ChainUnavailableError
   */
  getJettonWalletAddress?(master: string, owner: string): Promise<string | null>;
  /** The account's current status. @throws ChainUnavailableError */
  getAccountStatus(address: string): Promise<AccountStatus>;
}

/** The indexer could not be reached or answered with an error, after retries. Never a payment verdict. */
export class ChainUnavailableError extends DomainError {
  constructor(detail: string) {
    super('unavailable', 'CHAIN_UNAVAILABLE', `The TON indexer is not answering (${detail}). Payments are checked again shortly.`);
  }
}

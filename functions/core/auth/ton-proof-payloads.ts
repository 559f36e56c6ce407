import type { CryptoPort } from '../crypto-port';
import { encodeHex } from '../init-data/encoding';

/** A payload the shop issued for ton_proof. */
export interface TonProofPayloadRecord {
  expiresAt: Date;
  usedAt: Date | null;
}

/** The ton_proof payloads port. Implemented in adapters/db/ton-proof-repo.ts. */
export interface TonProofPayloadRepo {
  /** Stores a new payload (and may forget long-expired ones). */
  issue(input: { payload: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  find(payload: string): Promise<TonProofPayloadRecord | null>;
  /**
   * Marks the payload used if it is unused and unexpired at `now`, atomically: of two proofs racing with
   * one payload, exactly one gets `true`.
   */
  consume(payload: string, now: Date): Promise<boolean>;
}

/** Default life of a payload: long enough to open a wallet app and approve, short enough to be useless later. */
export const TON_PROOF_PAYLOAD_TTL_SECONDS = 600;

/**
 * Issues a one-time ton_proof payload: 32 random bytes as 64 hex characters (wallets sign the text).
 * TON Connect asks apps to make it unpredictable, single use and short-lived.
 */
export async function issueTonProofPayload(input: {
  payloads: TonProofPayloadRepo;
  crypto: CryptoPort;
  now: Date;
  ttlSeconds?: number;
}): Promise<{ payload: string; expiresAt: Date }> {
  const payload = encodeHex(input.crypto.randomBytes(32));
  const expiresAt = new Date(input.now.getTime() + (input.ttlSeconds ?? TON_PROOF_PAYLOAD_TTL_SECONDS) * 1000);
  await input.payloads.issue({ payload, createdAt: input.now, expiresAt });
  return { payload, expiresAt };
}

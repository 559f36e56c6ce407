import type { SessionRepo } from '../core/auth/session';
import type { TonProofPayloadRepo } from '../core/auth/ton-proof-payloads';
import type { TonProofVerifier } from '../core/auth/verify-ton-proof';
import type { CryptoPort } from '../core/crypto-port';
import type { VerifiedLoginWidgetData } from '../core/init-data/login-widget';

export type LoginWidgetVerifier = (fields: Readonly<Record<string, string>>, nowSeconds: number) => Promise<VerifiedLoginWidgetData>;

/** What web sign-in needs, built in compose.ts. */
export interface WebAuthContext {
  sessions: SessionRepo;
  crypto: CryptoPort;
  sessionTtlSeconds: number;
  /**
   * The Telegram Login Widget, or null when the shop has no bot token of its own (third-party mode, where
   * only the bot id is known, or dev mode, whose token Telegram has never heard of).
   */
  loginWidget: { verify: LoginWidgetVerifier; botUsername: string | null } | null;
  /** TON Connect ton_proof: one-time payloads and the proof check. */
  tonProof: { payloads: TonProofPayloadRepo; verify: TonProofVerifier };
}

import type { CryptoPort } from '../crypto-port';
import { decodeBase64Url, encodeBase64Url, encodeHex } from '../init-data/encoding';
import { timingSafeEqualHex } from '../timing-safe-equal';
import { SessionExpiredError, SessionInvalidError, SessionRevokedError } from './session-errors';

/** How a web visitor proved who they are. */
export type SessionMethod = 'telegram' | 'ton';

/** A stored session: only the SHA-256 of its secret is kept, so a database leak signs nobody in. */
export interface SessionRecord {
  id: string;
  customerId: string;
  /** Hex SHA-256 of the secret half of the cookie. */
  tokenHash: string;
  method: SessionMethod;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The sessions port. Implemented in adapters/db/session-repo.ts. */
export interface SessionRepo {
  /** Stores a new session and returns its id. */
  create(input: { customerId: string; tokenHash: string; method: SessionMethod; createdAt: Date; expiresAt: Date }): Promise<string>;
  /** The session with this id (a UUID), or null. */
  find(id: string): Promise<SessionRecord | null>;
  /** Marks the session revoked (once; a second call changes nothing). */
  revoke(id: string, now: Date): Promise<void>;
}

/** A session just started: what goes into the cookie, and until when. */
export interface StartedSession {
  id: string;
  cookieValue: string;
  expiresAt: Date;
}

const SECRET_BYTES = 32;
// `<uuid>.<43 characters of base64url>`: anything else is not a cookie the shop issued.
const COOKIE_VALUE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Starts a session for `customerId`: a random 256-bit secret, of which only the SHA-256 is stored. The
 * cookie value is `<session id>.<secret, base64url>`; the id finds the row, the secret proves the cookie.
 */
export async function startSession(input: {
  sessions: SessionRepo;
  crypto: CryptoPort;
  customerId: string;
  method: SessionMethod;
  now: Date;
  ttlSeconds: number;
}): Promise<StartedSession> {
  const secret = encodeBase64Url(input.crypto.randomBytes(SECRET_BYTES));
  const tokenHash = encodeHex(await input.crypto.sha256(secret));
  const expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
  const id = await input.sessions.create({
    customerId: input.customerId,
    tokenHash,
    method: input.method,
    createdAt: input.now,
    expiresAt,
  });
  return { id, cookieValue: `${id}.${secret}`, expiresAt };
}

/**
 * The live session a cookie value stands for. The secret is compared with the stored hash in constant
 * time; the checks for revocation and expiry come after it, so they say nothing about a forged cookie.
 *
 * @throws SessionInvalidError for a value the shop did not issue, SessionRevokedError, SessionExpiredError
 */
export async function resolveSession(input: { sessions: SessionRepo; crypto: CryptoPort; cookieValue: string; now: Date }): Promise<SessionRecord> {
  const match = COOKIE_VALUE.exec(input.cookieValue);
  if (!match || decodeBase64Url(match[2]!)?.length !== SECRET_BYTES) throw new SessionInvalidError();
  const session = await input.sessions.find(match[1]!);
  const presentedHash = await input.crypto.sha256(match[2]!);
  if (!session || !timingSafeEqualHex(presentedHash, session.tokenHash)) throw new SessionInvalidError();
  if (session.revokedAt !== null) throw new SessionRevokedError();
  if (session.expiresAt.getTime() <= input.now.getTime()) throw new SessionExpiredError();
  return session;
}

/** The session id in a cookie value, if it has the right shape (for signing out without a full check). */
export function sessionIdOf(cookieValue: string): string | null {
  return COOKIE_VALUE.exec(cookieValue)?.[1] ?? null;
}

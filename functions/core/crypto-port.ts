/**
 * The cryptography the core needs, passed in as an argument so that `core/` stays free of I/O and of
 * platform imports. Node implements it with `node:crypto` (functions/adapters/crypto/node-crypto.ts);
 * Cloudflare Workers and other Web-standard runtimes with `crypto.subtle`
 * (functions/adapters/crypto/web-crypto.ts).
 *
 * Every operation returns a Promise because Web Crypto is asynchronous only. Keys are imported once and
 * then used many times: a verifier derives its secret when it is created, not on every request.
 *
 * Messages may be given as text, meaning its UTF-8 bytes: Node hashes a string without first copying it
 * into a byte array, which is a measurable share of an initData check.
 *
 * Comparing digests is not part of the port on purpose: the core does it with one constant-time
 * function (functions/core/timing-safe-equal.ts), whatever the platform.
 */
export interface CryptoPort {
  /** SHA-256 of `data`: 32 raw bytes. */
  sha256(data: CryptoMessage): Promise<Uint8Array>;
  /** Imports raw bytes (any length) as an HMAC-SHA256 key, ready to sign many messages. */
  importHmacSha256Key(keyBytes: Uint8Array): Promise<HmacSha256Key>;
  /** Imports a raw 32-byte Ed25519 public key, ready to verify many signatures. */
  importEd25519PublicKey(rawPublicKey: Uint8Array): Promise<Ed25519PublicKey>;
  /** `length` bytes from a cryptographically secure source: session secrets, one-time payloads. */
  randomBytes(length: number): Uint8Array;
}

/** An imported HMAC-SHA256 key. */
export interface HmacSha256Key {
  /** HMAC-SHA256 of `data` under this key: 32 raw bytes. */
  sign(data: CryptoMessage): Promise<Uint8Array>;
}

/** An imported Ed25519 public key. */
export interface Ed25519PublicKey {
  /**
   * Whether `signature` (64 raw bytes) is a valid signature of `data` under this key. Resolves to
   * `false`, never rejects, for a signature of the wrong length or one that does not verify.
   */
  verify(signature: Uint8Array, data: CryptoMessage): Promise<boolean>;
}

/** Bytes, or text standing for its UTF-8 bytes. */
export type CryptoMessage = Uint8Array | string;

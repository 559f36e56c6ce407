import { createHash, createHmac, createPublicKey, createSecretKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { CryptoPort, Ed25519PublicKey, HmacSha256Key } from '../../core/crypto-port';

/**
 * {@link CryptoPort} on `node:crypto`. The synchronous primitives are wrapped in resolved promises: for
 * a 32-byte HMAC that is several times faster than Node's `crypto.subtle`, which hands every call to a
 * worker thread (see bench/init-data.bench.ts for the figures).
 */
export const nodeCrypto: CryptoPort = {
  sha256(data) {
    return Promise.resolve(createHash('sha256').update(data).digest());
  },

  importHmacSha256Key(keyBytes) {
    // A KeyObject keeps the key material in native memory once, instead of copying the bytes in
    // on every createHmac call.
    const key = createSecretKey(keyBytes);
    const hmacKey: HmacSha256Key = {
      sign(data) {
        // A string goes in as is: Node encodes it as UTF-8 natively, cheaper than a TextEncoder copy.
        // digest() would back each 32-byte result with a fresh ArrayBuffer; as a 'binary' (latin1: one
        // char per byte, exact) string copied into Node's pooled Buffer it costs ~0.3 µs less per check.
        const digest = createHmac('sha256', key).update(data).digest('binary');
        return Promise.resolve(Buffer.from(digest, 'binary'));
      },
    };
    return Promise.resolve(hmacKey);
  },

  importEd25519PublicKey(rawPublicKey) {
    let key: KeyObject;
    try {
      // Node imports a raw Ed25519 key only as a JWK (or SPKI DER): `x` is the raw key, base64url.
      key = createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawPublicKey).toString('base64url') },
        format: 'jwk',
      });
    } catch (error) {
      return Promise.reject(error);
    }
    const publicKey: Ed25519PublicKey = {
      verify(signature, data) {
        try {
          // Ed25519 hashes internally, hence no digest name (null).
          const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
          return Promise.resolve(verify(null, bytes, key, signature));
        } catch {
          return Promise.resolve(false);
        }
      },
    };
    return Promise.resolve(publicKey);
  },

  randomBytes(length) {
    return new Uint8Array(randomBytes(length));
  },
};

import type { CryptoMessage, CryptoPort, Ed25519PublicKey, HmacSha256Key } from '../../core/crypto-port';

/**
 * {@link CryptoPort} on Web Crypto (`globalThis.crypto.subtle`) only, with no Node imports and no
 * `Buffer`, so that it runs unchanged on Cloudflare Workers, Deno, Bun and browsers as well as Node.
 */
export const webCrypto: CryptoPort = {
  async sha256(data) {
    return new Uint8Array(await subtle().digest('SHA-256', asBufferSource(data)));
  },

  async importHmacSha256Key(keyBytes) {
    const key = await subtle().importKey('raw', asBufferSource(keyBytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const hmacKey: HmacSha256Key = {
      async sign(data) {
        return new Uint8Array(await subtle().sign('HMAC', key, asBufferSource(data)));
      },
    };
    return hmacKey;
  },

  async importEd25519PublicKey(rawPublicKey) {
    const key = await subtle().importKey('raw', asBufferSource(rawPublicKey), { name: 'Ed25519' }, false, ['verify']);
    const publicKey: Ed25519PublicKey = {
      async verify(signature, data) {
        try {
          return await subtle().verify('Ed25519', key, asBufferSource(signature), asBufferSource(data));
        } catch {
          // Some runtimes reject, rather than answer false, for a signature of the wrong length.
          return false;
        }
      },
    };
    return publicKey;
  },

  randomBytes(length) {
    // getRandomValues fills at most 65,536 bytes per call; secrets and payloads are 32.
    return globalThis.crypto.getRandomValues(new Uint8Array(length));
  },
};

/** Looked up on each call, not at import, so that importing this module never fails where it is unused. */
function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

/**
 * Text becomes its UTF-8 bytes. Web Crypto's types accept only views over a plain ArrayBuffer (not a
 * SharedArrayBuffer); copy in the rare case a caller hands us a view over anything else.
 */
function asBufferSource(data: CryptoMessage): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return utf8.encode(data);
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

const utf8 = new TextEncoder();

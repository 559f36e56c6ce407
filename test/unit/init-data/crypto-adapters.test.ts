import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { CryptoPort } from '../../../functions/core/crypto-port';
import { decodeHex, encodeHex } from '../../../functions/core/init-data/encoding';

const utf8 = (text: string) => new TextEncoder().encode(text);

// RFC 8032 §7.1, TEST 2: a one-byte message.
const RFC8032_PUBLIC_KEY = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
const RFC8032_MESSAGE = new Uint8Array([0x72]);
const RFC8032_SIGNATURE = '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';

describe.each([
  ['node:crypto', nodeCrypto],
  ['web crypto', webCrypto],
] as [string, CryptoPort][])('%s adapter', (_name, crypto) => {
  it('computes SHA-256 (FIPS 180-2 "abc")', async () => {
    expect(encodeHex(await crypto.sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('computes HMAC-SHA256 (RFC 4231 test case 2), from text or bytes alike', async () => {
    const key = await crypto.importHmacSha256Key(utf8('Jefe'));
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(encodeHex(await key.sign('what do ya want for nothing?'))).toBe(expected);
    expect(encodeHex(await key.sign(utf8('what do ya want for nothing?')))).toBe(expected);
  });

  it('signs text as its UTF-8 bytes', async () => {
    const key = await crypto.importHmacSha256Key(utf8('k'));
    expect(await key.sign('café 🛍')).toEqual(await key.sign(utf8('café 🛍')));
  });

  it('derives the documented Mini App secret key for a bot token', async () => {
    // From the tma.js docs example in the shared vectors: HMAC-SHA256(key "WebAppData", token).
    const webAppData = await crypto.importHmacSha256Key(utf8('WebAppData'));
    expect(encodeHex(await webAppData.sign('5768337691:AAGDAe6rjxu1cUgxK4BizYi--Utc3J9v5AU'))).toBe(
      'aa492a44bdf019c759defb1698c1d77690189973945491a756051cdc1207a449',
    );
  });

  it('verifies an Ed25519 signature (RFC 8032 test 2) and rejects a changed one', async () => {
    const key = await crypto.importEd25519PublicKey(decodeHex(RFC8032_PUBLIC_KEY)!);
    const signature = decodeHex(RFC8032_SIGNATURE)!;
    expect(await key.verify(signature, RFC8032_MESSAGE)).toBe(true);
    expect(await key.verify(signature, new Uint8Array([0x73]))).toBe(false);
    const flipped = signature.slice();
    flipped[10] = flipped[10]! ^ 0x01;
    expect(await key.verify(flipped, RFC8032_MESSAGE)).toBe(false);
  });

  it('answers false, without throwing, for an Ed25519 signature of the wrong length', async () => {
    const key = await crypto.importEd25519PublicKey(decodeHex(RFC8032_PUBLIC_KEY)!);
    await expect(key.verify(new Uint8Array(63), RFC8032_MESSAGE)).resolves.toBe(false);
    await expect(key.verify(new Uint8Array(0), RFC8032_MESSAGE)).resolves.toBe(false);
  });
});

describe('portability', () => {
  // The core and the Web Crypto adapter must run on Cloudflare Workers: no Node modules, no Buffer.
  const functionsDir = new URL('../../../functions/', import.meta.url);
  const portable = [
    'core/crypto-port.ts',
    'adapters/crypto/web-crypto.ts',
    ...readdirSync(new URL('core/init-data/', functionsDir)).map((file) => `core/init-data/${file}`),
  ];

  it.each(portable)('%s imports nothing from Node and uses no Buffer', (file) => {
    const source = readFileSync(fileURLToPath(new URL(file, functionsDir)), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '') // comments may mention what the code avoids
      .replace(/\/\/.*$/gm, '');
    expect(source).not.toMatch(/from ['"](node:|fs|crypto|buffer)/);
    expect(source).not.toMatch(/\bBuffer\b/);
    expect(source).not.toMatch(/\bprocess\./);
  });
});

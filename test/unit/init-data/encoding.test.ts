import { describe, expect, it } from 'vitest';
import { decodeBase64Url, decodeHex, encodeHex } from '../../../functions/core/init-data/encoding';

describe('hex', () => {
  it('encodes bytes as lower-case hex and decodes either case back', () => {
    const value = new Uint8Array([0, 1, 0x7f, 0x80, 0xab, 0xff]);
    expect(encodeHex(value)).toBe('00017f80abff');
    expect(decodeHex('00017F80abFF')).toEqual(value);
  });

  it.each(['0', 'abc', 'zz', '0x12', ' 12'])('does not decode %j', (text) => {
    expect(decodeHex(text)).toBeUndefined();
  });
});

describe('decodeBase64Url', () => {
  it.each([
    ['', []],
    ['Zg', [0x66]],
    ['Zm8', [0x66, 0x6f]],
    ['Zm9v', [0x66, 0x6f, 0x6f]],
    ['-_8', [0xfb, 0xff]],
  ])('decodes %j', (text, expected) => {
    expect(decodeBase64Url(text)).toEqual(new Uint8Array(expected));
  });

  it('decodes the 86 characters of a Telegram signature to 64 bytes, like Node does', () => {
    const signature = 'zL-ucjNyREiHDE8aihFwpfR9aggP2xiAo3NSpfe-p7IbCisNlDKlo7Kb6G4D0Ao2mBrSgEk4maLSdv6MLIlADQ';
    expect(decodeBase64Url(signature)).toEqual(new Uint8Array(Buffer.from(signature, 'base64url')));
  });

  it.each([
    ['padding', 'Zg=='],
    ['the standard alphabet', '+/8'],
    ['an impossible length', 'Zm9vY'],
    ['non-zero unused bits', 'Zh'],
    ['whitespace', 'Zm 9v'],
  ])('refuses %s', (_case, text) => {
    expect(decodeBase64Url(text)).toBeUndefined();
  });
});

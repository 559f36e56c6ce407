import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../functions/core/bytes/base64';
import { concatBytes } from '../../../functions/core/bytes/concat-bytes';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('base64 without Buffer', () => {
  it.each([
    [bytes(), ''],
    [bytes(0x66), 'Zg=='],
    [bytes(0x66, 0x6f), 'Zm8='],
    [bytes(0x66, 0x6f, 0x6f), 'Zm9v'],
    [bytes(0xfb, 0xff, 0xfe), '+//+'],
  ])('encodes %o as %s (RFC 4648 §10 and the alphabet’s last characters)', (input, text) => {
    expect(encodeBase64(input)).toBe(text);
    expect(decodeBase64(text)).toEqual(input);
  });

  it('reads the URL-safe alphabet and missing padding, as wallets send them', () => {
    expect(decodeBase64('-__-')).toEqual(bytes(0xfb, 0xff, 0xfe));
    expect(decodeBase64('Zm8')).toEqual(bytes(0x66, 0x6f));
  });

  it('round-trips every byte value, across the chunk size', () => {
    const all = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff);
    expect(decodeBase64(encodeBase64(all))).toEqual(all);
  });

  it('refuses text that is not base64', () => {
    expect(() => decodeBase64('not base64!')).toThrow();
    expect(() => decodeBase64('Zm9vY')).toThrow();
  });
});

describe('concatBytes', () => {
  it('joins the parts in order', () => {
    expect(concatBytes([bytes(1, 2), bytes(), bytes(3)])).toEqual(bytes(1, 2, 3));
  });
});

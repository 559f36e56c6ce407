import { describe, expect, it } from 'vitest';
import { isOrderCode, makeOrderCode, ORDER_CODE_LENGTH } from '../../../functions/core/orders/order-code';

describe('makeOrderCode', () => {
  it('makes an 8-character code without look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = makeOrderCode(crypto.getRandomValues(new Uint8Array(32)));
      expect(code).toHaveLength(ORDER_CODE_LENGTH);
      expect(code).not.toMatch(/[01OIL]/);
      expect(isOrderCode(code)).toBe(true);
    }
  });

  it('is a function of its random bytes', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
    expect(makeOrderCode(bytes)).toBe(makeOrderCode(bytes.slice()));
  });

  it('skips bytes that would bias the alphabet', () => {
    // 248 = 256 - 256 % 31 and above is rejected; the next byte is used instead.
    const withRejects = Uint8Array.from([255, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(makeOrderCode(withRejects)).toBe('23456789');
  });

  it('refuses too few random bytes rather than making a short code', () => {
    expect(() => makeOrderCode(new Uint8Array(4))).toThrow(RangeError);
  });

  it.each(['', 'ABCDEFG', 'ABCDEFGHJ', 'ABCDEFG0', 'abcdefgh'])('does not take %j for a code', (text) => {
    expect(isOrderCode(text)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { timingSafeEqual, timingSafeEqualHex } from '../../../functions/core/timing-safe-equal';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('timingSafeEqual', () => {
  it('is true for equal bytes', () => {
    expect(timingSafeEqual(bytes(1, 2, 255), bytes(1, 2, 255))).toBe(true);
    expect(timingSafeEqual(bytes(), bytes())).toBe(true);
  });

  it('is false when any single byte differs, wherever it is', () => {
    const reference = bytes(...Array.from({ length: 32 }, (_, i) => i * 7));
    for (let i = 0; i < reference.length; i++) {
      const changed = reference.slice();
      changed[i] = changed[i]! ^ 1;
      expect(timingSafeEqual(reference, changed), `byte ${i}`).toBe(false);
    }
  });

  it('is false for different lengths, even when one is a prefix of the other', () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2))).toBe(false);
    expect(timingSafeEqual(bytes(), bytes(0))).toBe(false);
  });
});

describe('timingSafeEqualHex', () => {
  const digest = bytes(0x00, 0x7f, 0x80, 0xab, 0xff);

  it('is true for the hex of the bytes, in either case', () => {
    expect(timingSafeEqualHex(digest, '007f80abff')).toBe(true);
    expect(timingSafeEqualHex(digest, '007F80ABFF')).toBe(true);
  });

  it('is false when one hex digit differs', () => {
    expect(timingSafeEqualHex(digest, '007f80abfe')).toBe(false);
    expect(timingSafeEqualHex(digest, '107f80abff')).toBe(false);
  });

  it('is false for too short, too long or odd-length hex', () => {
    expect(timingSafeEqualHex(digest, '007f80ab')).toBe(false);
    expect(timingSafeEqualHex(digest, '007f80abff00')).toBe(false);
    expect(timingSafeEqualHex(digest, '007f80abf')).toBe(false);
  });

  it('is false for characters that are not hex digits, instead of reading them as some value', () => {
    // Chosen so that a sloppy decoder would land exactly on the expected byte: "g" read as 0 gives
    // 0x00, a -1 masked to 8 bits gives 0xff or 0xf5; ":" and "@" sit just outside the digit ranges.
    expect(timingSafeEqualHex(bytes(0x00), '0g')).toBe(false);
    expect(timingSafeEqualHex(bytes(0xff), '0g')).toBe(false);
    expect(timingSafeEqualHex(bytes(0xf5), 'g5')).toBe(false);
    expect(timingSafeEqualHex(bytes(0x0a), '0:')).toBe(false);
    expect(timingSafeEqualHex(bytes(0x00), '@0')).toBe(false);
    expect(timingSafeEqualHex(bytes(0xe9, 0xe9), 'éé')).toBe(false);
  });
});

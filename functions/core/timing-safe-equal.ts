import { hexDigitValue } from './init-data/encoding';

/**
 * Whether two byte strings are equal, taking the same time wherever they differ, so that a caller who
 * times the answers cannot learn a valid MAC byte by byte (why `===` on hashes is unsafe). Lengths are
 * compared openly: digest and signature lengths are public.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/**
 * Whether `hex` (either case) spells exactly `bytes`, with the same guarantee as {@link timingSafeEqual}.
 * Compares in place rather than decoding the received hash first: no allocation on the hot path of every
 * request. A non-hex character counts as a difference; which characters are hex is about the caller's
 * own input, not the secret.
 */
export function timingSafeEqualHex(bytes: Uint8Array, hex: string): boolean {
  if (hex.length !== bytes.length * 2) return false;
  let difference = 0;
  for (let i = 0; i < bytes.length; i++) {
    // hexDigitValue gives -1 for a non-hex character, which makes the byte negative: never equal.
    const byte = (hexDigitValue(hex.charCodeAt(2 * i)) << 4) | hexDigitValue(hex.charCodeAt(2 * i + 1));
    difference |= byte ^ bytes[i]!;
  }
  return difference === 0;
}

// Crockford-style alphabet without 0/O, 1/I/L: a person reads the code aloud to a merchant or types it
// into a wallet comment, so ambiguous characters cost real support time.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ORDER_CODE_LENGTH = 8;

/**
 * Makes a short, human-friendly order code from random bytes (at least ORDER_CODE_LENGTH of them).
 * 31^8 ≈ 8.5e11 codes; the database's unique constraint catches the rare collision and the caller retries.
 * Rejection sampling keeps every character equally likely.
 */
export function makeOrderCode(randomBytes: Uint8Array): string {
  let code = '';
  const limit = 256 - (256 % ALPHABET.length);
  for (const byte of randomBytes) {
    if (byte >= limit) continue;
    code += ALPHABET[byte % ALPHABET.length];
    if (code.length === ORDER_CODE_LENGTH) return code;
  }
  throw new RangeError('makeOrderCode: not enough random bytes; pass at least 16');
}

/** Whether `text` is shaped like an order code (used to reject junk before a lookup). */
export function isOrderCode(text: string): boolean {
  if (text.length !== ORDER_CODE_LENGTH) return false;
  for (const ch of text) if (!ALPHABET.includes(ch)) return false;
  return true;
}

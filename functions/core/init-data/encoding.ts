/**
 * Byte encodings the signature checks need, written here rather than taken from `Buffer` so that the
 * core runs on any Web-standard runtime. Decoders return `undefined` for input they cannot decode: a bad
 * hash or signature is an invalid signature, not a crash.
 */

const utf8 = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function encodeUtf8(text: string): Uint8Array {
  return utf8.encode(text);
}

/** Lower-case hex of `bytes`. */
export function encodeHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  return hex;
}

const HEX_DIGITS = '0123456789abcdef';

/** Bytes of a hex string (either case); `undefined` for an odd length or a non-hex character. */
export function decodeHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = hexDigitValue(hex.charCodeAt(2 * i));
    const low = hexDigitValue(hex.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return undefined;
    bytes[i] = (high << 4) | low;
  }
  return bytes;
}

/** Value of one hex digit's char code (either case), or -1 for any other character. */
export function hexDigitValue(charCode: number): number {
  // A table rather than range tests: hash digits are random, so range tests mispredict about half the
  // time, and this runs 64 times per request.
  return charCode < 128 ? HEX_DIGIT_VALUES[charCode]! : -1;
}

const HEX_DIGIT_VALUES = Int8Array.from({ length: 128 }, (_, charCode) => HEX_DIGITS.indexOf(String.fromCharCode(charCode).toLowerCase()));

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUES = new Map([...BASE64URL_ALPHABET].map((char, value) => [char, value]));

/** Unpadded base64url of `bytes` (RFC 4648 §5). */
export function encodeBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) text += BASE64URL_ALPHABET[(chunk >> (18 - 6 * c)) & 63]!;
  }
  return text;
}

/**
 * Bytes of unpadded base64url (RFC 4648 §5), the encoding of initData's `signature`. `undefined` for
 * padding, characters outside the alphabet, an impossible length, or non-zero trailing bits (so that
 * each byte string has exactly one accepted encoding).
 */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bufferedBits = 0;
  let written = 0;
  for (const char of text) {
    const value = BASE64URL_VALUES.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bufferedBits += 6;
    if (bufferedBits >= 8) {
      bufferedBits -= 8;
      bytes[written++] = (buffer >> bufferedBits) & 0xff;
    }
  }
  if ((buffer & ((1 << bufferedBits) - 1)) !== 0) return undefined;
  return bytes;
}

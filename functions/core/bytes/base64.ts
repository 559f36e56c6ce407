// Standard base64 (RFC 4648 §4, with padding) on the Web-standard btoa/atob, so that the core needs no
// `Buffer`: BOCs travel as base64 in TON Connect and toncenter. atob/btoa work on "binary strings"
// (one char per byte), converted here in chunks to stay under argument-count limits.

const CHUNK = 0x8000;

/** Base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * Bytes of base64 text in the standard or the URL-safe alphabet (wallets send either), padding optional.
 * @throws DOMException (InvalidCharacterError) for anything that is not base64
 */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

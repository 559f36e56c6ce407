/**
 * What a digital product hands over once paid (issue #15): a `file` kept in the BlobStore under a private
 * key (never served by /media), a pool of `license_keys` the merchant uploads (each sold once), or a
 * `text` (a code, a link, instructions) revealed only after payment.
 */
export const DIGITAL_CONTENT_KINDS = ['file', 'license_keys', 'text'] as const;
export type DigitalContentKind = (typeof DIGITAL_CONTENT_KINDS)[number];

/** A stored file of a digital product: the bytes are in the BlobStore under `blobKey`. */
export interface DigitalFile {
  blobKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** A product's digital content as the merchant set it. */
export type DigitalContent = { kind: 'file'; file: DigitalFile | null } | { kind: 'license_keys' } | { kind: 'text'; text: string };

/**
 * Largest file the shop keeps for a digital product. The Bot API takes uploads of up to 50 MB
 * (core.telegram.org/bots/api#sending-files); serverless hosts cap request bodies lower (Vercel 4.5 MB),
 * so a merchant there uploads through the Node server or keeps files small.
 */
export const MAX_DIGITAL_FILE_BYTES = 20 * 1024 * 1024;

/** A revealed text fits one Telegram message with room for the heading (4096 characters in all). */
export const MAX_DIGITAL_TEXT_LENGTH = 3000;

/** What the customer gets for one paid line of a digital order. */
export type DigitalDelivery =
  | { kind: 'file'; productId: string; title: string; file: DigitalFile }
  | { kind: 'license_keys'; productId: string; title: string; keys: string[] }
  | { kind: 'text'; productId: string; title: string; text: string };

/**
 * A file name safe for a Content-Disposition header and for Telegram: no path, no control characters,
 * no quotes; at most 120 characters, and never empty.
 */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const chars = [...cleaned];
  return chars.length === 0 ? 'download' : chars.slice(-120).join('');
}

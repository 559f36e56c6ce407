import { contentTypeForExtension, type ImageType } from './image-type';

/** A stored file: its bytes and the content type to serve it with. */
export interface StoredBlob {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Where uploaded files live. A folder on a server with a disk, the database where there is none
 * (adapters in functions/adapters/blob/). Keys are content hashes with an extension, so a key's bytes
 * never change: `put` of an existing key is a no-op.
 */
export interface BlobStore {
  put(key: string, blob: StoredBlob): Promise<void>;
  /** The blob, or null when no such key was stored. */
  get(key: string): Promise<StoredBlob | null>;
}

/**
 * A blob key: a lowercase SHA-256 hex digest and an image extension, or a resized WebP variant of one
 * (`<digest>-w640.webp`, image-variants.ts), or a digital product's private file (`<digest>.bin`, served
 * only through a signed download link, never by /media). Nothing else reaches a store.
 */
export const BLOB_KEY = /^[0-9a-f]{64}(\.(png|jpg|webp|gif|bin)|-w(320|640|1280)\.webp)$/;

/** Whether `key` is a well-formed blob key (guards the folder store against path tricks). */
export function isBlobKey(key: string): boolean {
  return BLOB_KEY.test(key);
}

/** Whether `key` names a public image (what /media serves); a private file's `.bin` key never is. */
export function isImageBlobKey(key: string): boolean {
  return isBlobKey(key) && !key.endsWith('.bin');
}

/** The key a digital product's file is kept under: its SHA-256 hex digest, `.bin`. */
export const privateFileKey = (sha256Hex: string): string => `${sha256Hex}.bin`;

/** Refuses anything but a blob key before a store writes it: callers derive keys, so this is a bug. */
export function assertBlobKey(key: string): void {
  if (!isBlobKey(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
}

/** The content type to serve a blob with: its key's extension, the format the bytes were sniffed as. */
export function contentTypeOfBlobKey(key: string): ImageType | 'application/octet-stream' | null {
  const extension = key.slice(key.lastIndexOf('.') + 1);
  // The stores that keep no type (folder, bucket) answer bytes; the file's own type is in digital_contents.
  return extension === 'bin' ? 'application/octet-stream' : contentTypeForExtension(extension);
}

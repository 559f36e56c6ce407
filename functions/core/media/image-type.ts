/** The image formats the shop accepts for upload. SVG is not one: it can carry script. */
export const IMAGE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

/** Largest upload the shop stores: product photos for a phone screen need far less. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * The image format the bytes really are, from their magic numbers, or null. A declared Content-Type is
 * only a claim; what a browser will sniff is the bytes.
 * Signatures: PNG (RFC 2083 §12.11), JPEG SOI + marker, GIF87a/GIF89a, WebP (RIFF….WEBP).
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWithAscii(bytes, 0, 'GIF87a') || startsWithAscii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && startsWithAscii(bytes, 0, 'RIFF') && startsWithAscii(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

/** The declared Content-Type (parameters ignored) as an accepted image type, or null. */
export function parseImageContentType(header: string | undefined): ImageType | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type in IMAGE_TYPES ? (type as ImageType) : null;
}

/** The content type to serve a stored file with, from its key's extension. */
export function contentTypeForExtension(extension: string): ImageType | null {
  const entry = Object.entries(IMAGE_TYPES).find(([, ext]) => ext === extension);
  return entry ? (entry[0] as ImageType) : null;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function startsWithAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

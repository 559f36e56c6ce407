import type { BlobStore } from './blob-store';

/** The widths an upload is resized to (px), for the Mini App's `srcset`. */
export const IMAGE_VARIANT_WIDTHS = [320, 640, 1280] as const;
export type ImageVariantWidth = (typeof IMAGE_VARIANT_WIDTHS)[number];

/** One resized copy: WebP, at most `width` pixels wide (never enlarged). */
export interface ImageVariant {
  width: ImageVariantWidth;
  bytes: Uint8Array;
}

/** Makes the variants of an image; an adapter (adapters/media/sharp-variants.ts) where the runtime can. */
export type MakeImageVariants = (bytes: Uint8Array) => Promise<ImageVariant[]>;

/**
 * Where a variant of the upload stored under `key` lives: derived from the original's key (its content
 * hash), so no table has to remember it.
 */
export function variantKeyOf(key: string, width: ImageVariantWidth): string {
  return `${key.slice(0, key.lastIndexOf('.'))}-w${width}.webp`;
}

export function isImageVariantWidth(value: number): value is ImageVariantWidth {
  return (IMAGE_VARIANT_WIDTHS as readonly number[]).includes(value);
}

/**
 * `store`, with every upload also stored as its resized variants. An image the library cannot read
 * (valid magic numbers, broken body) is kept as it is, without variants: the media route then serves the
 * original for every width.
 */
export function withImageVariants(store: BlobStore, makeVariants: MakeImageVariants, onError: (error: unknown) => void): BlobStore {
  return {
    get: (key) => store.get(key),
    async put(key, blob) {
      await store.put(key, blob);
      let variants: ImageVariant[];
      try {
        variants = await makeVariants(blob.bytes);
      } catch (error) {
        onError(error);
        return;
      }
      for (const variant of variants) await store.put(variantKeyOf(key, variant.width), { bytes: variant.bytes, contentType: 'image/webp' });
    },
  };
}

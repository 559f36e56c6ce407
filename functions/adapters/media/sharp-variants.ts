import type Sharp from 'sharp';
import { IMAGE_VARIANT_WIDTHS, type MakeImageVariants } from '../../core/media/image-variants';

/**
 * Resized WebP variants made by sharp (libvips), where it is installed: an optional dependency, with
 * prebuilt binaries for Node on Linux, macOS and Windows (Vercel and Netlify functions too). Null where it
 * cannot load (Workers have no native modules): uploads are then served as they are.
 */
export async function loadSharpVariantMaker(): Promise<MakeImageVariants | null> {
  let sharp: typeof Sharp;
  try {
    sharp = (await import('sharp')).default;
  } catch {
    return null;
  }
  return async (bytes) =>
    Promise.all(
      IMAGE_VARIANT_WIDTHS.map(async (width) => ({
        width,
        // Never enlarged: a 500 px photo's 640 and 1280 variants are 500 px, still WebP (smaller).
        bytes: new Uint8Array(await sharp(bytes, { animated: false }).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()),
      })),
    );
}

import { Hono } from 'hono';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../core/catalog/demo-catalog';
import { drawDemoImage } from '../core/catalog/demo-image';
import { isImageBlobKey, type BlobStore } from '../core/media/blob-store';
import { IMAGE_VARIANT_WIDTHS, isImageVariantWidth, variantKeyOf } from '../core/media/image-variants';
import { errorResponse } from '../http/error-handler';

const ICON_BY_CATEGORY = new Map(DEMO_CATEGORIES.map((c) => [c.id, c.icon]));
const DEMO_ICON_BY_SLUG = new Map(DEMO_PRODUCTS.map((p) => [p.slug, ICON_BY_CATEGORY.get(p.categoryId) ?? 'gift'] as const));

// Both kinds of image never change under their URL (demo pictures are drawn from the slug, uploads are
// named by their content hash), so they cache for a year.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The demo catalog's pictures, drawn on request, and the merchant's uploaded images. */
export function mediaRoutes(deps: { blobs: BlobStore }) {
  const app = new Hono();
  app.get('/demo/:file', (c) => {
    const slug = /^([a-z0-9-]+)\.svg$/.exec(c.req.param('file'))?.[1];
    const icon = slug ? DEMO_ICON_BY_SLUG.get(slug) : undefined;
    if (!slug || !icon) return errorResponse(c, 404, 'MEDIA_NOT_FOUND', 'No such image.');
    return c.body(drawDemoImage(slug, icon), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': IMMUTABLE,
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.get('/u/:file', async (c) => {
    const file = c.req.param('file');
    // `?w=320|640|1280`: the resized WebP variant, where the host made one at upload (image-variants.ts);
    // the original otherwise (hosts without sharp, uploads from before), which is still a right answer.
    const w = c.req.query('w');
    let blob = null;
    if (w !== undefined) {
      const width = Number(w);
      if (!/^\d+$/.test(w) || !isImageVariantWidth(width)) {
        return errorResponse(c, 400, 'INVALID_WIDTH', `w must be one of ${IMAGE_VARIANT_WIDTHS.join(', ')}`);
      }
      if (/^[0-9a-f]{64}\.(png|jpg|webp|gif)$/.test(file)) blob = await deps.blobs.get(variantKeyOf(file, width));
    }
    // A digital product's file is in the same store but is never public: only a signed download link reads it.
    if (!isImageBlobKey(file)) return errorResponse(c, 404, 'MEDIA_NOT_FOUND', 'No such image.');
    blob ??= await deps.blobs.get(file);
    if (!blob) return errorResponse(c, 404, 'MEDIA_NOT_FOUND', 'No such image.');
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': blob.contentType,
      'Content-Length': String(blob.bytes.byteLength),
      'Cache-Control': IMMUTABLE,
      'X-Content-Type-Options': 'nosniff',
      // Opened directly, an image is only an image: no script, no plugins, no forms.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
    });
  });
  return app;
}

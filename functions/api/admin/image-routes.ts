import { Hono } from 'hono';
import { encodeHex } from '../../core/init-data/encoding';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, parseImageContentType, sniffImageType } from '../../core/media/image-type';
import { HttpError } from '../../http/http-error';
import type { AdminContext, AdminEnv } from './admin-context';
import { readRawBody } from './read-raw-body';

/** Where an uploaded image is served (functions/api/media-routes.ts). */
export const UPLOADED_MEDIA_PATH = '/media/u';

/**
 * Image upload: the raw file as the body. The bytes decide what it is (magic numbers), the declared type
 * only has to be an image type we take; SVG never is (it can carry script that runs on our origin).
 */
export function adminImageRoutes(deps: { admin: AdminContext }) {
  const app = new Hono<AdminEnv>();

  app.post('/', async (c) => {
    if (!parseImageContentType(c.req.header('content-type'))) throw unsupported();
    const bytes = await readRawBody(c.req.raw, MAX_IMAGE_BYTES);
    if (bytes.length === 0) throw new HttpError('invalid', 'EMPTY_FILE', 'The upload is empty.');
    const type = sniffImageType(bytes);
    if (!type) throw unsupported();
    // Named by its content: the same photo uploaded twice is one file, and a URL's bytes never change,
    // which is what lets it be cached forever.
    const key = `${await sha256Hex(bytes)}.${IMAGE_TYPES[type]}`;
    await deps.admin.blobs.put(key, { bytes, contentType: type });
    return c.json({ url: `${UPLOADED_MEDIA_PATH}/${key}` }, 201);
  });

  return app;
}

function unsupported(): HttpError {
  return new HttpError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', 'Upload a PNG, JPEG, WebP or GIF image (SVG is not accepted).');
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return encodeHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

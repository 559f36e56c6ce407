import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_DIGITAL_FILE_BYTES, MAX_DIGITAL_TEXT_LENGTH, safeFileName } from '../../core/digital/digital-content';
import type { DigitalContentView, DigitalWriteResult } from '../../core/digital/digital-repo';
import { isKeyPoolLow, LOW_KEY_POOL_THRESHOLD, MAX_KEYS_PER_UPLOAD, MAX_LICENSE_KEY_LENGTH, parseLicenseKeys } from '../../core/digital/license-key-pool';
import { encodeHex } from '../../core/init-data/encoding';
import { privateFileKey } from '../../core/media/blob-store';
import { text } from '../../core/text/storable-text';
import { HttpError } from '../../http/http-error';
import { idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminContext, AdminEnv } from './admin-context';
import { readRawBody } from './read-raw-body';

const contentBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: text().trim().min(1, 'write the text the customer gets').max(MAX_DIGITAL_TEXT_LENGTH) }),
  z.object({ kind: z.literal('license_keys') }),
  z.object({ kind: z.literal('file') }),
]);

const keysBody = z.object({
  /** The keys, one a line, as pasted. */
  keys: text().max(MAX_KEYS_PER_UPLOAD * (MAX_LICENSE_KEY_LENGTH + 2)),
  /** Which variant's pool; may be left out for a product sold without options. */
  variantId: uuidId.nullable().default(null),
});

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminDigitalSchemas = { contentBody, keysBody };

const notFound = () => new HttpError('not_found', 'PRODUCT_NOT_FOUND', 'No such product.');

/**
 * A digital product's content (docs/api.md, "Digital content"): read it with its key pools, set its kind
 * and text, upload its file (raw body, `X-File-Name`), paste license keys.
 */
export function adminDigitalRoutes(deps: { admin: AdminContext; clock: () => Date }) {
  const app = new Hono<AdminEnv>();

  app.get('/:id/digital', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    return c.json(presentView(unwrap(await deps.admin.digital.readContent(id))));
  });

  app.put('/:id/digital', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const body = await readJsonBody(c, contentBody);
    return c.json(presentView(unwrap(await deps.admin.digital.setContent(id, body, deps.clock()))));
  });

  app.post('/:id/digital/file', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const bytes = await readRawBody(c.req.raw, MAX_DIGITAL_FILE_BYTES);
    if (bytes.length === 0) throw new HttpError('invalid', 'EMPTY_FILE', 'The upload is empty.');
    const fileName = safeFileName(decodeFileName(c.req.header('x-file-name')));
    const contentType = contentTypeOf(c.req.header('content-type'));
    // Found first, so a refused upload leaves no orphan bytes; stored under its hash with a key /media never serves.
    unwrap(await deps.admin.digital.readContent(id));
    const blobKey = privateFileKey(encodeHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))));
    await deps.admin.blobs.put(blobKey, { bytes, contentType: 'application/octet-stream' });
    const file = { blobKey, fileName, contentType, sizeBytes: bytes.length };
    return c.json(presentView(unwrap(await deps.admin.digital.setContent(id, { kind: 'file', file }, deps.clock()))), 201);
  });

  app.post('/:id/digital/keys', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const body = await readJsonBody(c, keysBody);
    const { keys, repeated } = parseLicenseKeys(body.keys);
    const result = await deps.admin.digital.addKeys(id, body.variantId, keys, deps.clock());
    const view = unwrap(result);
    const added = result.added ?? 0;
    return c.json({ added, skipped: keys.length - added + repeated, ...presentView(view) }, 201);
  });

  return app;
}

function unwrap(result: DigitalWriteResult): DigitalContentView {
  switch (result.kind) {
    case 'ok':
      return result.view;
    case 'product_not_found':
      throw notFound();
    case 'not_digital':
      throw new HttpError('unprocessable', 'PRODUCT_NOT_DIGITAL', 'Only a digital product has digital content. Set the product’s kind to digital first.');
    case 'variant_not_found':
      throw new HttpError('unprocessable', 'VARIANT_NOT_FOUND', 'Name one of this product’s variants (variantId) for the keys.');
  }
}

/** The view as JSON: the file without its storage key, each pool with `low` (at or under the threshold). */
function presentView(view: DigitalContentView) {
  const content = view.content;
  return {
    content:
      content === null
        ? null
        : content.kind === 'file'
          ? {
              kind: 'file',
              file: content.file && { fileName: content.file.fileName, contentType: content.file.contentType, sizeBytes: content.file.sizeBytes },
            }
          : content,
    pools: view.pools.map((pool) => ({ ...pool, low: isKeyPoolLow(pool.available) })),
    lowThreshold: LOW_KEY_POOL_THRESHOLD,
  };
}

/** X-File-Name is percent-encoded UTF-8 (a header is Latin-1), as the admin sends it; plain text is taken too. */
function decodeFileName(header: string | undefined): string {
  if (!header) return 'download';
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/**
 * The declared type if it is a plain `type/subtype`, else bytes: it is only what the download says. Types a
 * browser would run as a page or script on the shop's origin are served as bytes, whatever was declared.
 */
function contentTypeOf(header: string | undefined): string {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(type) || /html|xml|svg|javascript|ecmascript/.test(type)) return 'application/octet-stream';
  return type;
}

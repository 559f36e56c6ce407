import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderBlobStore } from '../../../functions/adapters/blob/folder-blob-store';
import { blobs } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { adminAuth } from './admin-helpers';

// Real files of each format, the smallest valid ones (a 1×1 pixel).
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));
const WEBP = Uint8Array.from(atob('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='), (c) => c.charCodeAt(0));
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function upload(t: TestApp, bytes: Uint8Array, contentType: string) {
  const res = await t.app.request('http://shop.test/api/admin/images', {
    method: 'POST',
    headers: { authorization: await adminAuth(t), 'content-type': contentType },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, body: (await res.json()) as { url?: string; error?: { code: string } } };
}

function describeStore(name: string, setup: () => Promise<{ t: TestApp; stored: () => Promise<number>; cleanup?: () => Promise<void> }>) {
  describe(`image uploads stored in ${name}`, () => {
    let t: TestApp;
    let stored: () => Promise<number>;
    let cleanup: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ t, stored, cleanup } = await setup());
    });
    afterAll(async () => {
      expect(t.errors).toEqual([]);
      await t.close();
      await cleanup?.();
    });

    it.each([
      ['PNG', PNG, 'image/png', 'png'],
      ['JPEG', JPEG, 'image/jpeg', 'jpg'],
      ['WebP', WEBP, 'image/webp', 'webp'],
      ['GIF', GIF, 'image/gif', 'gif'],
    ] as const)('stores a %s and serves it back, same bytes, right type, cached for a year', async (_name, bytes, type, ext) => {
      const { status, body } = await upload(t, bytes, type);
      expect(status).toBe(201);
      expect(body.url).toMatch(new RegExp(`^/media/u/[0-9a-f]{64}\\.${ext}$`));
      const res = await t.request(body.url!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    });

    it('gives the same file the same URL and stores it once', async () => {
      const before = await stored();
      const first = await upload(t, PNG, 'image/png');
      const second = await upload(t, PNG, 'image/png');
      expect(second.body.url).toBe(first.body.url);
      expect(await stored()).toBe(before);
    });

    it('serves the type the bytes are, whatever type was declared', async () => {
      const { status, body } = await upload(t, GIF, 'image/png');
      expect(status).toBe(201);
      expect(body.url).toMatch(/\.gif$/);
    });

    it.each([
      ['an SVG (it can carry script)', SVG, 'image/svg+xml'],
      ['an SVG declared as a PNG', SVG, 'image/png'],
      ['HTML declared as a JPEG', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'image/jpeg'],
      ['a file with no declared type', PNG, 'application/octet-stream'],
    ])('rejects %s with 415 and stores nothing', async (_name, bytes, type) => {
      const before = await stored();
      const { status, body } = await upload(t, bytes, type);
      expect(status).toBe(415);
      expect(body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await stored()).toBe(before);
    });

    it('rejects a file over 2 MB with 413 and an empty one with 400', async () => {
      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(PNG);
      expect((await upload(t, big, 'image/png')).body.error?.code).toBe('BODY_TOO_LARGE');
      expect((await upload(t, new Uint8Array(), 'image/png')).status).toBe(400);
    });

    it('answers 404 for an image that was never uploaded and for a path trick', async () => {
      expect((await t.request(`/media/u/${'a'.repeat(64)}.png`)).status).toBe(404);
      expect((await t.request('/media/u/..%2F..%2Fpackage.json')).status).toBe(404);
      expect((await t.request('/media/u/x.svg')).status).toBe(404);
    });

    it('answers a /media path that names no image at all with the API’s JSON 404', async () => {
      for (const path of ['/media/u/', '/media/u/..', '/media/demo/a/b.svg', '/media/']) {
        const res = await t.request(path);
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'MEDIA_NOT_FOUND', message: 'No such image.' } });
      }
    });
  });
}

describeStore('the database (BLOB_STORE=database)', async () => {
  const t = await createTestApp({ seed: false });
  return { t, stored: async () => (await t.db.handle.db.select({ key: blobs.key }).from(blobs)).length };
});

describeStore('a folder (BLOB_STORE=folder, MEDIA_DIR)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bazaar-media-'));
  const t = await createTestApp({ seed: false, blobs: createFolderBlobStore(join(dir, 'media')) });
  return {
    t,
    stored: async () => (await readdir(join(dir, 'media')).catch(() => [])).filter((f) => !f.startsWith('.')).length,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

// Resized WebP variants of an upload (#14): made at upload where sharp loads (the Node server), served by
// `?w=`, and the original served for any width where none was made.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSharpVariantMaker } from '../../../functions/adapters/media/sharp-variants';
import type { BlobStore, StoredBlob } from '../../../functions/core/media/blob-store';
import { withImageVariants } from '../../../functions/core/media/image-variants';
import { createTestApp, type TestApp } from '../../support/test-app';
import { adminAuth } from './admin-helpers';

function memoryStore(): BlobStore & { keys: () => string[] } {
  const blobs = new Map<string, StoredBlob>();
  return {
    keys: () => [...blobs.keys()],
    put: async (key, blob) => void blobs.set(key, blob),
    get: async (key) => blobs.get(key) ?? null,
  };
}

async function upload(t: TestApp, bytes: Uint8Array): Promise<string> {
  const res = await t.app.request('http://shop.test/api/admin/images', {
    method: 'POST',
    headers: { authorization: await adminAuth(t), 'content-type': 'image/png' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

async function fetchImage(t: TestApp, path: string) {
  const res = await t.app.request(`http://shop.test${path}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

const photo = async (width: number, height: number) =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#c08040' } })
      .png()
      .toBuffer(),
  );

describe('resized variants of an uploaded image', () => {
  let t: TestApp;
  let store: ReturnType<typeof memoryStore>;
  beforeAll(async () => {
    store = memoryStore();
    const makeVariants = await loadSharpVariantMaker();
    expect(makeVariants).not.toBeNull();
    t = await createTestApp({ blobs: withImageVariants(store, makeVariants!, (error) => t.errors.push(error)) });
  });
  afterAll(async () => {
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('serves each width as WebP at most that wide, and the original without ?w=', async () => {
    const url = await upload(t, await photo(2000, 1000));
    for (const width of [320, 640, 1280]) {
      const { res, bytes } = await fetchImage(t, `${url}?w=${width}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toMatch(/immutable/);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(width);
    }
    const original = await fetchImage(t, url);
    expect(original.res.headers.get('content-type')).toBe('image/png');
    expect((await sharp(original.bytes).metadata()).width).toBe(2000);
  });

  it('never enlarges a small image', async () => {
    const url = await upload(t, await photo(500, 300));
    const { bytes } = await fetchImage(t, `${url}?w=1280`);
    expect((await sharp(bytes).metadata()).width).toBe(500);
  });

  it('answers 400 JSON for a width it does not make', async () => {
    const url = await upload(t, await photo(400, 400));
    for (const w of ['100', 'abc', '640.0', '']) {
      const { res, bytes } = await fetchImage(t, `${url}?w=${w}`);
      expect(res.status).toBe(400);
      expect((JSON.parse(new TextDecoder().decode(bytes)) as { error: { code: string } }).error.code).toBe('INVALID_WIDTH');
    }
  });
});

describe('a host without an image library', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ blobs: memoryStore() });
  });
  afterAll(async () => {
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('serves the original for every width', async () => {
    const url = await upload(t, await photo(800, 400));
    const { res, bytes } = await fetchImage(t, `${url}?w=320`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await sharp(bytes).metadata()).width).toBe(800);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderBlobStore } from '../../../functions/adapters/blob/folder-blob-store';
import { createR2BlobStore, type R2BucketLike, type R2ObjectLike } from '../../../functions/adapters/blob/r2-blob-store';
import type { BlobStore } from '../../../functions/core/media/blob-store';

// The R2 store over the bucket Miniflare simulates in workerd (the same implementation `wrangler dev`
// uses), reached from Node through Miniflare's binding proxy. No PostgreSQL needed: this runs everywhere.
// The Worker bundle using it end to end is in worker-bindings.test.ts.

/** What R2 says about an object beyond what the store reads: a new `version` for every write. */
type StoredObject = R2ObjectLike & { version: string };

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const KEY = `${'ab'.repeat(32)}.png`;
const OTHER_KEY = `${'cd'.repeat(32)}.png`;

let mf: Miniflare;
let bucket: R2BucketLike;
let store: BlobStore;
let earlierDir: string;

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response(null, { status: 404 }) };',
    r2Buckets: { MEDIA: 'bazaar-media' },
  });
  // Miniflare types the binding with @cloudflare/workers-types, which the project does not install.
  bucket = (await mf.getR2Bucket('MEDIA')) as unknown as R2BucketLike;
  store = createR2BlobStore(bucket);
  earlierDir = await mkdtemp(join(tmpdir(), 'bazaar-r2-fallback-'));
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await rm(earlierDir, { recursive: true, force: true });
});

describe('the R2 blob store over a Miniflare bucket', () => {
  it('stores an image under its key and gives back the same bytes and type', async () => {
    await store.put(KEY, { bytes: PNG, contentType: 'image/png' });
    const blob = await store.get(KEY);
    expect(blob?.contentType).toBe('image/png');
    expect(blob?.bytes).toEqual(PNG);
  });

  it('keeps the type and the cache policy as the object’s HTTP metadata, for a public bucket', async () => {
    const object = await bucket.head(KEY);
    expect(object?.size).toBe(PNG.byteLength);
    expect(object?.httpMetadata).toMatchObject({ contentType: 'image/png', cacheControl: 'public, max-age=31536000, immutable' });
  });

  it('does not write a key a second time (same key, same bytes)', async () => {
    const before = (await bucket.head(KEY)) as StoredObject;
    await store.put(KEY, { bytes: PNG, contentType: 'image/png' });
    const after = (await bucket.head(KEY)) as StoredObject;
    expect(after.version).toBe(before.version);
  });

  it('answers null for a key never stored and for anything that is not a blob key', async () => {
    expect(await store.get(OTHER_KEY)).toBeNull();
    expect(await store.get('../secret.png')).toBeNull();
    expect(await store.get(KEY.toUpperCase())).toBeNull();
  });

  it('refuses to store under a key that is not a content hash, and the bucket stays without it', async () => {
    await expect(store.put('photo.png', { bytes: PNG, contentType: 'image/png' })).rejects.toThrow(/not a blob key/);
    expect(await bucket.head('photo.png')).toBeNull();
  });

  it('reads a key the bucket lacks from the store images went to before, and writes only to the bucket', async () => {
    const earlier = createFolderBlobStore(earlierDir);
    const earlierKey = `${'ef'.repeat(32)}.png`;
    await earlier.put(earlierKey, { bytes: PNG, contentType: 'image/png' });
    const withFallback = createR2BlobStore(bucket, { readFallback: earlier });
    expect(await withFallback.get(earlierKey)).toEqual({ bytes: PNG, contentType: 'image/png' });
    expect(await withFallback.get(`${'12'.repeat(32)}.png`)).toBeNull();

    const newKey = `${'34'.repeat(32)}.png`;
    await withFallback.put(newKey, { bytes: PNG, contentType: 'image/png' });
    expect(await bucket.head(newKey)).not.toBeNull();
    expect(await earlier.get(newKey)).toBeNull();
  });

  it('serves the type the key names even when the bucket’s metadata was changed to something else', async () => {
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    await bucket.put(OTHER_KEY, html, { httpMetadata: { contentType: 'text/html' } });
    const blob = await store.get(OTHER_KEY);
    expect(blob?.contentType).toBe('image/png');
    expect(blob?.bytes).toEqual(html);
  });
});

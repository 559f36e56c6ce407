import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseBlobStore } from '../../../functions/adapters/blob/database-blob-store';
import { createS3BlobStore, type S3Settings } from '../../../functions/adapters/blob/s3-blob-store';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import { blobs } from '../../../functions/adapters/db/schema';
import type { BlobStore } from '../../../functions/core/media/blob-store';
import { startFakeS3, type FakeS3 } from '../../fakes/fake-s3';
import { createTestApp, type TestApp } from '../../support/test-app';
import { adminAuth } from '../admin/admin-helpers';

// The smallest valid PNG (1×1) and GIF.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));
const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstu';
const KEY = `${'b'.repeat(64)}.png`;

let fake: FakeS3;
beforeAll(async () => {
  fake = await startFakeS3({ bucket: 'shop-media', region: 'auto', accessKeyId: 'AKIDTESTSHOP', secretAccessKey: SECRET });
});
afterAll(() => fake.close());

function settings(overrides: Partial<S3Settings> = {}): S3Settings {
  return { endpoint: fake.endpoint, bucket: 'shop-media', region: 'auto', accessKeyId: 'AKIDTESTSHOP', secretAccessKey: SECRET, ...overrides };
}

/** The test app with an S3 store in front of its own database's blob store, as the entries wire it. */
async function appWithS3(overrides: Partial<S3Settings> = {}): Promise<TestApp> {
  let fallback: BlobStore | undefined;
  const store = createS3BlobStore(settings(overrides), {
    crypto: webCrypto,
    readFallback: { put: (key, blob) => fallback!.put(key, blob), get: (key) => fallback!.get(key) },
  });
  const t = await createTestApp({ seed: false, blobs: store });
  fallback = createDatabaseBlobStore(t.db.handle.db);
  return t;
}

async function upload(t: TestApp, bytes: Uint8Array, contentType: string) {
  const res = await t.app.request('http://shop.test/api/admin/images', {
    method: 'POST',
    headers: { authorization: await adminAuth(t), 'content-type': contentType },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, body: (await res.json()) as { url?: string; error?: { code: string; message: string } } };
}

const rowsInBlobsTable = async (t: TestApp) => (await t.db.handle.db.select({ key: blobs.key }).from(blobs)).length;

describe('images stored in an S3-compatible bucket (BLOB_STORE=s3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithS3();
  });
  afterAll(async () => {
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('puts an upload in the bucket with its type and a year of caching, not in the database, and serves it back', async () => {
    const { status, body } = await upload(t, PNG, 'image/png');
    expect(status).toBe(201);
    const key = body.url!.replace('/media/u/', '');
    expect(fake.objects.get(key)).toMatchObject({ contentType: 'image/png', cacheControl: 'public, max-age=31536000, immutable' });
    expect(fake.objects.get(key)!.bytes).toEqual(PNG);
    expect(await rowsInBlobsTable(t)).toBe(0);

    const res = await t.request(body.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    // Both requests passed the fake's own signature check.
    expect(fake.requests.filter((r) => r.path === `/shop-media/${key}`).map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200', 'GET 200']);
  });

  it('serves an image uploaded before the bucket was configured from the database', async () => {
    const key = `${'c'.repeat(64)}.gif`;
    await createDatabaseBlobStore(t.db.handle.db).put(key, { bytes: GIF, contentType: 'image/gif' });
    const res = await t.request(`/media/u/${key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(GIF);
    expect(fake.objects.has(key)).toBe(false);
  });

  it('answers 404 for a key in neither the bucket nor the database', async () => {
    const res = await t.request(`/media/u/${'d'.repeat(64)}.png`);
    expect(res.status).toBe(404);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', status: 404, code: 'NoSuchKey' });
  });
});

describe('a bucket that refuses the shop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithS3({ secretAccessKey: 'not-the-secret' });
  });
  afterAll(async () => {
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('fails an upload with a wrong secret as 503 BLOB_STORE_UNAVAILABLE, storing nothing anywhere', async () => {
    const before = fake.objects.size;
    const { status, body } = await upload(t, GIF, 'image/gif');
    expect(status).toBe(503);
    expect(body.error?.code).toBe('BLOB_STORE_UNAVAILABLE');
    expect(body.error?.message).toContain('403 SignatureDoesNotMatch');
    expect(body.error?.message).not.toContain('not-the-secret');
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PUT', status: 403, code: 'SignatureDoesNotMatch' });
    expect(fake.objects.size).toBe(before);
    expect(await rowsInBlobsTable(t)).toBe(0);
  });

  it('answers 503, not 500, when an image cannot be read', async () => {
    const res = await t.request(`/media/u/${'e'.repeat(64)}.png`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BLOB_STORE_UNAVAILABLE');
  });
});

describe('the S3 store on its own', () => {
  it('round-trips bytes and keys it never stored read as null', async () => {
    const store = createS3BlobStore(settings(), { crypto: webCrypto });
    await store.put(KEY, { bytes: PNG, contentType: 'image/png' });
    expect(await store.get(KEY)).toEqual({ bytes: PNG, contentType: 'image/png' });
    expect(await store.get(`${'f'.repeat(64)}.png`)).toBeNull();
  });

  it('never sends a malformed key to the bucket', async () => {
    const store = createS3BlobStore(settings(), { crypto: webCrypto });
    const count = fake.requests.length;
    await expect(store.put('../x.png', { bytes: PNG, contentType: 'image/png' })).rejects.toThrow('not a blob key');
    expect(await store.get('../x.png')).toBeNull();
    expect(fake.requests.length).toBe(count);
  });

  it('is refused by the fake when a signed header or the body changes after signing', async () => {
    const tamper =
      (change: (init: RequestInit) => RequestInit): typeof fetch =>
      (input, init) =>
        fetch(input, change(init ?? {}));
    const swapType = createS3BlobStore(settings(), {
      crypto: webCrypto,
      fetch: tamper((init) => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'content-type': 'text/html' } })),
    });
    await expect(swapType.put(KEY, { bytes: PNG, contentType: 'image/png' })).rejects.toMatchObject({
      code: 'BLOB_STORE_UNAVAILABLE',
      message: expect.stringContaining('403 SignatureDoesNotMatch'),
    });
    const swapBody = createS3BlobStore(settings(), { crypto: webCrypto, fetch: tamper((init) => ({ ...init, body: GIF as Uint8Array<ArrayBuffer> })) });
    await expect(swapBody.put(KEY, { bytes: PNG, contentType: 'image/png' })).rejects.toMatchObject({
      message: expect.stringContaining('XAmzContentSHA256Mismatch'),
    });
  });

  it('is refused with a wrong access key, region or bucket, and with a clock 20 minutes off', async () => {
    const attempts: Array<[Partial<S3Settings>, string, (() => Date)?]> = [
      [{ accessKeyId: 'AKIDSOMEONEELSE' }, '403 InvalidAccessKeyId'],
      [{ region: 'us-east-1' }, '400 AuthorizationHeaderMalformed'],
      [{ bucket: 'other-bucket' }, '404 NoSuchBucket'],
      [{}, '403 RequestTimeTooSkewed', () => new Date(Date.now() - 20 * 60_000)],
    ];
    for (const [overrides, expected, now] of attempts) {
      const store = createS3BlobStore(settings(overrides), { crypto: webCrypto, ...(now && { now }) });
      await expect(store.put(KEY, { bytes: PNG, contentType: 'image/png' })).rejects.toMatchObject({ message: expect.stringContaining(expected) });
    }
  });

  it('reports an endpoint that cannot be reached as BLOB_STORE_UNAVAILABLE', async () => {
    const store = createS3BlobStore(settings({ endpoint: 'http://127.0.0.1:1' }), { crypto: webCrypto });
    await expect(store.get(KEY)).rejects.toMatchObject({ code: 'BLOB_STORE_UNAVAILABLE', message: expect.stringContaining('could not be reached') });
  });

  it('gives up on a bucket that accepts the connection and never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const store = createS3BlobStore(settings({ endpoint: `http://127.0.0.1:${port}` }), { crypto: webCrypto, timeoutMs: 200 });
      const started = Date.now();
      await expect(store.put(KEY, { bytes: PNG, contentType: 'image/png' })).rejects.toMatchObject({ code: 'BLOB_STORE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('keeps a path prefix in the endpoint (Supabase: …/storage/v1/s3) in the URL it signs and sends', async () => {
    const seen: string[] = [];
    const store = createS3BlobStore(settings({ endpoint: `${fake.endpoint}/storage/v1/s3/` }), {
      crypto: webCrypto,
      fetch: async (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    // The fake serves buckets at its root, so /storage/… names no bucket: what matters is the signed path.
    await expect(store.get(KEY)).rejects.toMatchObject({ message: expect.stringContaining('404 NoSuchBucket') });
    expect(seen).toEqual([`${fake.endpoint}/storage/v1/s3/shop-media/${KEY}`]);
  });
});

import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/config';
import { startNodeServer, type RunningServer } from '../../../functions/platforms/node/start-server';
import { precompressDir } from '../../../scripts/precompress';

// What the Node server sends over the wire: the build's files precompressed (brotli or gzip, as the browser
// accepts), hashed assets cached for ever, the page revalidated by its ETag, API answers gzipped.

const SCRIPT = `export const greeting = ${JSON.stringify('سلام, hello, '.repeat(400))};\n`;
let dir: string;
let dataDir: string;
let server: RunningServer;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bazaar-wire-'));
  dataDir = await mkdtemp(join(tmpdir(), 'bazaar-wire-data-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(join(dir, 'assets', 'tiny-abc123.js'), 'export{};\n');
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><title>Shop</title></head><body>${'<p>x</p>'.repeat(300)}</body></html>`);
  await precompressDir(dir);
  server = await startNodeServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: dir, BOT_TOKEN: '7000000011:AAwire-test-token-for-bazaar' }), quiet);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** A GET that leaves the body as it came over the wire (fetch would decode it). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(server.url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const h = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') h.set(name, value);
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
}

describe('the build', () => {
  it('has a .br and a .gz beside each compressible file of 1 KB or more, and none beside a smaller one', async () => {
    const names = (await readdir(join(dir, 'assets'))).sort();
    expect(names).toEqual(['index-abc123.js', 'index-abc123.js.br', 'index-abc123.js.gz', 'tiny-abc123.js']);
  });
});

describe('a hashed asset', () => {
  it('goes out as brotli to a browser that accepts it, with Vary and immutable caching', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const body = res.body;
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('goes out as gzip to one that accepts only gzip, and as it is to one that accepts neither', async () => {
    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString()).toBe(SCRIPT);
  });
});

describe('the page', () => {
  it('revalidates: no-cache with an ETag, and 304 when the browser has it', async () => {
    const first = await get('/', { 'accept-encoding': 'identity' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/orders', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('is compressed for a browser that accepts it', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toContain('<title>Shop</title>');
  });
});

describe('the API', () => {
  it('sends the catalog gzipped once, under a strong ETag of its own that answers 304', async () => {
    const res = await get('/api/catalog', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const catalog = JSON.parse(gunzipSync(res.body).toString()) as { products: unknown[] };
    expect(catalog.products.length).toBeGreaterThan(10);
    // Made at the snapshot, not by compress() per request: a representation of its own, so a strong ETag.
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag).not.toBe((await get('/api/catalog')).headers.get('etag'));
    expect((await get('/api/catalog', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(304);
  });
});

// `?locale=en` is a read the Node server's catalog lane takes (platforms/node/catalog-lane.ts); the same
// read with an empty pair after it (`&`) is not, so the app's routes answer it: both must send the same.
describe('catalog reads on the lane and through the routes', () => {
  const headersOf = (res: { status: number; headers: Headers }) => {
    const kept: Record<string, string | null> = { status: String(res.status) };
    for (const name of ['content-type', 'content-encoding', 'content-length', 'etag', 'cache-control', 'vary']) kept[name] = res.headers.get(name);
    return kept;
  };

  it.each([
    ['the catalog, gzip', '/api/catalog?locale=en', { 'accept-encoding': 'gzip' }],
    ['the catalog, as it is', '/api/catalog?locale=fa', {}],
    ['a product page', '/api/products/espresso-beans?locale=en', { 'accept-encoding': 'gzip, br' }],
    ['a product page in capitals', '/api/products/ESPRESSO-BEANS?locale=ru', {}],
  ])('%s: the same status, headers and bytes', async (_name, path, headers) => {
    const lane = await get(path, headers);
    const routes = await get(`${path}&`, headers);
    expect(lane.status).toBe(200);
    expect(headersOf(lane)).toEqual(headersOf(routes));
    expect(lane.body.equals(routes.body)).toBe(true);
  });

  it("answers 304 to either way's ETag", async () => {
    const etag = (await get('/api/catalog?locale=en&', { 'accept-encoding': 'gzip' })).headers.get('etag')!;
    const again = await get('/api/catalog?locale=en', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('leaves a product that is not there and a locale that is no tag to the routes, in their words', async () => {
    const missing = await get('/api/products/no-such-product?locale=en');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toMatchObject({ error: { code: 'PRODUCT_NOT_FOUND' } });
    const badLocale = await get('/api/catalog?locale=abcdefghijk');
    expect(badLocale.status).toBe(400);
    expect(JSON.parse(badLocale.body.toString())).toMatchObject({ error: { code: 'INVALID_LOCALE' } });
  });
});

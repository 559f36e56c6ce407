import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseBlobStore } from '../../../functions/adapters/blob/database-blob-store';
import type { R2BucketLike } from '../../../functions/adapters/blob/r2-blob-store';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { openDatabase, type DatabaseHandle } from '../../../functions/adapters/db/connect';
import { blobs, orders, products } from '../../../functions/adapters/db/schema';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { TEST_ADMIN_IDS, TEST_BOT_TOKEN, TEST_CRON_SECRET } from '../../support/test-app';
import { buildWorkerBundle } from './support/build-worker';
import { writeFixtureSite } from './support/fixture-site';
import { startLoopbackServices, type LoopbackServices } from './support/loopback-services';
import { prepareDatabase, type PreparedDatabase } from './support/server-database';
import { startWorkerTarget } from './support/targets';
import { stockOf } from '../../support/stock';

// The bindings wrangler.toml leaves commented out, turned on in workerd: HYPERDRIVE (Miniflare proxies it
// to the PostgreSQL server, as `wrangler dev` does with a local connection string) and the MEDIA bucket
// (Miniflare's R2 simulator). A second Worker with neither shows the defaults: DATABASE_URL, and
// uploaded images in the database. Both need the PostgreSQL server, as every workerd run does.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn('workerd bindings test skipped: the Worker needs the PostgreSQL server (DATABASE_URL), as in .ci/run’s PostgreSQL step');

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));
const ADMIN = { id: TEST_ADMIN_IDS[0]!, first_name: 'Merchant' };
const CUSTOMER = { id: 4_400_001, first_name: 'Hyperdrive' };

type Worker = Awaited<ReturnType<typeof startWorkerTarget>>;
type Product = { id: string; slug: string; priceMinor: string; stock: number };

let services: LoopbackServices;
let siteDir: string | undefined;
let workerDir: string | undefined;
const prepared: PreparedDatabase[] = [];
const handles: DatabaseHandle[] = [];
/** HYPERDRIVE and MEDIA bindings, no DATABASE_URL. */
let bound: Worker;
let boundDb: DatabaseHandle;
/** DATABASE_URL, no bindings. */
let plain: Worker;
let plainDb: DatabaseHandle;

function sharedEnv(): Record<string, string> {
  return {
    BOT_TOKEN: TEST_BOT_TOKEN,
    BOT_API_URL: services.botApiUrl,
    CRON_SECRET: TEST_CRON_SECRET,
    TON_NETWORK: 'local',
    TON_INDEXER_URL: services.indexerUrl,
    MERCHANT_ADDRESS: services.chain.merchant.address,
    PUBLIC_URL: 'https://shop.example',
    ADMIN_IDS: ADMIN.id.toString(),
    MIGRATE_ON_START: 'false',
  };
}

/** A fresh migrated and seeded database, and a handle from the test to look inside it. */
async function freshDatabase(): Promise<{ url: string; handle: DatabaseHandle }> {
  const database = await prepareDatabase({ serverUrl });
  prepared.push(database);
  const handle = await openDatabase(database.options);
  handles.push(handle);
  return { url: database.env.DATABASE_URL!, handle };
}

/** Miniflare refuses a Hyperdrive string without a password; the local server trusts loopback and never asks. */
function withPassword(url: string): string {
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = 'unused-by-trust-auth';
  return parsed.toString();
}

async function authorizationFor(user: { id: number; first_name: string }): Promise<string> {
  const fields = { user: JSON.stringify(user), auth_date: String(Math.floor(Date.now() / 1000)) };
  return `tma ${await signInitData({ fields, botToken: TEST_BOT_TOKEN, crypto: nodeCrypto })}`;
}

async function uploadAsAdmin(worker: Worker, bytes: Uint8Array, contentType: string): Promise<string> {
  const res = await worker.request('/api/admin/images', {
    method: 'POST',
    headers: { authorization: await authorizationFor(ADMIN), 'content-type': contentType },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  const body = (await res.json()) as { url?: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.url!;
}

async function expectServedImage(worker: Worker, url: string, bytes: Uint8Array, contentType: string): Promise<void> {
  const res = await worker.request(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(contentType);
  expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
}

const blobKeys = async (handle: DatabaseHandle) => (await handle.db.select({ key: blobs.key }).from(blobs)).map((row) => row.key);

describe.skipIf(!serverUrl)('the Worker in workerd with its optional bindings', () => {
  beforeAll(async () => {
    services = await startLoopbackServices();
    siteDir = await writeFixtureSite();
    const scriptPath = await buildWorkerBundle();
    workerDir = dirname(scriptPath);
    const boundDatabase = await freshDatabase();
    boundDb = boundDatabase.handle;
    bound = await startWorkerTarget({
      scriptPath,
      assetsDir: siteDir,
      env: sharedEnv(),
      bindings: { hyperdrives: { HYPERDRIVE: withPassword(boundDatabase.url) }, r2Buckets: { MEDIA: 'bazaar-media' } },
    });
    const plainDatabase = await freshDatabase();
    plainDb = plainDatabase.handle;
    plain = await startWorkerTarget({ scriptPath, assetsDir: siteDir, env: { ...sharedEnv(), DATABASE_URL: plainDatabase.url } });
  }, 180_000);

  afterAll(async () => {
    for (const worker of [bound, plain]) await worker?.close();
    for (const handle of handles) await handle.close();
    for (const database of prepared) await database.destroy();
    await services?.close();
    for (const dir of [siteDir, workerDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('HYPERDRIVE: the database through the binding, with no DATABASE_URL', () => {
    it('GET /api/health reports the database and its schema as ok', async () => {
      const res = await bound.request('/api/health');
      const body = (await res.json()) as { status: string; checks: Record<string, { state: string }> };
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ status: 'ok', checks: { database: { state: 'ok' }, schema: { state: 'ok' } } });
    });

    it('GET /api/catalog lists the active products seeded in the database behind the binding', async () => {
      const res = await bound.request('/api/catalog');
      expect(res.status).toBe(200);
      const { products: listed } = (await res.json()) as { products: Product[] };
      const seeded = await boundDb.db.select({ id: products.id }).from(products).where(eq(products.active, true));
      expect(listed.map((p) => p.id).sort()).toEqual(seeded.map((p) => p.id).sort());
      expect(listed.length).toBeGreaterThanOrEqual(24);
    });

    it('POST /api/orders creates the order and reserves the stock in that database', async () => {
      const { products: listed } = (await (await bound.request('/api/catalog')).json()) as { products: Product[] };
      const product = listed.find((p) => p.stock >= 2)!;
      const res = await bound.request('/api/orders', {
        method: 'POST',
        headers: { authorization: await authorizationFor(CUSTOMER), 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ productId: product.id, quantity: 2 }] }),
      });
      const order = (await res.json()) as { id: string; status: string; totalMinor: string };
      expect(res.status, JSON.stringify(order)).toBe(201);
      expect(order).toMatchObject({ status: 'pending', totalMinor: String(BigInt(product.priceMinor) * 2n) });
      const [row] = await boundDb.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
      expect(row?.status).toBe('pending');
      expect(await stockOf(boundDb.db, product.slug)).toBe(product.stock - 2);
    });

    it('runs the Cron Trigger’s scheduled jobs over the binding', async () => {
      await bound.runScheduled!();
      expect(bound.loggedErrors).toEqual([]);
    });
  });

  describe('MEDIA: uploaded images in the R2 bucket', () => {
    it('stores an admin’s upload in the bucket, not in the blobs table, and serves it cached for a year', async () => {
      const url = await uploadAsAdmin(bound, PNG, 'image/png');
      expect(url).toMatch(/^\/media\/u\/[0-9a-f]{64}\.png$/);
      await expectServedImage(bound, url, PNG, 'image/png');
      const bucket = (await bound.miniflare.getR2Bucket('MEDIA')) as unknown as R2BucketLike;
      const object = await bucket.get(url.slice('/media/u/'.length));
      expect(new Uint8Array(await object!.arrayBuffer())).toEqual(PNG);
      expect(object!.httpMetadata?.contentType).toBe('image/png');
      expect(await blobKeys(boundDb)).toEqual([]);
    });

    it('still serves an image uploaded to the database before the bucket was bound', async () => {
      const key = `${'7e'.repeat(32)}.gif`;
      await createDatabaseBlobStore(boundDb.db).put(key, { bytes: GIF, contentType: 'image/gif' });
      await expectServedImage(bound, `/media/u/${key}`, GIF, 'image/gif');
    });

    it('answers 404 MEDIA_NOT_FOUND for a key neither the bucket nor the database holds', async () => {
      const res = await bound.request(`/media/u/${'0'.repeat(64)}.png`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'MEDIA_NOT_FOUND' } });
    });
  });

  describe('without a MEDIA binding', () => {
    it('stores the upload in the blobs table and serves it the same way', async () => {
      const url = await uploadAsAdmin(plain, GIF, 'image/gif');
      await expectServedImage(plain, url, GIF, 'image/gif');
      expect(await blobKeys(plainDb)).toEqual([url.slice('/media/u/'.length)]);
    });
  });

  it('logged no error in either Worker', () => {
    expect(bound.loggedErrors).toEqual([]);
    expect(plain.loggedErrors).toEqual([]);
    expect(services.bot.unexpected).toEqual([]);
  });
});

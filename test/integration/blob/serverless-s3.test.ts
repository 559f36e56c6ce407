import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseBlobStore } from '../../../functions/adapters/blob/database-blob-store';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { blobs } from '../../../functions/adapters/db/schema';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { createNetlifyApiEntry } from '../../../functions/platforms/netlify';
import type { ServerlessOptions } from '../../../functions/platforms/shared/serverless-shop';
import { createVercelEntry } from '../../../functions/platforms/vercel';
import { startFakeS3, type FakeS3 } from '../../fakes/fake-s3';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { TEST_ADMIN_IDS, TEST_BOT_TOKEN } from '../../support/test-app';

// The Vercel and Netlify entries called with real Requests, configured as a merchant would:
// BLOB_STORE=s3 and the S3_* settings, against a fake bucket that checks every signature.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));
const SECRET = 'serverless-secret-abcdefghijklmnopqrstuvwxyz';

let fake: FakeS3;
let database: TestDatabase;
beforeAll(async () => {
  fake = await startFakeS3({ bucket: 'media', region: 'eu-central-1', accessKeyId: 'AKIDSERVERLESS', secretAccessKey: SECRET });
  database = await createTestDatabase();
});
afterAll(async () => {
  await fake.close();
  await database.destroy();
});

function options(): ServerlessOptions {
  return {
    env: {
      BOT_TOKEN: TEST_BOT_TOKEN,
      ADMIN_IDS: String(TEST_ADMIN_IDS[0]),
      TON_NETWORK: 'testnet',
      MERCHANT_ADDRESS: 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK',
      BLOB_STORE: 's3',
      S3_ENDPOINT: fake.endpoint,
      S3_BUCKET: 'media',
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'AKIDSERVERLESS',
      S3_SECRET_ACCESS_KEY: SECRET,
    },
    openDatabase: () => database.handle,
    logger: { error: (message, error) => unexpected.push(`${message}: ${String(error)}`) },
  };
}
const unexpected: string[] = [];

async function adminAuthorization(): Promise<string> {
  const initData = await signInitData({
    fields: {
      query_id: 'AAHs3',
      user: JSON.stringify({ id: TEST_ADMIN_IDS[0], first_name: 'Merchant', language_code: 'en' }),
      auth_date: String(Math.floor(Date.now() / 1000)),
    },
    botToken: TEST_BOT_TOKEN,
    crypto: nodeCrypto,
  });
  return `tma ${initData}`;
}

describe.each([
  ['Vercel', () => createVercelEntry(options()).fetch],
  ['Netlify', () => createNetlifyApiEntry(options())],
])('the %s entry with BLOB_STORE=s3', (_name, makeHandler) => {
  it('puts an uploaded image in the bucket, not the database, and serves it from /media/u/', async () => {
    const handler = makeHandler();
    const uploaded = await handler(
      new Request('https://shop.example/api/admin/images', {
        method: 'POST',
        headers: { authorization: await adminAuthorization(), 'content-type': 'image/png' },
        body: PNG,
      }),
    );
    expect(uploaded.status).toBe(201);
    const { url } = (await uploaded.json()) as { url: string };
    const key = url.replace('/media/u/', '');
    expect(fake.objects.get(key)).toMatchObject({ contentType: 'image/png', cacheControl: 'public, max-age=31536000, immutable' });
    expect((await database.handle.db.select({ key: blobs.key }).from(blobs)).map((row) => row.key)).not.toContain(key);

    const served = await handler(new Request(`https://shop.example${url}`));
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(unexpected).toEqual([]);
  });

  it('still serves an image the database store kept before the bucket was configured', async () => {
    const key = `${'9'.repeat(64)}.gif`;
    await createDatabaseBlobStore(database.handle.db).put(key, { bytes: GIF, contentType: 'image/gif' });
    const served = await makeHandler()(new Request(`https://shop.example/media/u/${key}`));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/gif');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(GIF);
  });
});

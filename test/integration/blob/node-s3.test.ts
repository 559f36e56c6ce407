import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { loadConfig } from '../../../functions/config';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { startNodeServer } from '../../../functions/platforms/node/start-server';
import { startFakeS3, type FakeS3 } from '../../fakes/fake-s3';
import { TEST_ADMIN_IDS, TEST_BOT_TOKEN } from '../../support/test-app';

// `npm start`'s server over real HTTP with BLOB_STORE=s3: uploads go to the bucket, not to a folder.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

let fake: FakeS3;
let dataDir: string;
let server: Awaited<ReturnType<typeof startNodeServer>>;
const loggedErrors: string[] = [];

beforeAll(async () => {
  fake = await startFakeS3({ bucket: 'node-media', region: 'auto', accessKeyId: 'AKIDNODE', secretAccessKey: 'node-secret-0123456789' });
  dataDir = await mkdtemp(join(tmpdir(), 'bazaar-node-s3-'));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: dataDir,
    DEMO_CATALOG: 'false',
    BOT_TOKEN: TEST_BOT_TOKEN,
    ADMIN_IDS: String(TEST_ADMIN_IDS[0]),
    BLOB_STORE: 's3',
    S3_ENDPOINT: fake.endpoint,
    S3_BUCKET: 'node-media',
    S3_ACCESS_KEY_ID: 'AKIDNODE',
    S3_SECRET_ACCESS_KEY: 'node-secret-0123456789',
  });
  server = await startNodeServer(config, {
    info: () => {},
    warn: () => {},
    error: (message, error) => loggedErrors.push(`${message}: ${String(error)}`),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the Node server with BLOB_STORE=s3', () => {
  it('stores an upload in the bucket, makes no media folder, and serves it back over HTTP', async () => {
    const initData = await signInitData({
      fields: {
        query_id: 'AAHnode',
        user: JSON.stringify({ id: TEST_ADMIN_IDS[0], first_name: 'Merchant' }),
        auth_date: String(Math.floor(Date.now() / 1000)),
      },
      botToken: TEST_BOT_TOKEN,
      crypto: nodeCrypto,
    });
    const uploaded = await fetch(`${server.url}/api/admin/images`, {
      method: 'POST',
      headers: { authorization: `tma ${initData}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(uploaded.status).toBe(201);
    const { url } = (await uploaded.json()) as { url: string };
    expect(fake.objects.get(url.replace('/media/u/', ''))?.bytes).toEqual(PNG);
    expect(await readdir(dataDir)).not.toContain('media');

    const served = await fetch(`${server.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(loggedErrors).toEqual([]);
  });
});

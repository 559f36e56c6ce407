import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import type { DatabaseHandle } from '../../../functions/adapters/db/connect';
import { openNeon } from '../../../functions/adapters/db/connect-neon';
import { createDevChain } from '../../../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../../functions/adapters/ton/dev-chain/dev-chain-app';
import { createChainReader } from '../../../functions/adapters/ton/create-chain-reader';
import { loadConfig } from '../../../functions/config';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { ORDER_LIMITS } from '../../../functions/core/orders/price-order';
import { runScheduledJobs } from '../../../functions/jobs/run-scheduled-jobs';
import { DEV_CHAIN_IN_PROCESS_URL, fetchFromDevChainApp } from '../../../functions/platforms/node/ton-setup';
import { createAppFromEnv, type Shop } from '../../../functions/platforms/shared/create-app-from-env';
import { createFakeBotApi } from '../../fakes/fake-bot-api';
import { TEST_BOT_TOKEN } from '../../support/test-app';
import { prepareDatabase, type PreparedDatabase } from './support/server-database';
import { startWebSocketProxy, type WebSocketProxy } from './support/websocket-proxy';

// Neon's serverless driver speaks Postgres over a WebSocket to Neon's proxy, which is not here; a local
// proxy of the same kind puts the PostgreSQL server behind it, so the driver runs for real, transactions
// and row locks included. Without the server (DATABASE_URL) there is nothing to put behind it.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn('Neon driver test skipped: it needs the PostgreSQL server (DATABASE_URL) behind its WebSocket proxy');

let database: PreparedDatabase;
let proxy: WebSocketProxy;
let handle: DatabaseHandle;
let shop: Shop;
const errors: unknown[] = [];

async function as(userId: number): Promise<Record<string, string>> {
  const user = JSON.stringify({ id: userId, first_name: `Neon ${userId}` });
  const initData = await signInitData({ fields: { user, auth_date: String(Math.floor(Date.now() / 1000)) }, botToken: TEST_BOT_TOKEN, crypto: nodeCrypto });
  return { authorization: `tma ${initData}`, 'content-type': 'application/json' };
}

describe.skipIf(!serverUrl)('DATABASE_DRIVER=neon: the shop over Neon’s serverless driver', () => {
  beforeAll(async () => {
    database = await prepareDatabase({ serverUrl });
    proxy = await startWebSocketProxy();
    const config = loadConfig({ BOT_TOKEN: TEST_BOT_TOKEN, DATABASE_URL: database.env.DATABASE_URL, DATABASE_DRIVER: 'neon' });
    if (config.database.driver !== 'postgres') throw new Error('expected DATABASE_URL');
    handle = openNeon({ url: config.database.url, webSocketProxy: proxy.endpointFor, secureWebSocket: false, webSocket: WebSocket });
    const chain = await createDevChain();
    const ton = {
      chain: createChainReader({ kind: 'toncenter', baseUrl: DEV_CHAIN_IN_PROCESS_URL, fetch: fetchFromDevChainApp(createDevChainApp(chain)) }),
      merchantAddress: chain.merchant.address,
      network: 'local' as const,
    };
    shop = createAppFromEnv(config, {
      database: handle,
      crypto: webCrypto,
      ton,
      botFetch: createFakeBotApi({ token: TEST_BOT_TOKEN }).fetch,
      logger: { error: (message, error) => errors.push({ message, error }) },
    });
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await proxy?.close();
    await database?.destroy();
  });

  it('reaches the database through the WebSocket proxy: health and catalog', async () => {
    const health = await shop.app.request('/api/health');
    expect(await health.json()).toMatchObject({ checks: { database: { ok: true } } });
    const catalog = (await (await shop.app.request('/api/catalog')).json()) as { products: unknown[] };
    expect(catalog.products.length).toBeGreaterThanOrEqual(24);
    expect(proxy.connections).toBeGreaterThan(0);
  });

  it('keeps stock right when two customers race for the last units (interactive transactions, row locks)', async () => {
    const { products } = (await (await shop.app.request('/api/catalog')).json()) as { products: { id: string; stock: number }[] };
    const product = products.find((p) => p.stock >= 1 && p.stock <= ORDER_LIMITS.maxQuantityPerLine)!;
    const body = JSON.stringify({ items: [{ productId: product.id, quantity: product.stock }] });
    const answers = await Promise.all(
      [4_300_001, 4_300_002].map(async (id) => shop.app.request('/api/orders', { method: 'POST', headers: await as(id), body })),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
    const after = (await (await shop.app.request('/api/catalog')).json()) as { products: { id: string; stock: number }[] };
    expect(after.products.find((p) => p.id === product.id)?.stock).toBe(0);
  });

  it('runs the scheduled jobs over it', async () => {
    const report = await runScheduledJobs(shop.deps);
    expect(report.jobs.map((job) => [job.name, job.ok])).toEqual(report.jobs.map((job) => [job.name, true]));
    expect(errors).toEqual([]);
  });
});

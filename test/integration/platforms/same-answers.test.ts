import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BOT_TOKEN, TEST_CRON_SECRET } from '../../support/test-app';
import { buildWorkerBundle } from './support/build-worker';
import { normalizeAnswer, readAnswer, shapeOf, type Answer } from './support/compare-answers';
import { writeFixtureSite } from './support/fixture-site';
import { customerAuthorization, HTTP_CASES, type CaseContext } from './support/http-cases';
import { startLoopbackServices, type LoopbackServices } from './support/loopback-services';
import { prepareDatabase, type PreparedDatabase } from './support/server-database';
import { startNodeTarget, startWorkerTarget, type PlatformTarget } from './support/targets';

// The Worker has no embedded database: workerd reaches the PostgreSQL server through cloudflare:sockets,
// so that half runs only with DATABASE_URL (.ci/run's PostgreSQL step). Node runs the cases either way.
const serverUrl = process.env.DATABASE_URL;
const WORKERD_SKIPPED = 'workerd run skipped: it needs the PostgreSQL server (DATABASE_URL), as in .ci/run’s PostgreSQL step';
if (!serverUrl) console.warn(WORKERD_SKIPPED);

let services: LoopbackServices;
let siteDir: string;
let dataDir: string;
const databases: PreparedDatabase[] = [];
const targets: PlatformTarget[] = [];
const contexts = new Map<PlatformTarget, CaseContext>();

/** The settings both hosts run with; only the database differs. */
function sharedEnv(): Record<string, string> {
  return {
    BOT_TOKEN: TEST_BOT_TOKEN,
    BOT_API_URL: services.botApiUrl,
    CRON_SECRET: TEST_CRON_SECRET,
    TON_NETWORK: 'local',
    TON_INDEXER_URL: services.indexerUrl,
    MERCHANT_ADDRESS: services.chain.merchant.address,
    PUBLIC_URL: 'https://shop.example',
    SHOP_NAME: 'Parity shop',
    MIGRATE_ON_START: 'false',
    DEMO_CATALOG: 'false',
  };
}

beforeAll(async () => {
  services = await startLoopbackServices();
  siteDir = await writeFixtureSite();
  dataDir = await mkdtemp(join(tmpdir(), 'bazaar-platform-'));
  const nodeDb = await prepareDatabase({ serverUrl, dataDir });
  databases.push(nodeDb);
  targets.push(await startNodeTarget({ ...sharedEnv(), ...nodeDb.env, STATIC_DIR: siteDir }));
  if (serverUrl) {
    const workerDb = await prepareDatabase({ serverUrl, dataDir });
    databases.push(workerDb);
    const scriptPath = await buildWorkerBundle();
    targets.push(await startWorkerTarget({ scriptPath, assetsDir: siteDir, env: { ...sharedEnv(), ...workerDb.env } }));
  }
  for (const target of targets) contexts.set(target, { url: target.url, chain: services.chain, products: new Map() });
}, 120_000);

afterAll(async () => {
  for (const target of targets) await target.close();
  for (const database of databases) await database.destroy();
  await services?.close();
  for (const dir of [siteDir, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the same requests get the same answers on Node and on workerd', () => {
  for (const httpCase of HTTP_CASES) {
    it(httpCase.name, async () => {
      const answers: Answer[] = [];
      for (const target of targets) {
        const ctx = contexts.get(target)!;
        const answer = await readAnswer(await httpCase.send(ctx));
        const said = `${target.name} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
        expect(answer.status, said).toBe(httpCase.status);
        if (httpCase.code) expect((answer.body as { error?: { code?: string } }).error?.code, said).toBe(httpCase.code);
        await httpCase.check?.(answer, ctx);
        answers.push(answer);
      }
      const [node, workerd] = answers;
      if (!node || !workerd) return;
      if (httpCase.compare === 'answer') expect(normalizeAnswer(workerd)).toEqual(normalizeAnswer(node));
      if (httpCase.compare === 'shape') expect(shapeOf(workerd.body)).toEqual(shapeOf(node.body));
    });
  }

  it('logged no error on either host', () => {
    for (const target of targets) expect(target.loggedErrors, target.name).toEqual([]);
    expect(services.bot.unexpected).toEqual([]);
  });
});

describe.skipIf(!serverUrl)('workerd: the Cron Trigger', () => {
  it('runs the scheduled jobs: a payment the customer never reported marks the order paid', async () => {
    const worker = targets.find((target) => target.name === 'workerd')!;
    const ctx = contexts.get(worker)!;
    const product = [...ctx.products.values()].find((p) => p.stock >= 1)!;
    const created = await readAnswer(
      await fetch(`${worker.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await customerAuthorization() },
        body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }),
      }),
    );
    expect(created.status).toBe(201);
    const order = created.body as { id: string; totalNano: string; payment: { address: string; payload: string } };
    // The wallet pays, and the app is closed before it reports the BOC: only the reconciler can find it.
    const wallet = await services.chain.createDevWallet();
    await services.chain.sendTransaction(wallet.id, {
      messages: [{ address: order.payment.address, amount: order.totalNano, payload: order.payment.payload }],
      validUntil: Math.floor(Date.now() / 1000) + 300,
    });

    expect(await worker.scheduled!()).toMatchObject({ outcome: 'ok' });

    const after = await readAnswer(await fetch(`${worker.url}/api/orders/${order.id}`, { headers: { authorization: await customerAuthorization() } }));
    expect(after.body).toMatchObject({ status: 'paid' });
    expect(worker.loggedErrors).toEqual([]);
  });
});

import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../functions/adapters/db/connect';
import { TEST_BOT_TOKEN, TEST_CRON_SECRET } from '../../support/test-app';
import { buildWorkerBundle } from './support/build-worker';
import { normalizeAnswer, readAnswer, shapeOf, type Answer } from './support/compare-answers';
import { writeFixtureSite } from './support/fixture-site';
import { customerAuthorization, HTTP_CASES, type CaseContext } from './support/http-cases';
import { startLoopbackServices, type LoopbackServices } from './support/loopback-services';
import { prepareDatabase, type PreparedDatabase } from './support/server-database';
import { startNetlifyTarget, startNodeTarget, startVercelTarget, startWorkerTarget, type PlatformTarget } from './support/targets';

// Node's server, the Cloudflare Worker in workerd, and the Vercel and Netlify functions get the same
// requests and must give the same answers (modulo ids and times). The Worker has no embedded database:
// workerd reaches the PostgreSQL server through cloudflare:sockets, so it runs only with DATABASE_URL
// (.ci/run's PostgreSQL step); the others run either way, the functions on PGlite handed in.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn('workerd run skipped: it needs the PostgreSQL server (DATABASE_URL), as in .ci/run’s PostgreSQL step');

let services: LoopbackServices;
let siteDir: string;
let workerDir: string | undefined;
const databases: PreparedDatabase[] = [];
const targets: PlatformTarget[] = [];
const contexts = new Map<PlatformTarget, CaseContext>();

/** The settings every host runs with; only the database differs. */
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

async function freshDatabase(): Promise<PreparedDatabase> {
  const database = await prepareDatabase({ serverUrl });
  databases.push(database);
  return database;
}

/** The functions' database: their own pool on DATABASE_URL, or the prepared PGlite folder opened here. */
async function functionDatabase() {
  const database = await freshDatabase();
  return { env: { ...sharedEnv(), ...database.env }, handle: serverUrl ? null : await openDatabase(database.options) };
}

beforeAll(async () => {
  services = await startLoopbackServices();
  siteDir = await writeFixtureSite();
  targets.push(await startNodeTarget({ ...sharedEnv(), ...(await freshDatabase()).env, STATIC_DIR: siteDir }));
  if (serverUrl) {
    const scriptPath = await buildWorkerBundle();
    workerDir = dirname(scriptPath);
    targets.push(await startWorkerTarget({ scriptPath, assetsDir: siteDir, env: { ...sharedEnv(), ...(await freshDatabase()).env } }));
  }
  const vercel = await functionDatabase();
  targets.push(startVercelTarget(vercel.env, vercel.handle));
  const netlify = await functionDatabase();
  targets.push(startNetlifyTarget(netlify.env, netlify.handle));
  for (const target of targets) contexts.set(target, { request: target.request, chain: services.chain, products: new Map() });
}, 120_000);

afterAll(async () => {
  for (const target of targets) await target.close();
  for (const database of databases) await database.destroy();
  await services?.close();
  for (const dir of [siteDir, workerDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the same requests get the same answers on Node, workerd, Vercel and Netlify', () => {
  for (const httpCase of HTTP_CASES) {
    it(httpCase.name, async () => {
      const answers = new Map<PlatformTarget['name'], Answer>();
      for (const target of targets) {
        if (httpCase.static && !target.servesStatic) continue;
        const ctx = contexts.get(target)!;
        const answer = await readAnswer(await httpCase.send(ctx));
        const said = `${target.name} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
        expect(answer.status, said).toBe(httpCase.status);
        if (httpCase.code) expect((answer.body as { error?: { code?: string } }).error?.code, said).toBe(httpCase.code);
        await httpCase.check?.(answer, ctx);
        answers.set(target.name, answer);
      }
      const node = answers.get('node')!;
      for (const [name, answer] of answers) {
        if (httpCase.compare === 'answer') expect(normalizeAnswer(answer), `${name} vs node`).toEqual(normalizeAnswer(node));
        if (httpCase.compare === 'shape') expect(shapeOf(answer.body), `${name} vs node`).toEqual(shapeOf(node.body));
      }
    });
  }

  it('logged no error on any host', () => {
    for (const target of targets) expect(target.loggedErrors, target.name).toEqual([]);
    expect(services.bot.unexpected).toEqual([]);
  });
});

describe("each platform's cron runs the scheduled jobs", () => {
  for (const name of ['workerd', 'vercel', 'netlify'] as const) {
    it.skipIf(name === 'workerd' && !serverUrl)(`${name}: a payment the customer never reported marks the order paid`, () =>
      payWithoutTellingTheShopThenRunCron(targets.find((t) => t.name === name)!),
    );
  }
});

/** Creates an order, pays it from a wallet without submitting the BOC, runs the cron, expects it paid. */
async function payWithoutTellingTheShopThenRunCron(target: PlatformTarget) {
  const ctx = contexts.get(target)!;
  const product = [...ctx.products.values()].find((p) => p.stock >= 1)!;
  const auth = { authorization: await customerAuthorization() };
  const created = await readAnswer(
    await target.request('/api/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }),
    }),
  );
  expect(created.status).toBe(201);
  const order = created.body as { id: string; totalMinor: string; payment: { address: string; payload: string } };
  // The wallet pays, and the app is closed before it reports the BOC: only the reconciler can find it.
  const wallet = await services.chain.createDevWallet();
  await services.chain.sendTransaction(wallet.id, {
    messages: [{ address: order.payment.address, amount: order.totalMinor, payload: order.payment.payload }],
    validUntil: Math.floor(Date.now() / 1000) + 300,
  });

  await target.runScheduled!();

  const after = await readAnswer(await target.request(`/api/orders/${order.id}`, { headers: auth }));
  expect(after.body).toMatchObject({ status: 'paid' });
  expect(target.loggedErrors).toEqual([]);
}

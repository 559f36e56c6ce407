// Load benchmark: the real Node server (`functions/platforms/node.ts`, one process per instance) driven
// over loopback by autocannon. Two workloads, catalog reads and order creations, on:
//   - embedded PGlite, one instance (PGlite lives inside one process: it cannot be shared);
//   - the PostgreSQL server, one instance, then two instances on the same database.
// Prints req/s, p50/p99 latency and the error count (non-2xx responses, socket errors, timeouts), which
// must be 0. The figures are recorded in docs/performance.md. The load generator shares the machine's
// cores with the servers, so scaling past the core count is not expected here.
//
// Run: npx tsx bench/load.bench.ts   (BENCH_LOAD_SECONDS=8, BENCH_LOAD_CONNECTIONS=32,
//      BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to find the server; skipped if absent)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { nodeCrypto } from '../functions/adapters/crypto/node-crypto';
import { openDatabase, type DatabaseOptions } from '../functions/adapters/db/connect';
import { migrateDatabase } from '../functions/adapters/db/migrate';
import { productVariants } from '../functions/adapters/db/schema';
import { seedDemoCatalogIfEmpty } from '../functions/adapters/db/seed-demo-catalog';
import { signInitData } from '../functions/core/init-data/sign-init-data';
import { startShopServer, type ShopServer } from '../test/e2e/support/server';

const BOT_TOKEN = '7000000010:AAload-bench-token-for-bazaar-servers';
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 32);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'bazaar_load_bench';
/** Distinct customers per order workload: more than the orders one workload places at these rates. */
const CUSTOMER_POOL = Number(process.env.BENCH_LOAD_CUSTOMERS ?? 5000);
let nextCustomerBase = 5_000_000;

interface Figures {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

/** Migrates and seeds, then gives every product stock enough for the whole run. */
async function prepareDatabase(options: DatabaseOptions): Promise<void> {
  const handle = await openDatabase(options);
  try {
    await migrateDatabase(handle);
    await seedDemoCatalogIfEmpty(handle.db);
    await handle.db
      .update(productVariants)
      .set({ stock: 10_000_000 })
      .where(sql`true`);
  } finally {
    await handle.close();
  }
}

/** The real server (what `npm start` runs), its settings for this benchmark on top of `database`. */
function startInstance(database: Record<string, string>): Promise<ShopServer> {
  return startShopServer({
    botToken: BOT_TOKEN,
    staticDir: 'dist',
    env: { ...database, DEMO_CATALOG: 'true', ORDER_TTL_SECONDS: '3600', RECONCILE_INTERVAL_SECONDS: '60' },
  });
}

async function stopInstance(instance: ShopServer): Promise<void> {
  // autocannon returns at its deadline with requests still in flight: let the server finish them.
  await new Promise((r) => setTimeout(r, 1000));
  await instance.stop();
}

/** Runs one autocannon per instance at once (connections split between them) and sums the figures. */
async function drive(
  label: string,
  urls: string[],
  request: { path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; customers?: string[] },
): Promise<Figures> {
  let nextCustomer = 0;
  const customers = request.customers;
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: url + request.path,
        method: request.method ?? 'GET',
        headers: request.headers ?? {},
        ...(request.body !== undefined && { body: request.body }),
        ...(customers && {
          requests: [
            {
              setupRequest: (req: { headers?: Record<string, string> }) => ({
                ...req,
                headers: { ...req.headers, authorization: customers[nextCustomer++ % customers.length]! },
              }),
            },
          ],
        }),
        connections: Math.max(1, Math.floor(CONNECTIONS / urls.length)),
        duration: SECONDS,
      }),
    ),
  );
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    label,
    requestsPerSecond: results.reduce((n, r) => n + r.requests.average, 0),
    // Latency percentiles are per generator; with two, report the slower one (the honest bound).
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
    total,
  };
}

async function runWorkloads(label: string, urls: string[]): Promise<Figures[]> {
  // A spike is many customers at once, not one customer ordering a thousand times (the shop caps one
  // customer's open orders and order rate): every order creation is signed as the next of a pool of
  // customers, each of whom places at most one order per workload at the rates seen here.
  const customers = await Promise.all(
    Array.from(
      { length: CUSTOMER_POOL },
      async (_, i) =>
        `tma ${await signInitData({
          fields: { user: JSON.stringify({ id: nextCustomerBase + i, first_name: 'Load' }), auth_date: String(Math.floor(Date.now() / 1000)) },
          botToken: BOT_TOKEN,
          crypto: nodeCrypto,
        })}`,
    ),
  );
  nextCustomerBase += CUSTOMER_POOL;
  const catalog = (await (await fetch(`${urls[0]}/api/catalog`)).json()) as { products: { id: string }[] };
  const [first, second] = catalog.products;
  if (!first || !second) throw new Error('the demo catalog is empty');
  // The demo shop delivers physical goods: each order is picked up at the shop's first pickup point, as a
  // customer choosing pickup at checkout sends it (docs/api.md, POST /api/orders).
  const { methods } = (await (await fetch(`${urls[0]}/api/delivery-methods`)).json()) as {
    methods: { id: string; kind: string; points?: { id: string }[] }[];
  };
  const pickup = methods.find((method) => method.kind === 'pickup' && method.points?.length);
  const order = JSON.stringify({
    items: [
      { productId: first.id, quantity: 1 },
      { productId: second.id, quantity: 2 },
    ],
    ...(pickup && { delivery: { methodId: pickup.id, pickupPointId: pickup.points![0]!.id } }),
  });
  const figures = [await drive(`${label}: catalog reads`, urls, { path: '/api/catalog' })];
  figures.push(
    await drive(`${label}: order creations`, urls, {
      path: '/api/orders',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: order,
      customers,
    }),
  );
  return figures;
}

async function postgresReachable(): Promise<boolean> {
  const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await admin`select 1`;
    await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.unsafe(`create database ${BENCH_DB}`);
    return true;
  } catch (error) {
    console.log(`PostgreSQL server not usable at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}): skipping its scenarios.`);
    return false;
  } finally {
    await admin.end({ timeout: 2 });
  }
}

const all: Figures[] = [];
console.log(`Load: ${SECONDS} s per workload, ${CONNECTIONS} connections in all, over loopback.`);

// 1. PGlite, one instance.
const dataDir = await mkdtemp(join(tmpdir(), 'bazaar-load-'));
try {
  await prepareDatabase({ driver: 'pglite', dataDir });
  const instance = await startInstance({ DATA_DIR: dataDir });
  try {
    all.push(...(await runWorkloads('PGlite ×1', [instance.url])));
  } finally {
    await stopInstance(instance);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

// 2. The PostgreSQL server, one instance then two on the same database.
if (await postgresReachable()) {
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${BENCH_DB}`;
  await prepareDatabase({ driver: 'postgres', url: databaseUrl.toString() });
  for (const count of [1, 2]) {
    const instances = await Promise.all(Array.from({ length: count }, () => startInstance({ DATABASE_URL: databaseUrl.toString() })));
    try {
      all.push(
        ...(await runWorkloads(
          `PostgreSQL ×${count}`,
          instances.map((i) => i.url),
        )),
      );
    } finally {
      await Promise.all(instances.map(stopInstance));
    }
  }
}

console.log('\n| scenario | req/s | p50 ms | p99 ms | errors | requests |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const f of all) {
  console.log(`| ${f.label} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.errors} | ${f.total} |`);
}
const failed = all.filter((f) => f.errors > 0);
if (failed.length > 0) {
  console.log(`\nERRORS under load in: ${failed.map((f) => f.label).join(', ')}`);
  process.exitCode = 1;
}

// Orders against their floor (#14): `POST /api/orders` on the real Node server (its own process) on the
// PostgreSQL server, versus a raw-SQL client (postgres.js, the server's pool size) issuing exactly the
// statements one order makes, in the same transactions, at the same concurrency, in the same run. The
// statements are not written out by hand: a shop instance is pointed at a capturing proxy
// (bench/support/pg-capture-proxy.ts) and two customers' orders are recorded; the per-order values
// (ids, customer, codes, times) are what differs between the two (bench/support/replay-order.ts).
// Then: orders for disjoint products on one instance, and on two (each instance its own products).
//
// Run: npx tsx bench/orders-floor.bench.ts   (BENCH_ORDERS_SECONDS=5, BENCH_ORDERS_CONNECTIONS=16,
//      BENCH_DATABASE_URL or DATABASE_URL names the PostgreSQL server, default postgres://postgres@127.0.0.1:5432/postgres;
//      skipped when it is unreachable)
import autocannon from 'autocannon';
import postgres from 'postgres';
import { nodeCrypto } from '../functions/adapters/crypto/node-crypto';
import { signInitData } from '../functions/core/init-data/sign-init-data';
import { startShopServer, type ShopServer } from '../test/e2e/support/server';
import { startCaptureProxy } from './support/pg-capture-proxy';
import { replayOrder, templateOf } from './support/replay-order';
import { createScratchShopDatabase, dropScratchDatabase } from './support/scratch-database';

const BOT_TOKEN = '7000000014:AAorders-floor-bench-token-for-bazaar';
const SECONDS = Number(process.env.BENCH_ORDERS_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_ORDERS_CONNECTIONS ?? 16);
/** The Node server's pool (adapters/db/connect-postgres.ts, its default). */
const SERVER_POOL = 10;
const BENCH_DB = 'bazaar_orders_floor';
const TARGET = 0.5;
const WARM_UP_SECONDS = 1;
let nextCustomer = 6_000_000;

async function customerAuth(): Promise<string> {
  const initData = await signInitData({
    fields: { user: JSON.stringify({ id: nextCustomer++, first_name: 'Floor' }), auth_date: String(Math.floor(Date.now() / 1000)) },
    botToken: BOT_TOKEN,
    crypto: nodeCrypto,
  });
  return `tma ${initData}`;
}

function startInstance(databaseUrl: string): Promise<ShopServer> {
  return startShopServer({
    botToken: BOT_TOKEN,
    staticDir: 'dist',
    env: { DATABASE_URL: databaseUrl, DEMO_CATALOG: 'true', ORDER_TTL_SECONDS: '3600', RECONCILE_INTERVAL_SECONDS: '600' },
  });
}

/** An order body for two variants, picked up at the shop's first pickup point. */
async function orderBody(url: string, variantIds: [string, string]): Promise<string> {
  const { methods } = (await (await fetch(`${url}/api/delivery-methods`)).json()) as {
    methods: { id: string; kind: string; points?: { id: string }[] }[];
  };
  const pickup = methods.find((method) => method.kind === 'pickup' && method.points?.length);
  return JSON.stringify({
    items: [
      { variantId: variantIds[0], quantity: 1 },
      { variantId: variantIds[1], quantity: 2 },
    ],
    ...(pickup && { delivery: { methodId: pickup.id, pickupPointId: pickup.points![0]!.id } }),
  });
}

async function placeOrder(url: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/orders`, {
    method: 'POST',
    headers: { authorization: await customerAuth(), 'content-type': 'application/json' },
    body,
  });
  if (res.status !== 201) throw new Error(`capture order answered ${res.status}: ${await res.text()}`);
}

/** autocannon on each (url, body) at once, connections split; each request signed as a new customer. */
async function driveOrders(
  targets: { url: string; body: string }[],
  customers: string[],
  seconds = SECONDS,
): Promise<{ perSecond: number; p50: number; p99: number; errors: number }> {
  let next = 0;
  const results = await Promise.all(
    targets.map(({ url, body }) =>
      autocannon({
        url: `${url}/api/orders`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: Math.max(1, Math.floor(CONNECTIONS / targets.length)),
        duration: seconds,
        requests: [
          {
            setupRequest: (req: { headers?: Record<string, string> }) => ({
              ...req,
              headers: { ...req.headers, authorization: customers[next++ % customers.length]! },
            }),
          },
        ],
      }),
    ),
  );
  return {
    perSecond: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  };
}

async function signedCustomers(count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, () => customerAuth()));
}

/** CONNECTIONS loops replaying one order after another for SECONDS: orders per second. */
async function driveRaw(sql: postgres.Sql, template: ReturnType<typeof templateOf>, seconds = SECONDS): Promise<{ perSecond: number; errors: number }> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  let firstError: unknown = null;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        try {
          await replayOrder(sql, template);
          done++;
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError) console.log(`raw replay error (first of ${errors}): ${(firstError as Error).message}`);
  return { perSecond: done / ((Date.now() - started) / 1000), errors };
}

async function stop(instances: ShopServer[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  await Promise.all(instances.map((i) => i.stop()));
}

const databaseUrl = await createScratchShopDatabase(BENCH_DB, 'the orders floor');
if (databaseUrl) {
  const direct = new URL(databaseUrl);
  console.log(`Orders vs raw SQL: ${SECONDS} s per run, ${CONNECTIONS} concurrent in all, PostgreSQL server, pool ${SERVER_POOL}.`);

  // 1. What one order runs: an instance behind the capturing proxy, a warm-up order, then two customers'.
  const proxy = await startCaptureProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(databaseUrl);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const capturing = await startInstance(viaProxy.toString());
  const catalog = (await (await fetch(`${capturing.url}/api/catalog`)).json()) as { products: { variants: { id: string }[] }[] };
  // The first variant of four products: each order locks two variant rows, the two pairs none in common.
  const ids = catalog.products.flatMap((p) => p.variants.slice(0, 1).map((v) => v.id));
  if (ids.length < 4) throw new Error('the demo catalog has fewer than 4 products');
  const body = await orderBody(capturing.url, [ids[0]!, ids[1]!]);
  // Warm-up: every pooled connection prepares each statement once (postgres.js waits for a statement's
  // first Parse before sending the next one; prepared, they are pipelined), as in a server that has run a while.
  for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: SERVER_POOL * 2 }, () => placeOrder(capturing.url, body)));
  proxy.take();
  const capturedAtMs = Date.now();
  await placeOrder(capturing.url, body);
  const first = proxy.take();
  await placeOrder(capturing.url, body);
  const second = proxy.take();
  await stop([capturing]);
  await proxy.close();
  const template = templateOf(first, second, capturedAtMs);
  const inTransaction = template.statements.filter((s, i, all) => {
    const opened = all.slice(0, i).filter((t) => t.connection === s.connection && /^\s*begin\b/i.test(t.query)).length;
    const closed = all.slice(0, i + 1).filter((t) => t.connection === s.connection && /^\s*(commit|rollback)\b/i.test(t.query)).length;
    return opened > closed || /^\s*(begin|commit|rollback)\b/i.test(s.query);
  }).length;
  console.log(`\nOne order runs ${template.statements.length} statements (${inTransaction} of them in its transaction, begin and commit counted):`);
  for (const s of template.statements) console.log(`  [conn ${s.connection}, wave ${s.wave}] ${s.query.replace(/\s+/g, ' ').slice(0, 150)}`);

  // 2. The shop, then the raw replay, same concurrency.
  const one = await startInstance(databaseUrl);
  // 1 s of warm-up each (JIT, pool connections opened), not counted.
  await driveOrders([{ url: one.url, body }], await signedCustomers(2_000), WARM_UP_SECONDS);
  const shop = await driveOrders([{ url: one.url, body }], await signedCustomers(20_000));
  const raw = postgres(databaseUrl, { max: SERVER_POOL, onnotice: () => {} });
  // Parameters arrive as the text the shop sent: no client-side conversion (postgres.js types.js).
  for (const key of Object.keys(raw.options.serializers)) delete raw.options.serializers[Number(key)];
  await driveRaw(raw, template, WARM_UP_SECONDS);
  const floor = await driveRaw(raw, template);
  await raw.end({ timeout: 5 });

  // 3. Disjoint products: one instance taking both halves of the load, then one instance per half.
  const bodies = [body, await orderBody(one.url, [ids[2]!, ids[3]!])];
  await placeOrder(one.url, bodies[1]!);
  const oneDisjoint = await driveOrders(
    bodies.map((b) => ({ url: one.url, body: b })),
    await signedCustomers(20_000),
  );
  const twoStart = await startInstance(databaseUrl);
  await driveOrders([{ url: twoStart.url, body: bodies[1]! }], await signedCustomers(2_000), WARM_UP_SECONDS);
  const twoDisjoint = await driveOrders(
    [
      { url: one.url, body: bodies[0]! },
      { url: twoStart.url, body: bodies[1]! },
    ],
    await signedCustomers(20_000),
  );
  await stop([one, twoStart]);

  const ratio = shop.perSecond / floor.perSecond;
  console.log('\n| scenario | orders/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| shop ×1: POST /api/orders | ${shop.perSecond.toFixed(0)} | ${shop.p50} | ${shop.p99} | ${shop.errors} |`);
  console.log(`| raw SQL, same statements | ${floor.perSecond.toFixed(0)} | | | ${floor.errors} |`);
  console.log(
    `| shop ×1, two disjoint product pairs | ${oneDisjoint.perSecond.toFixed(0)} | ${oneDisjoint.p50} | ${oneDisjoint.p99} | ${oneDisjoint.errors} |`,
  );
  console.log(`| shop ×2, one pair per instance | ${twoDisjoint.perSecond.toFixed(0)} | ${twoDisjoint.p50} | ${twoDisjoint.p99} | ${twoDisjoint.errors} |`);
  console.log(`\nshop / raw SQL: ${(ratio * 100).toFixed(0)} % (${ratio >= TARGET ? 'meets' : 'BELOW'} the ≥ ${TARGET * 100} % of #14)`);
  console.log(`two instances / one, disjoint products: ${((twoDisjoint.perSecond / oneDisjoint.perSecond) * 100).toFixed(0)} %`);
  if (floor.perSecond === 0) process.exitCode = 1;
  if (shop.errors + floor.errors + oneDisjoint.errors + twoDisjoint.errors > 0) process.exitCode = 1;

  await dropScratchDatabase(BENCH_DB);
}

// A spike (#14): 2,000 customers open the shop within 60 s, as after a channel post, against one Node
// server (functions/platforms/node.ts, its own process) on the PostgreSQL server. Arrivals are an open
// model: each customer arrives at a random time (a Poisson process at 2,000 / 60 s) whatever the state of
// the earlier ones, so a slow server meets a growing crowd rather than a politely waiting one. Each
// customer opens the catalog, then two product pages one after the other; one in ten then places an
// order for one of them, signed in with their own Mini App initData. Prints p50/p99 per kind of request
// and the errors (non-2xx, failed or timed-out requests); #14's target is p99 < 500 ms with 0 errors.
//
// Run: npx tsx bench/spike.bench.ts [--short]   (--short: 600 customers in 20 s, for CI;
//      BENCH_DATABASE_URL or DATABASE_URL names the PostgreSQL server, default postgres://postgres@127.0.0.1:5432/postgres;
//      skipped when it is unreachable)
import { nodeCrypto } from '../functions/adapters/crypto/node-crypto';
import { signInitData } from '../functions/core/init-data/sign-init-data';
import { startShopServer } from '../test/e2e/support/server';
import { createScratchShopDatabase, dropScratchDatabase } from './support/scratch-database';

const SHORT = process.argv.includes('--short');
const CUSTOMERS = Number(process.env.BENCH_SPIKE_CUSTOMERS ?? (SHORT ? 600 : 2000));
const SECONDS = Number(process.env.BENCH_SPIKE_SECONDS ?? (SHORT ? 20 : 60));
const ORDER_SHARE = 0.1;
const TIMEOUT_MS = 10_000;
const TARGET_P99_MS = 500;
const BENCH_DB = 'bazaar_spike_bench';
const BOT_TOKEN = '7000000015:AAspike-bench-token-for-bazaar-shop';

type Kind = 'catalog' | 'product' | 'order';
const latencies: Record<Kind, number[]> = { catalog: [], product: [], order: [] };
const errors: Record<Kind, number> = { catalog: 0, product: 0, order: 0 };
const firstErrors: string[] = [];

async function timed(kind: Kind, url: string, init: RequestInit = {}, expected = 200): Promise<Response | null> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = await res.text();
    latencies[kind].push(performance.now() - started);
    if (res.status !== expected) {
      errors[kind]++;
      if (firstErrors.length < 5) firstErrors.push(`${kind}: ${res.status} ${body.slice(0, 200)}`);
    }
    return res;
  } catch (error) {
    errors[kind]++;
    if (firstErrors.length < 5) firstErrors.push(`${kind}: ${(error as Error).message}`);
    return null;
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const databaseUrl = await createScratchShopDatabase(BENCH_DB, 'the spike');
if (databaseUrl) {
  const server = await startShopServer({
    botToken: BOT_TOKEN,
    staticDir: 'dist',
    env: { DATABASE_URL: databaseUrl, DEMO_CATALOG: 'true', ORDER_TTL_SECONDS: '3600' },
  });
  try {
    const base = server.url;
    const catalog = (await (await fetch(`${base}/api/catalog?locale=en`)).json()) as { products: { slug: string; kind: string; variants: { id: string }[] }[] };
    const products = catalog.products.filter((p) => p.variants.length > 0);
    const { methods } = (await (await fetch(`${base}/api/delivery-methods`)).json()) as {
      methods: { id: string; kind: string; points?: { id: string }[] }[];
    };
    const pickup = methods.find((method) => method.kind === 'pickup' && method.points?.length);
    // Who orders, and their initData, decided before the clock starts (signing is not the server's work).
    const customers = await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, i) => ({
        arriveAtMs: 0,
        pages: [products[Math.floor(Math.random() * products.length)]!, products[Math.floor(Math.random() * products.length)]!],
        auth:
          Math.random() < ORDER_SHARE
            ? `tma ${await signInitData({
                fields: { user: JSON.stringify({ id: 8_000_000 + i, first_name: 'Spike' }), auth_date: String(Math.floor(Date.now() / 1000)) },
                botToken: BOT_TOKEN,
                crypto: nodeCrypto,
              })}`
            : null,
      })),
    );
    // Poisson arrivals at CUSTOMERS / SECONDS, scaled so the last one arrives within the window.
    let at = 0;
    for (const customer of customers) customer.arriveAtMs = at += -Math.log(1 - Math.random());
    for (const customer of customers) customer.arriveAtMs *= (SECONDS * 1000) / (at * (1 + 1 / CUSTOMERS));

    console.log(`Spike: ${CUSTOMERS} customers arriving over ${SECONDS} s (open model), ${ORDER_SHARE * 100} % ordering, one Node instance on PostgreSQL.`);
    const started = performance.now();
    await Promise.all(
      customers.map(async (customer) => {
        await new Promise((r) => setTimeout(r, customer.arriveAtMs));
        await timed('catalog', `${base}/api/catalog?locale=en`, { headers: { 'accept-encoding': 'gzip' } });
        for (const page of customer.pages) await timed('product', `${base}/api/products/${page.slug}?locale=en`, { headers: { 'accept-encoding': 'gzip' } });
        if (customer.auth) {
          await timed(
            'order',
            `${base}/api/orders`,
            {
              method: 'POST',
              headers: { authorization: customer.auth, 'content-type': 'application/json' },
              body: JSON.stringify({
                items: [{ variantId: customer.pages[0]!.variants[0]!.id, quantity: 1 }],
                // Physical goods are picked up at the shop's point; digital ones ask for no delivery.
                ...(pickup && customer.pages[0]!.kind === 'physical' && { delivery: { methodId: pickup.id, pickupPointId: pickup.points![0]!.id } }),
              }),
            },
            201,
          );
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    console.log('\n| request | count | p50 ms | p99 ms | max ms | errors |');
    console.log('|---|---:|---:|---:|---:|---:|');
    let worstP99 = 0;
    let allErrors = 0;
    for (const kind of ['catalog', 'product', 'order'] as const) {
      const values = latencies[kind];
      const p99 = percentile(values, 99);
      worstP99 = Math.max(worstP99, p99);
      allErrors += errors[kind];
      console.log(
        `| ${kind} | ${values.length} | ${percentile(values, 50).toFixed(0)} | ${p99.toFixed(0)} | ${Math.max(...values).toFixed(0)} | ${errors[kind]} |`,
      );
    }
    console.log(
      `\nall customers done after ${elapsed.toFixed(1)} s; worst p99 ${worstP99.toFixed(0)} ms (target < ${TARGET_P99_MS}), ${allErrors} errors (target 0)`,
    );
    if (firstErrors.length > 0) console.log(`first errors: ${firstErrors.join('; ')}`);
    if (allErrors > 0) process.exitCode = 1;
    const logged = server.loggedErrors();
    if (logged.length > 0) console.log(`server logged errors: ${JSON.stringify(logged).slice(0, 500)}`);
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await server.stop();
    await dropScratchDatabase(BENCH_DB);
  }
}

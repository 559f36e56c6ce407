// Catalog reads against their floor (#14): `GET /api/catalog` and `GET /api/products/:slug` on the real
// Node server (functions/platforms/node.ts, its own process), then on a bare Hono app (also its own
// process, bench/support/bare-hono-server.ts) answering the very bytes and headers the shop answered
// (gzip where the shop gzips: bodies of 1 KB and more; ETag, Cache-Control, Vary), driven alike by autocannon in the same run: 20 connections, the
// Mini App's `?locale=en`, `Accept-Encoding: gzip`, no If-None-Match (every answer a full body). Prints
// req/s of both and the ratio, which #14 wants at ≥ 50 %, on PGlite and, when DATABASE_URL names the
// PostgreSQL server, on it too (a database of its own, dropped after).
//
// Run: npx tsx bench/catalog-reads.bench.ts   (BENCH_CATALOG_SECONDS=3 per run, after 1 s of warm-up per path and server, BENCH_CATALOG_CONNECTIONS=20)
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { startShopServer, type ShopServer } from '../test/e2e/support/server';

const SECONDS = Number(process.env.BENCH_CATALOG_SECONDS ?? 3);
/** Per path and server, before any run is counted. */
const WARM_UP_SECONDS = 1;
const CONNECTIONS = Number(process.env.BENCH_CATALOG_CONNECTIONS ?? 20);
const DATABASE_URL = process.env.DATABASE_URL;
const BOT_TOKEN = '7000000013:AAcatalog-bench-token-for-bazaar';
const TARGET = 0.5;
const PATHS = ['/api/catalog?locale=en', '/api/products/espresso-beans?locale=en'];
const CLIENT_HEADERS = { 'accept-encoding': 'gzip' };

interface Recorded {
  path: string;
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

interface Row {
  label: string;
  shop: number;
  bare: number;
  bytes: number;
  encoding: string;
}

/** One answer as it came off the wire: node:http does not decompress, so the gzip bytes are kept. */
function record(base: string, path: string): Promise<Recorded> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { headers: CLIENT_HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary']) {
          const value = res.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        resolve({ path, status: res.statusCode ?? 0, headers, bodyBase64: Buffer.concat(chunks).toString('base64') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function startBare(answers: Recorded[]): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bazaar-bare-'));
  const file = join(dir, 'answers.json');
  await writeFile(file, JSON.stringify(answers));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/bare-hono-server.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening at (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return {
    url,
    async stop() {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** One autocannon run; a non-2xx answer or a socket error makes the figure meaningless, so it throws. */
async function requestsPerSecond(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, headers: CLIENT_HEADERS, connections: CONNECTIONS, duration: seconds });
  const errors = result.errors + result.timeouts + result.non2xx;
  if (errors > 0) throw new Error(`${url}: ${errors} errors under load`);
  return result.requests.average;
}

async function measure(label: string, shop: ShopServer): Promise<Row[]> {
  const answers = await Promise.all(PATHS.map((path) => record(shop.url, path)));
  for (const answer of answers) {
    if (answer.status !== 200) throw new Error(`${answer.path}: expected 200, got ${answer.status}`);
  }
  const bare = await startBare(answers);
  try {
    // A fresh process spends its first seconds compiling (and the shop finishing its start-up jobs): every
    // path is warmed on both servers before anything is counted.
    for (const answer of answers) {
      await requestsPerSecond(bare.url + answer.path, WARM_UP_SECONDS);
      await requestsPerSecond(shop.url + answer.path, WARM_UP_SECONDS);
    }
    const rows: Row[] = [];
    for (const answer of answers) {
      // Floor first, then the shop, on the same warm machine; both servers are idle while the other runs.
      const bareRate = await requestsPerSecond(bare.url + answer.path, SECONDS);
      const shopRate = await requestsPerSecond(shop.url + answer.path, SECONDS);
      rows.push({
        label: `${label}: GET ${answer.path.split('?')[0]}`,
        shop: shopRate,
        bare: bareRate,
        bytes: Buffer.from(answer.bodyBase64, 'base64').length,
        encoding: answer.headers['content-encoding'] ?? 'identity',
      });
    }
    return rows;
  } finally {
    await bare.stop();
  }
}

function start(env: Record<string, string>): Promise<ShopServer> {
  return startShopServer({ botToken: BOT_TOKEN, staticDir: 'does-not-exist', env: { DEMO_CATALOG: 'true', RECONCILE_INTERVAL_SECONDS: '60', ...env } });
}

const rows: Row[] = [];
console.log(
  `Catalog reads vs a bare Hono app: ${SECONDS} s per run after ${WARM_UP_SECONDS} s of warm-up per path and server, ${CONNECTIONS} connections, over loopback.`,
);

const pglite = await start({});
try {
  rows.push(...(await measure('PGlite', pglite)));
} finally {
  await pglite.stop();
}

if (DATABASE_URL) {
  const dbName = `bazaar_catalog_bench_${Date.now().toString(36)}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(DATABASE_URL);
    url.pathname = `/${dbName}`;
    const server = await start({ DATABASE_URL: url.toString() });
    try {
      rows.push(...(await measure('PostgreSQL', server)));
    } finally {
      await server.stop();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end({ timeout: 5 });
  }
} else {
  console.log('DATABASE_URL is not set: the PostgreSQL server runs are skipped.');
}

console.log('\n| scenario | body on the wire | shop req/s | bare Hono req/s | ratio | ≥ 50 % |');
console.log('|---|---:|---:|---:|---:|---|');
for (const row of rows) {
  const ratio = row.shop / row.bare;
  console.log(
    `| ${row.label} | ${row.bytes} B ${row.encoding} | ${row.shop.toFixed(0)} | ${row.bare.toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${ratio >= TARGET ? 'yes' : 'NO'} |`,
  );
}

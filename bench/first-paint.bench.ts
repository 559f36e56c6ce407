// First contentful paint on a throttled phone profile against a naive build of the same stack (#14).
// - The shop: `vite build` (vite.config.ts: Preact, lazy screens, precompressed files) served by the real
//   Node server (functions/platforms/node.ts: the build's .br/.gz by content negotiation, PGlite).
// - The reference: bench/naive/vite.config.ts (React, every import() made eager, no precompression)
//   served by a plain Node http server that gzips on the fly, forwarding the app's paths (/api/*, /media/*,
//   the TON Connect manifest) to the same shop server, so both pages read the same API.
// Each run is a fresh browser context with the cache disabled, 4× CPU throttling, 150 ms latency,
// 200,000 B/s down and 93,750 B/s (750 kbps) up; FCP from performance.getEntriesByName. Runs alternate
// between the two pages (who goes first alternates too); the medians and their ratio are printed with the
// target (≤ 0.5×). It only reports; it exits non-zero only when it could not measure.
//
// What is loaded: the web storefront's first screen (BENCH_FCP_PATH, `/`), and with BENCH_FCP_TELEGRAM=1 also
// a launch the way Telegram's Android client opens the shop (signed initData and theme in the hash, its
// native bridge stubbed as in the e2e suite), where the shop also fetches Telegram's SDK chunk.
//
// Run: npx tsx bench/first-paint.bench.ts   (BENCH_FCP_RUNS=5 per page, BENCH_FCP_PATH=/, BENCH_FCP_TELEGRAM=1)
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { isAppPath } from '../functions/platforms/shared/app-paths';
import { launchChromium } from '../test/e2e/support/chromium';
import { REPO_ROOT } from '../test/e2e/support/paths';
import { startShopServer, type ShopServer } from '../test/e2e/support/server';
import { installTelegramBridge, LIGHT_THEME, signTestInitData, telegramLaunchUrl } from '../test/e2e/support/telegram';

const RUNS = Number(process.env.BENCH_FCP_RUNS ?? 5);
const PATH = process.env.BENCH_FCP_PATH ?? '/';
const WITH_TELEGRAM = process.env.BENCH_FCP_TELEGRAM === '1';
const TARGET_RATIO = 0.5;
const BOT_TOKEN = '7000000014:AAfirst-paint-bench-token-bazaar';
const CPU_SLOWDOWN = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const FCP_TIMEOUT_MS = 30_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

async function viteBuild(outDir: string, config?: string): Promise<void> {
  const args = ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error', ...(config ? ['--config', config] : [])];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'vite'), args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite ${args.join(' ')} exited with ${code}`))));
  });
}

/** The naive host: files from `dir` gzipped on every request (zlib's default level), index.html for routes. */
async function startNaiveServer(dir: string, api: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (isAppPath(pathname)) {
      const upstream = request(new URL(req.url ?? '/', api), { method: req.method, headers: { ...req.headers, host: new URL(api).host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    void (async () => {
      let file = join(dir, normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) file = join(dir, 'index.html');
      const ext = extname(file);
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...(gzip && { 'content-encoding': 'gzip', vary: 'Accept-Encoding' }) });
      const body = createReadStream(file);
      (gzip ? body.pipe(createGzip()) : body).pipe(res);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('naive server: no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/** One cold load of `url` in a fresh context under the phone profile; the FCP in ms. */
async function measureFcp(browser: Browser, url: string, insideTelegram = false): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (insideTelegram) await installTelegramBridge(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'commit' });
    // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
    const fcp = (await page.evaluate(`new Promise((resolve, reject) => {
      const found = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      if (found() !== undefined) return resolve(found());
      new PerformanceObserver(() => found() !== undefined && resolve(found())).observe({ type: 'paint', buffered: true });
      setTimeout(() => reject(new Error('no first-contentful-paint')), ${FCP_TIMEOUT_MS});
    })`)) as number;
    if (process.env.BENCH_FCP_DEBUG) {
      const entries = (await page.evaluate(
        `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseStart), Math.round(e.responseEnd), e.transferSize])`,
      )) as [string, number, number, number, number][];
      console.log(`  ${url}: FCP ${Math.round(fcp)} ms; [name, start, responseStart, end, transfer]:`, JSON.stringify(entries));
    }
    return fcp;
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'bazaar-fcp-'));
  let shop: ShopServer | undefined;
  let naive: Server | undefined;
  let browser: Browser | undefined;
  try {
    const shopDir = join(work, 'shop');
    const naiveDir = join(work, 'naive');
    // The server reads its STATIC_DIR on the first request, so it can start (migrate, seed) meanwhile.
    const starting = startShopServer({ botToken: BOT_TOKEN, staticDir: shopDir });
    starting.catch(() => {});
    await viteBuild(shopDir);
    await viteBuild(naiveDir, 'bench/naive/vite.config.ts');
    shop = await starting;
    const built = Date.now();
    const reference = await startNaiveServer(naiveDir, shop.url);
    naive = reference.server;
    browser = await launchChromium();

    const scenarios: { label: string; insideTelegram: boolean; pages: Record<'shop' | 'naive', string> }[] = [
      { label: `the web storefront, ${PATH}`, insideTelegram: false, pages: { shop: new URL(PATH, shop.url).href, naive: new URL(PATH, reference.url).href } },
    ];
    if (WITH_TELEGRAM) {
      const initData = await signTestInitData({ botToken: BOT_TOKEN, user: { id: 710_000_014, first_name: 'Bench', language_code: 'en' } });
      const launch = (base: string) => telegramLaunchUrl(base, { initData, theme: LIGHT_THEME });
      scenarios.push({ label: 'a launch inside Telegram (Android)', insideTelegram: true, pages: { shop: launch(shop.url), naive: launch(reference.url) } });
    }

    for (const { label, insideTelegram, pages } of scenarios) {
      // One load of each first, not counted: the servers' first answers (catalog snapshot, file reads).
      await measureFcp(browser, pages.shop, insideTelegram);
      await measureFcp(browser, pages.naive, insideTelegram);
      const times: Record<'shop' | 'naive', number[]> = { shop: [], naive: [] };
      for (let run = 0; run < RUNS; run++) {
        const order: ('shop' | 'naive')[] = run % 2 === 0 ? ['shop', 'naive'] : ['naive', 'shop'];
        for (const which of order) times[which].push(await measureFcp(browser, pages[which], insideTelegram));
      }
      const shopMs = median(times.shop);
      const naiveMs = median(times.naive);
      const ratio = shopMs / naiveMs;
      const list = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
      console.log(`First contentful paint of ${label}, 4× CPU, 150 ms, 200,000 B/s down, cache off, median of ${RUNS} alternating runs:`);
      console.log(`  shop (its build on the Node server, precompressed):  ${Math.round(shopMs)} ms  [${list(times.shop)}]`);
      console.log(`  naive eager build, on-the-fly gzip:                   ${Math.round(naiveMs)} ms  [${list(times.naive)}]`);
      console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'MEETS TARGET' : 'MISSES TARGET'}`);
    }
    console.log(`first-paint: ${((Date.now() - started) / 1000).toFixed(1)} s in all (${((built - started) / 1000).toFixed(1)} s building)`);
  } finally {
    await browser?.close();
    naive?.close();
    await shop?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('first-paint bench could not measure:', error);
  process.exitCode = 1;
});

import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare, type WorkerOptions } from 'miniflare';
import type { DatabaseHandle } from '../../../../functions/adapters/db/connect';
import { loadConfig } from '../../../../functions/config';
import { createNetlifyApiEntry, createNetlifyScheduledEntry } from '../../../../functions/platforms/netlify';
import { startNodeServer } from '../../../../functions/platforms/node/start-server';
import { openServerlessDatabase, type ServerlessOptions } from '../../../../functions/platforms/shared/serverless-shop';
import { createVercelEntry } from '../../../../functions/platforms/vercel';
import { REPO_ROOT } from './build-worker';
import { readWranglerToml } from './wrangler-toml';

/** The origin serverless handlers see in their Requests, as behind the platform's CDN. */
export const FUNCTION_ORIGIN = 'https://shop.example';

/** One way of running the shop. */
export interface PlatformTarget {
  name: 'node' | 'workerd' | 'vercel' | 'netlify';
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Whether it serves the built Mini App itself (Vercel and Netlify leave that to their CDN). */
  servesStatic: boolean;
  /** Errors the shop logged (an unexpected 500, a failed job): a test expects none. */
  loggedErrors: string[];
  /** One run of the scheduled jobs the way the platform's cron starts it (none for Node: intervals). */
  runScheduled?: () => Promise<void>;
  close(): Promise<void>;
}

const overHttp = (url: string) => (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);

/** The Node server (`npm start`'s startNodeServer) in this process, on a free loopback port. */
export async function startNodeTarget(env: Record<string, string>): Promise<PlatformTarget> {
  const loggedErrors: string[] = [];
  const server = await startNodeServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', ...env }), {
    info: () => {},
    warn: () => {},
    error: (message, error) => loggedErrors.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return { name: 'node', request: overHttp(server.url), servesStatic: true, loggedErrors, close: () => server.close() };
}

/** Bindings wrangler.toml leaves commented out (a bucket, Hyperdrive), which a test may turn on. */
export type WorkerBindings = Pick<WorkerOptions, 'r2Buckets' | 'hyperdrives'>;

/**
 * The Worker bundle in workerd through Miniflare, configured from the checked-in wrangler.toml
 * (compatibility date and flags, the assets binding and its routing, vars), with `env` as its secrets
 * and `bindings` as the optional bindings. `miniflare` reaches those bindings from the test.
 */
export async function startWorkerTarget(options: {
  scriptPath: string;
  assetsDir: string;
  env: Record<string, string>;
  bindings?: WorkerBindings;
}): Promise<PlatformTarget & { miniflare: Miniflare }> {
  const wrangler = readWranglerToml(join(REPO_ROOT, 'wrangler.toml'));
  const loggedErrors: string[] = [];
  let output = '';
  const mf = new Miniflare({
    modules: true,
    scriptPath: options.scriptPath,
    // Module names are paths relative to this root; the bundle is built outside the repository.
    modulesRoot: dirname(options.scriptPath),
    compatibilityDate: wrangler.compatibilityDate,
    compatibilityFlags: wrangler.compatibilityFlags,
    bindings: { ...wrangler.vars, ...options.env },
    ...options.bindings,
    assets: {
      directory: options.assetsDir,
      binding: wrangler.assets.binding,
      routerConfig: { has_user_worker: true, static_routing: { user_worker: wrangler.assets.runWorkerFirst } },
      assetConfig: { not_found_handling: wrangler.assets.notFoundHandling as 'single-page-application' },
    },
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The Worker's console.error (the app's logger) lands here; nothing else writes to it.
        loggedErrors.push(chunk.toString());
      });
    },
  });
  const url = await mf.ready.then(
    (ready) => ready.toString().replace(/\/$/, ''),
    (error: unknown) => {
      throw new Error(`workerd did not start: ${String(error)}\n${output}`);
    },
  );
  return {
    name: 'workerd',
    miniflare: mf,
    request: overHttp(url),
    servesStatic: true,
    loggedErrors,
    async runScheduled() {
      // Miniflare types its Fetcher from @cloudflare/workers-types, which is not installed here.
      const worker = (await mf.getWorker()) as unknown as { scheduled(event: { cron: string }): Promise<{ outcome: string }> };
      const { outcome } = await worker.scheduled({ cron: wrangler.crons[0] ?? '* * * * *' });
      if (outcome !== 'ok') throw new Error(`scheduled() ended with outcome ${outcome}`);
    },
    close: () => mf.dispose(),
  };
}

/**
 * Options for a serverless entry as the platform would run it: its environment, and its database opened
 * the production way (DATABASE_URL → openServerlessDatabase) — or, without a PostgreSQL server, an
 * embedded one handed in, since the entries refuse to open one themselves. Opened handles are kept to
 * be closed after the tests (a function instance never closes its pool).
 */
function serverlessOptions(env: Record<string, string>, embedded: DatabaseHandle | null, loggedErrors: string[], opened: DatabaseHandle[]): ServerlessOptions {
  return {
    env,
    openDatabase: (config) => {
      const handle = embedded ?? openServerlessDatabase(config);
      if (!opened.includes(handle)) opened.push(handle);
      return handle;
    },
    logger: { error: (message, error) => loggedErrors.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`) },
  };
}

async function closeAll(opened: DatabaseHandle[]): Promise<void> {
  for (const handle of opened.splice(0)) await handle.close();
}

const inProcess = (handler: (request: Request) => Promise<Response>) => (path: string, init?: RequestInit) =>
  handler(new Request(`${FUNCTION_ORIGIN}${path}`, init));

/** Vercel's function (functions/platforms/vercel.ts, bundled by build:vercel) called with real Requests; its cron is GET /api/cron/run with the secret. */
export function startVercelTarget(env: Record<string, string>, database: DatabaseHandle | null): PlatformTarget {
  const loggedErrors: string[] = [];
  const opened: DatabaseHandle[] = [];
  const entry = createVercelEntry(serverlessOptions(env, database, loggedErrors, opened));
  const request = inProcess(entry.fetch);
  return {
    name: 'vercel',
    request,
    servesStatic: false,
    loggedErrors,
    async runScheduled() {
      // What Vercel Cron sends: GET on the path in .vercel/output/config.json's crons, CRON_SECRET as a Bearer token.
      const res = await request('/api/cron/run', { headers: { authorization: `Bearer ${env.CRON_SECRET}` } });
      if (res.status !== 200) throw new Error(`GET /api/cron/run answered ${res.status}: ${await res.text()}`);
    },
    close: () => closeAll(opened),
  };
}

/** Netlify's functions (netlify/functions/api.ts and scheduled.ts) called as Netlify calls them. */
export function startNetlifyTarget(env: Record<string, string>, database: DatabaseHandle | null): PlatformTarget {
  const loggedErrors: string[] = [];
  const opened: DatabaseHandle[] = [];
  const options = serverlessOptions(env, database, loggedErrors, opened);
  const api = createNetlifyApiEntry(options);
  const scheduled = createNetlifyScheduledEntry(options);
  return {
    name: 'netlify',
    request: inProcess(api),
    servesStatic: false,
    loggedErrors,
    async runScheduled() {
      const res = await scheduled();
      if (res.status !== 200) throw new Error(`the scheduled function answered ${res.status}: ${await res.text()}`);
    },
    close: () => closeAll(opened),
  };
}

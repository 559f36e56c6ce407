import { Miniflare } from 'miniflare';
import { loadConfig } from '../../../../functions/config';
import { startNodeServer } from '../../../../functions/platforms/node/start-server';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { REPO_ROOT } from './build-worker';
import { readWranglerToml } from './wrangler-toml';

/** One way of running the shop, reached over real HTTP at `url`. */
export interface PlatformTarget {
  name: 'node' | 'workerd';
  url: string;
  /** Errors the shop logged (an unexpected 500, a failed job): a test expects none. */
  loggedErrors: string[];
  /** Runs the Worker's `scheduled` handler, as a Cron Trigger does (workerd only). */
  scheduled?: () => Promise<{ outcome: string }>;
  close(): Promise<void>;
}

/** The Node server (`npm start`'s startNodeServer) in this process, on a free loopback port. */
export async function startNodeTarget(env: Record<string, string>): Promise<PlatformTarget> {
  const loggedErrors: string[] = [];
  const server = await startNodeServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', ...env }), {
    info: () => {},
    warn: () => {},
    error: (message, error) => loggedErrors.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return { name: 'node', url: server.url, loggedErrors, close: () => server.close() };
}

/**
 * The Worker bundle in workerd through Miniflare, configured from the checked-in wrangler.toml
 * (compatibility date and flags, the assets binding and its routing, vars), with `env` as its secrets.
 */
export async function startWorkerTarget(options: { scriptPath: string; assetsDir: string; env: Record<string, string> }): Promise<PlatformTarget> {
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
        const text = chunk.toString();
        output += text;
        // The Worker's console.error (the app's logger) lands here; nothing else writes to it.
        loggedErrors.push(text);
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
    url,
    loggedErrors,
    async scheduled() {
      // Miniflare types its Fetcher from @cloudflare/workers-types, which is not installed here.
      const worker = (await mf.getWorker()) as unknown as { scheduled(event: { cron: string }): Promise<{ outcome: string }> };
      return worker.scheduled({ cron: wrangler.crons[0] ?? '* * * * *' });
    },
    close: () => mf.dispose(),
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import netlifyApi, { config as netlifyApiConfig } from '../../../netlify/functions/api';
import netlifyScheduled, { config as netlifyScheduledConfig } from '../../../netlify/functions/scheduled';
import { createServer, type Server } from 'node:http';
import { createVercelEntry, createVercelNodeHandler } from '../../../functions/platforms/vercel';
import { VERCEL_CRONS, VERCEL_FUNCTION_PATH, vercelOutputConfig } from '../../../functions/platforms/vercel/build-output';
import { APP_PATH_PATTERNS, isAppPath } from '../../../functions/platforms/shared/app-paths';
import workerBuild from '../../../vite.worker.config';
import { requestWithHost } from '../../support/http-with-host';
import { TEST_BOT_TOKEN } from '../../support/test-app';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { buildWorkerBundle, REPO_ROOT } from './support/build-worker';
import { writeFixtureSite } from './support/fixture-site';
import { startWorkerTarget, type PlatformTarget } from './support/targets';
import { readToml } from './support/toml';
import { readWranglerToml } from './support/wrangler-toml';

const wrangler = readWranglerToml(join(REPO_ROOT, 'wrangler.toml'));
const vercelJson = JSON.parse(readFileSync(join(REPO_ROOT, 'vercel.json'), 'utf8')) as Record<string, unknown>;
const vercelConfig = vercelOutputConfig();
const netlifyToml = readToml(join(REPO_ROOT, 'netlify.toml')) as {
  build: { publish: string; command: string };
  redirects: { from: string; to: string; status: number }[];
};
const CRON_EXPRESSION = /^(\S+\s+){4}\S+$/;
const NOT_CONFIGURED = { error: { code: 'NOT_CONFIGURED', message: 'The shop is not configured yet.' } };

describe('the paths that reach the app are the same on every platform', () => {
  it.each([
    ['/api/catalog', true],
    ['/api', true],
    ['/media/demo/x.svg', true],
    ['/tonconnect-manifest.json', true],
    ['/', false],
    ['/orders/123', false],
    ['/apiary', false],
    ['/assets/app.js', false],
  ])('%s reaches the app: %s', (path, expected) => {
    expect(isAppPath(path)).toBe(expected);
  });

  it('wrangler.toml sends exactly those to the Worker before the assets', () => {
    expect(wrangler.assets.runWorkerFirst).toEqual([...APP_PATH_PATTERNS]);
  });

  it('netlify/functions/api.ts claims exactly those paths', () => {
    expect(netlifyApiConfig.path).toEqual([...APP_PATH_PATTERNS]);
  });

  it("Vercel's config.json routes exactly those to the function, after the files, and everything else to index.html last", () => {
    const routes = vercelConfig.routes;
    const toFunction = routes.filter((r) => r.dest === VERCEL_FUNCTION_PATH).map((r) => r.src!);
    expect(toFunction).toHaveLength(APP_PATH_PATTERNS.length);
    for (const [path, expected] of [
      ['/api/catalog', true],
      ['/api', true],
      ['/media/u/x.png', true],
      ['/tonconnect-manifest.json', true],
      ['/apiary', false],
      ['/tonconnect-manifestXjson', false],
      ['/orders/1', false],
    ] as const) {
      expect(
        toFunction.some((src) => new RegExp(src).test(path)),
        path,
      ).toBe(expected);
      expect(isAppPath(path), path).toBe(expected);
    }
    expect(routes.findIndex((r) => r.handle === 'filesystem')).toBeLessThan(routes.findIndex((r) => r.dest === VERCEL_FUNCTION_PATH));
    expect(routes.at(-1)).toEqual({ src: '^/(.*)$', dest: '/index.html' });
  });
});

describe('the checked-in platform configuration', () => {
  it('wrangler.toml uploads the bundle build:worker makes, as it is, with the static site from dist', () => {
    const output = workerBuild.build?.rolldownOptions?.output as { entryFileNames?: string } | undefined;
    expect(wrangler.main).toBe(`${workerBuild.build?.outDir}/${output?.entryFileNames}`);
    expect(wrangler.noBundle).toBe(true);
    expect(wrangler.assets).toMatchObject({ directory: './dist', binding: 'ASSETS', notFoundHandling: 'single-page-application' });
    expect(wrangler.compatibilityFlags).toEqual(['nodejs_compat']);
    expect(wrangler.crons.every((cron) => CRON_EXPRESSION.test(cron))).toBe(true);
    // Production settings never migrate from a Worker.
    expect(wrangler.vars.MIGRATE_ON_START).toBe('false');
  });

  it('vercel.json only runs build:vercel; the routes and Vercel Cron (GET /api/cron/run) are in its config.json', () => {
    // With the Build Output API, routes, headers, crons and function settings in vercel.json would be
    // ignored: they belong to .vercel/output.
    expect(vercelJson).toEqual({ $schema: 'https://openapi.vercel.sh/vercel.json', framework: null, buildCommand: 'npm run build:vercel' });
    expect(existsSync(join(REPO_ROOT, 'api'))).toBe(false);
    expect(vercelConfig.crons).toEqual([...VERCEL_CRONS]);
    expect(vercelConfig.crons.map((c) => c.path)).toEqual(['/api/cron/run']);
    expect(vercelConfig.crons.every((c) => CRON_EXPRESSION.test(c.schedule))).toBe(true);
  });

  it('netlify.toml publishes dist with index.html for client-side routes, and the jobs run on a schedule', () => {
    expect(netlifyToml.build.publish).toBe('dist');
    expect(netlifyToml.redirects.at(-1)).toEqual({ from: '/*', to: '/index.html', status: 200 });
    expect(netlifyScheduledConfig.schedule).toMatch(CRON_EXPRESSION);
    expect(existsSync(join(REPO_ROOT, 'netlify/functions/scheduled.ts'))).toBe(true);
  });
});

describe('a serverless entry that is not configured answers 503 and says why in its log only', () => {
  let logged: string[];
  const log = console.error;
  beforeAll(() => {
    logged = [];
    console.error = (message: unknown) => logged.push(String(message));
  });
  afterAll(() => {
    console.error = log;
  });

  it('the default exports take their settings from the environment, and refuse dev mode (no bot)', async () => {
    // The test process has no BOT_TOKEN: a real deployment without one must not sign anyone in.
    const vercelEntry = createVercelEntry();
    for (const handler of [(r: Request) => vercelEntry.fetch(r), netlifyApi]) {
      const res = await handler(new Request('https://shop.example/api/catalog'));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual(NOT_CONFIGURED);
    }
    expect(logged.join('\n')).toMatch(/BOT_TOKEN or BOT_ID: required on this platform/);
    await expect(netlifyScheduled()).rejects.toThrow(/BOT_TOKEN or BOT_ID/);
  });

  it('refuses to run without DATABASE_URL: the embedded database is for local use', async () => {
    logged = [];
    const entry = createVercelEntry({ env: { BOT_TOKEN: TEST_BOT_TOKEN } });
    const res = await entry.fetch(new Request('https://shop.example/api/health'));
    expect(res.status).toBe(503);
    expect(logged.join('\n')).toMatch(/DATABASE_URL: required on a serverless host/);
    expect(JSON.stringify(await res.json())).not.toMatch(/DATABASE_URL|BOT_TOKEN/);
  });

  it('answers 503, not 500 on every request, when MERCHANT_ADDRESS is mistyped', async () => {
    logged = [];
    const entry = createVercelEntry({
      env: {
        BOT_TOKEN: TEST_BOT_TOKEN,
        DATABASE_URL: 'postgres://shop@127.0.0.1:1/shop',
        TON_NETWORK: 'testnet',
        MERCHANT_ADDRESS: 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKL',
      },
    });
    const res = await entry.fetch(new Request('https://shop.example/api/catalog'));
    expect(res.status).toBe(503);
    expect(logged.join('\n')).toMatch(/MERCHANT_ADDRESS: is not a valid TON address/);
  });
});

// Issue #11, case 8: the Host (and Vercel's x-forwarded-host) a request names is the client's to choose;
// the shop's address is PUBLIC_URL, and without it what depends on that address is refused.
describe("Vercel's function takes the shop's address from PUBLIC_URL, never from the request", () => {
  const settings = { BOT_TOKEN: TEST_BOT_TOKEN, TON_NETWORK: 'testnet', MERCHANT_ADDRESS: 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK' };
  const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example' };
  let database: TestDatabase;
  const servers: Server[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const server of servers) await new Promise((done) => server.close(done));
    await database.destroy();
  });

  /** The function's default export over HTTP, as Vercel's Node launcher runs it. */
  async function serveFunction(env: Record<string, string>): Promise<string> {
    const server = createServer(createVercelNodeHandler({ env, openDatabase: () => database.handle }));
    servers.push(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  it('names PUBLIC_URL in the manifest whatever Host and x-forwarded-host say', async () => {
    const url = await serveFunction({ ...settings, PUBLIC_URL: 'https://shop.example' });
    const res = await requestWithHost(`${url}/tonconnect-manifest.json`, { headers: forged });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ url: 'https://shop.example', iconUrl: 'https://shop.example/icon-192.png' });
  });

  it('without PUBLIC_URL, answers the manifest, ton_proof and a web sign-in 503, however the request names itself', async () => {
    const url = await serveFunction(settings);
    const manifest = await requestWithHost(`${url}/tonconnect-manifest.json`, { headers: forged });
    expect(manifest.status).toBe(503);
    expect(JSON.parse(manifest.body).error.code).toBe('SHOP_URL_NOT_CONFIGURED');
    const payload = await requestWithHost(`${url}/api/auth/ton-proof/payload`, { headers: forged });
    expect(payload.status).toBe(503);
    expect(JSON.parse(payload.body).error).toMatchObject({ code: 'TON_PROOF_NOT_CONFIGURED', message: expect.stringMatching(/PUBLIC_URL/) });
    const widget = await requestWithHost(`${url}/api/auth/telegram-widget`, {
      method: 'POST',
      headers: { ...forged, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, first_name: 'A', auth_date: 1, hash: 'f'.repeat(64) }),
    });
    expect(widget.status).toBe(503);
    expect(JSON.parse(widget.body).error.code).toBe('SHOP_URL_NOT_CONFIGURED');
    expect(widget.headers['set-cookie']).toBeUndefined();
  });
});

describe('the Worker bundle', () => {
  let worker: PlatformTarget;
  let scriptPath: string;
  let assetsDir: string;
  beforeAll(async () => {
    scriptPath = await buildWorkerBundle();
    assetsDir = await writeFixtureSite();
    worker = await startWorkerTarget({
      scriptPath,
      assetsDir,
      env: { BOT_TOKEN: TEST_BOT_TOKEN, TON_NETWORK: 'testnet', MERCHANT_ADDRESS: 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK' },
    });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    for (const dir of [assetsDir, scriptPath && dirname(scriptPath)]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is one module that imports only what workerd provides, with no embedded database or dev chain inside', () => {
    const code = readFileSync(scriptPath, 'utf8');
    const imports = new Set([...code.matchAll(/(?:^import .* from |\bimport\()"([^"]+)"/gm)].map((m) => m[1]!));
    expect([...imports].sort()).toEqual(['cloudflare:sockets', 'node:buffer', 'node:events', 'node:stream']);
    expect(code).not.toMatch(/@electric-sql\/pglite|new PGlite|@ton\/sandbox|Blockchain\.create/);
  });

  it('answers API requests 503 without a database, and logs which setting is missing', async () => {
    const res = await worker.request('/api/catalog');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(NOT_CONFIGURED);
    await expect
      .poll(() => worker.loggedErrors.join(''))
      .toMatch(/DATABASE_URL: required on Workers \(or a HYPERDRIVE binding\); the embedded database is for local use only/);
  });

  it('still serves the Mini App from its assets when the API cannot start', async () => {
    const res = await worker.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="root">/);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PATH_PATTERNS } from '../../../functions/platforms/shared/app-paths';
import { buildVercelOutput, VERCEL_CRONS } from '../../../functions/platforms/vercel/build-output';
import vercelBuild from '../../../vite.vercel.config';
import { TEST_BOT_TOKEN } from '../../support/test-app';
import { REPO_ROOT } from './support/build-worker';
import { prepareDatabase, type PreparedDatabase } from './support/server-database';

// `npm run build:vercel` in a folder of its own, then the function folder alone, copied where no
// node_modules and no source tree can be reached, imported by a plain `node` the way Vercel's Node
// launcher does: its default export serves an http.Server, and real Requests go through it.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn('Vercel function run against a database skipped: it needs the PostgreSQL server (DATABASE_URL)');

const MERCHANT = 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK';
let outDir: string;
let functionDir: string;
let database: PreparedDatabase | undefined;

/** One `node` process that imports the bundle, serves it and prints what each request answered. */
async function callFunction(env: Record<string, string>, requests: { path: string; headers?: Record<string, string> }[]) {
  const script = `
    import { createServer } from 'node:http';
    const handler = (await import('./index.mjs')).default;
    const server = createServer(handler);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answers = [];
    for (const { path, headers } of ${JSON.stringify(requests)}) {
      const res = await fetch('http://127.0.0.1:' + server.address().port + path, { headers });
      answers.push({ path, status: res.status, body: await res.text() });
    }
    console.log('ANSWERS ' + JSON.stringify(answers));
    process.exit(0);
  `;
  await writeFile(join(functionDir, 'call.mjs'), script);
  const child = spawn(process.execPath, ['call.mjs'], { cwd: functionDir, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = /^ANSWERS (.*)$/m.exec(output)?.[1];
  if (code !== 0 || !line) throw new Error(`the function's process exited with ${code}:\n${output}`);
  return { output, answers: JSON.parse(line) as { path: string; status: number; body: string }[] };
}

beforeAll(async () => {
  outDir = join(await mkdtemp(join(tmpdir(), 'bazaar-vercel-')), 'output');
  await buildVercelOutput({ root: REPO_ROOT, outDir });
  // Outside the repository, as Vercel uploads it: only what the .func folder holds.
  functionDir = join(await mkdtemp(join(tmpdir(), 'bazaar-vercel-func-')), 'index.func');
  await cp(join(outDir, 'functions', 'api', 'index.func'), functionDir, { recursive: true });
  if (serverUrl) database = await prepareDatabase({ serverUrl });
}, 240_000);

afterAll(async () => {
  await database?.destroy();
  for (const dir of [outDir, functionDir]) if (dir) await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('npm run build:vercel (Build Output API v3)', () => {
  it('writes the Mini App as static files and one function folder with its Node settings', async () => {
    expect(existsSync(join(outDir, 'static', 'index.html'))).toBe(true);
    expect(readdirSync(join(outDir, 'static', 'assets')).some((name) => name.endsWith('.js'))).toBe(true);
    expect(readdirSync(join(outDir, 'functions'))).toEqual(['api']);
    expect(readdirSync(join(outDir, 'functions', 'api'))).toEqual(['index.func']);
    expect(
      readdirSync(functionDir)
        .filter((name) => name !== 'call.mjs')
        .sort(),
    ).toEqual(['.vc-config.json', 'index.mjs', 'package.json']);
    expect(JSON.parse(await readFile(join(functionDir, '.vc-config.json'), 'utf8'))).toEqual({
      runtime: 'nodejs22.x',
      handler: 'index.mjs',
      launcherType: 'Nodejs',
      shouldAddHelpers: false,
      supportsResponseStreaming: true,
      maxDuration: 30,
    });
    expect(JSON.parse(await readFile(join(functionDir, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it('writes config.json: version 3, files first, the app paths to the function, index.html last, the cron', async () => {
    const config = JSON.parse(await readFile(join(outDir, 'config.json'), 'utf8')) as {
      version: number;
      routes: { src?: string; dest?: string; handle?: string }[];
      crons: unknown[];
    };
    expect(config.version).toBe(3);
    const filesystem = config.routes.findIndex((r) => r.handle === 'filesystem');
    const toFunction = config.routes.flatMap((r, index) => (r.dest === '/api' ? [index] : []));
    expect(toFunction).toHaveLength(APP_PATH_PATTERNS.length);
    expect(filesystem).toBeGreaterThanOrEqual(0);
    expect(toFunction.every((index) => index > filesystem)).toBe(true);
    expect(config.routes.at(-1)).toEqual({ src: '^/(.*)$', dest: '/index.html' });
    expect(config.crons).toEqual([...VERCEL_CRONS]);
  });

  it('bundles every package into index.mjs: it imports nothing but Node built-ins', async () => {
    const code = await readFile(join(functionDir, 'index.mjs'), 'utf8');
    const imports = new Set([...code.matchAll(/(?:^import .* from |\bimport\()"([^"]+)"/gm)].map((m) => m[1]!));
    const { builtinModules } = await import('node:module');
    expect([...imports].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))).toEqual([]);
    expect(code).not.toMatch(/new PGlite|Blockchain\.create/);
    expect(vercelBuild.build?.ssr).toBe('functions/platforms/vercel/function-entry.ts');
  });

  it('loads in plain Node outside the repository and answers 503 NOT_CONFIGURED without settings', async () => {
    const { answers, output } = await callFunction({}, [{ path: '/api/catalog' }]);
    expect(answers).toEqual([
      { path: '/api/catalog', status: 503, body: JSON.stringify({ error: { code: 'NOT_CONFIGURED', message: 'The shop is not configured yet.' } }) },
    ]);
    expect(output).not.toMatch(/ERR_MODULE_NOT_FOUND/);
    expect(output).toMatch(/BOT_TOKEN or BOT_ID: required on this platform/);
  });

  it.skipIf(!serverUrl)('answers health and the catalog from the database, and names PUBLIC_URL, not the host it was called on', async () => {
    const env = { BOT_TOKEN: TEST_BOT_TOKEN, TON_NETWORK: 'testnet', MERCHANT_ADDRESS: MERCHANT, PUBLIC_URL: 'https://shop.example', ...database!.env };
    const { answers } = await callFunction(env, [
      { path: '/api/health' },
      { path: '/api/catalog' },
      { path: '/tonconnect-manifest.json', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' } },
    ]);
    const [health, catalog, manifest] = answers;
    // The chain and the bot are public services, unreachable from here; the database is local.
    expect(JSON.parse(health!.body)).toMatchObject({ checks: { database: { ok: true }, schema: { ok: true } } });
    expect(catalog!.status).toBe(200);
    expect((JSON.parse(catalog!.body) as { products: unknown[] }).products.length).toBeGreaterThanOrEqual(24);
    expect(manifest!.status).toBe(200);
    expect(JSON.parse(manifest!.body)).toMatchObject({ url: 'https://shop.example' });
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { REPO_ROOT } from './support/build-worker';

// `npm run build:server` in a folder of its own (the Mini App, then dist/server.js beside it), run as
// `node server.js` the way a VPS or the Dockerfile runs it: a separate process, a fresh embedded database.
let appDir: string;
let outDir: string;
let dataDir: string;
let child: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  // The layout of a deployment (the Dockerfile's /app): dist/ beside node_modules, nothing else.
  appDir = await mkdtemp(join(tmpdir(), 'bazaar-app-'));
  outDir = join(appDir, 'dist');
  await symlink(join(REPO_ROOT, 'node_modules'), join(appDir, 'node_modules'), 'dir');
  dataDir = await mkdtemp(join(tmpdir(), 'bazaar-data-'));
  const common = { root: REPO_ROOT, logLevel: 'warn' as const, mode: 'production' };
  await build({ ...common, logLevel: 'error', configFile: join(REPO_ROOT, 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  await build({ ...common, configFile: join(REPO_ROOT, 'vite.server.config.ts'), build: { outDir, emptyOutDir: false } });

  // STATIC_DIR is left at its default, dist (relative to the working folder), as in the Dockerfile.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir };
  // Outside the repository: the bundle must not reach back into functions/.
  child = spawn(process.execPath, ['dist/server.js'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "running at" line in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Bazaar is running at (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server.js exited with ${code}:\n${output}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  for (const dir of [appDir, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('node dist/server.js (npm run build:server)', () => {
  it('is one bundled file that imports packages from node_modules and nothing from the source tree', async () => {
    const code = await readFile(join(outDir, 'server.js'), 'utf8');
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'))).toEqual([]);
    expect(existsSync(join(outDir, 'migrations', 'meta', '_journal.json'))).toBe(true);
    // The Dockerfile prunes devDependencies after the build: everything the bundle imports must stay.
    const { dependencies } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packages = imports.filter((s) => !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages.filter((name) => !(name in dependencies))).toEqual([]);
  });

  it('migrates its database on start and says which migrations it applied', () => {
    expect(output).toMatch(/Applied migrations: 0000_init, 0001_payments/);
  });

  it('answers /api/health with the database up', async () => {
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ checks: { database: { ok: true } } });
  });

  it('serves the built Mini App at /', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<div id="root">/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${url}${script}`)).status).toBe(200);
  });

  it('never serves its own code or migrations from the folder it shares with the Mini App', async () => {
    for (const path of ['/server.js', '/server%2Ejs', '/server.js.map', '/migrations/meta/_journal.json']) {
      const res = await fetch(`${url}${path}`);
      const body = await res.text();
      expect(body, path).not.toMatch(/createApp|"entries"|CREATE TABLE/);
    }
  });
});

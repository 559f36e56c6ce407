// `npm run build:vercel`: the whole deployment in Vercel's Build Output API (version 3) layout, so that
// Vercel deploys what was built and tested here rather than compiling api/*.ts one file at a time:
//   .vercel/output/config.json                        routes and crons
//   .vercel/output/static/                            the built Mini App
//   .vercel/output/functions/api/index.func/          index.mjs (one bundle), .vc-config.json, package.json
// Format: vercel.com/docs/build-output-api (configuration, primitives).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { APP_PATH_PATTERNS } from '../shared/app-paths';

/** Where the function lives in the output, and so the path routes send requests to. */
export const VERCEL_FUNCTION_PATH = '/api';

/** What the scheduled jobs need: GET /api/cron/run every minute (Pro plan; Hobby allows once a day). */
export const VERCEL_CRONS = [{ path: '/api/cron/run', schedule: '* * * * *' }] as const;

/**
 * `.vc-config.json` of the function. Node 22: Node 20 leaves Vercel in 2026, and 22 has the global
 * WebSocket that DATABASE_DRIVER=neon needs. Vercel's helpers stay off: they would parse the body
 * before the app reads it.
 */
export const VERCEL_FUNCTION_CONFIG = {
  runtime: 'nodejs22.x',
  handler: 'index.mjs',
  launcherType: 'Nodejs',
  shouldAddHelpers: false,
  supportsResponseStreaming: true,
  maxDuration: 30,
} as const;

export interface VercelRoute {
  src?: string;
  dest?: string;
  handle?: 'filesystem';
  headers?: Record<string, string>;
  continue?: boolean;
}

/** A path pattern of APP_PATH_PATTERNS (`/api/*`, `/x.json`) as the anchored regular expression routes use. */
export function routeSourceFor(pattern: string): string {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (pattern.endsWith('/*')) return `^${escape(pattern.slice(0, -2))}(?:/.*)?$`;
  return `^${escape(pattern)}$`;
}

/**
 * config.json: hashed assets cached for a year; files that exist (the Mini App) first; then the app's
 * paths to the function, which sees the URL the browser asked for; anything else is a client-side
 * route of the Mini App, so index.html.
 */
export function vercelOutputConfig() {
  const routes: VercelRoute[] = [
    { src: '^/assets/(.*)$', headers: { 'cache-control': 'public, max-age=31536000, immutable' }, continue: true },
    { handle: 'filesystem' },
    ...APP_PATH_PATTERNS.map((pattern) => ({ src: routeSourceFor(pattern), dest: VERCEL_FUNCTION_PATH })),
    { src: '^/(.*)$', dest: '/index.html' },
  ];
  return { version: 3, routes, crons: [...VERCEL_CRONS] } as const;
}

export interface BuildVercelOptions {
  /** The repository (vite.config.ts, vite.vercel.config.ts, the sources). */
  root: string;
  /** `.vercel/output` unless a test builds elsewhere. */
  outDir?: string;
}

/**
 * Builds the Mini App and the bundled function and writes Vercel's configuration beside them.
 * @returns the output folder
 */
export async function buildVercelOutput(options: BuildVercelOptions): Promise<string> {
  const outDir = options.outDir ?? join(options.root, '.vercel', 'output');
  const functionDir = join(outDir, 'functions', `${VERCEL_FUNCTION_PATH.slice(1)}`, 'index.func');
  await rm(outDir, { recursive: true, force: true });
  const common = { root: options.root, logLevel: 'warn' as const, mode: 'production' };
  await build({ ...common, configFile: join(options.root, 'vite.config.ts'), build: { outDir: join(outDir, 'static'), emptyOutDir: true } });
  await build({ ...common, configFile: join(options.root, 'vite.vercel.config.ts'), build: { outDir: functionDir, emptyOutDir: true } });
  await writeJson(join(functionDir, '.vc-config.json'), VERCEL_FUNCTION_CONFIG);
  // The repository's package.json says "type": "module"; this one says it for the .func folder, which is
  // uploaded alone.
  await writeJson(join(functionDir, 'package.json'), { type: 'module' });
  await writeJson(join(outDir, 'config.json'), vercelOutputConfig());
  return outDir;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

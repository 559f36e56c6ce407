import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface MiniAppBuild {
  /** What the server serves as STATIC_DIR; it exists (empty) before `built` settles. */
  dir: string;
  /** Settles when `vite build` has written the app into `dir`. */
  built: Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Builds the Mini App once per run with `vite build`. It builds into a folder of its own rather than
 * the shared dist/: people working in the same checkout rebuild dist/ at any moment, and a server that
 * has read index.html then finds its hashed scripts gone (a blank page, seen in practice).
 * With `E2E_SKIP_BUILD=1` it serves the dist/ already there, for a quick re-run after `npm run build`.
 */
export async function startMiniAppBuild(env: NodeJS.ProcessEnv = process.env): Promise<MiniAppBuild> {
  if (env.E2E_SKIP_BUILD === '1') {
    const dir = join(REPO_ROOT, 'dist');
    const built = existsSync(join(dir, 'index.html'))
      ? Promise.resolve()
      : Promise.reject(new Error('E2E_SKIP_BUILD=1 but dist/index.html does not exist: run `npx vite build` first.'));
    return { dir, built, dispose: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'bazaar-e2e-dist-'));
  return { dir, built: runViteBuild(dir, env), dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function runViteBuild(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const vite = join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      // Vitest sets NODE_ENV=test, and vite build then bundles React's development build (jsxDEV,
      // StrictMode's double effects): not what people get. Build what `npm run build` builds.
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(`vite build failed (exit ${code}):\n${output.join('')}`);
  }
}

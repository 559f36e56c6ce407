import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

/**
 * Builds the Worker bundle exactly as `npm run build:worker` does (vite.worker.config.ts), into a
 * folder of its own so a test never reads a stale dist-worker/. Returns the path of the module.
 */
export async function buildWorkerBundle(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'bazaar-worker-'));
  await build({
    configFile: join(REPO_ROOT, 'vite.worker.config.ts'),
    root: REPO_ROOT,
    logLevel: 'warn',
    // vitest sets NODE_ENV=test; the deployed bundle is a production build.
    mode: 'production',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return join(outDir, 'index.js');
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * Builds the Mini App once per run (`vite build` into dist/, what `npm start` serves). With
 * `E2E_SKIP_BUILD=1` it reuses the dist/ already there, for a quick re-run after a build.
 */
export async function buildMiniApp(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const indexHtml = join(REPO_ROOT, 'dist', 'index.html');
  if (env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(indexHtml)) throw new Error('E2E_SKIP_BUILD=1 but dist/index.html does not exist: run `npx vite build` first.');
    return;
  }
  const vite = join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(vite, ['build', '--logLevel', 'warn'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output.join('')}`);
  if (!existsSync(indexHtml)) throw new Error(`vite build succeeded but wrote no ${indexHtml}`);
}

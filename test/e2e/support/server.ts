import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** A bot token for the E2E runs only: the server verifies with it, the tests sign initData with it. */
export const E2E_BOT_TOKEN = '7000000002:AAe2e-test-token-abcdefghijklmnop';

// Every setting functions/config.ts reads: cleared, so a developer's shell or .env cannot leak into a run
// (a DATABASE_URL would point the server away from its fresh PGlite, a BOT_TOKEN would turn dev mode off).
const SERVER_SETTINGS = [
  'PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'BOT_TOKEN', 'BOT_ID', 'TELEGRAM_ENV', 'INIT_DATA_MAX_AGE_SECONDS',
  'ORDER_TTL_SECONDS', 'ORDER_SWEEP_INTERVAL_SECONDS', 'CRON_SECRET', 'PUBLIC_URL', 'SHOP_NAME', 'DEMO_CATALOG', 'STATIC_DIR',
];

const READY_LINE = /Bazaar is running at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

export interface ShopServer {
  url: string;
  /** The token the server verifies initData with; null for the dev-mode server (it makes its own). */
  botToken: string | null;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  /** Lines where the server logged an unexpected (500) error. */
  unhandledErrors(): string[];
  stop(): Promise<void>;
}

/**
 * Starts the real Node server (`functions/platforms/node.ts`, what `npm start` runs after the build) on a
 * free port with a fresh embedded database, which it migrates and seeds with the demo catalog.
 * Without a bot token it runs in dev mode and signs a demo customer into the page it serves.
 */
export async function startShopServer(options: { botToken: string | null }): Promise<ShopServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bazaar-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_SETTINGS) delete env[name];
  Object.assign(env, { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }, options.botToken && { BOT_TOKEN: options.botToken });

  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/platforms/node.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await waitForReadyLine(child, () => output);
    return {
      url,
      botToken: options.botToken,
      output: () => output,
      unhandledErrors: () => output.split('\n').filter((line) => line.includes('unhandled error')),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForReadyLine(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print "Bazaar is running at …" within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const onData = () => {
      const match = READY_LINE.exec(output());
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    function fail(why: string) {
      cleanup();
      reject(new Error(`The shop server ${why}. Its output:\n${output()}`));
    }
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

/** SIGTERM (the server closes its database cleanly), then SIGKILL if it has not exited within 5 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** A bot token for the E2E runs only: the server verifies with it, the tests sign initData with it. */
export const E2E_BOT_TOKEN = '7000000002:AAe2e-test-token-abcdefghijklmnop';

// The child gets only these from the test's environment, plus the settings below: a developer's shell or
// .env (a DATABASE_URL, a BOT_TOKEN, a TON_NETWORK …) cannot change what the suite runs against.
const INHERITED_ENV = ['PATH', 'HOME', 'USER', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'TZ', 'NODE_EXTRA_CA_CERTS', 'SYSTEMROOT'];

const READY_LINE = /Bazaar is running at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

export interface ShopServer {
  url: string;
  /** The token the server verifies initData with; null for the dev-mode server (it makes its own). */
  botToken: string | null;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  /** Lines where the server logged an error: an unhandled one behind a 500, or a failed background job. */
  loggedErrors(): string[];
  stop(): Promise<void>;
}

/**
 * Starts the real Node server (`functions/platforms/node.ts`, what `npm start` runs after the build) on a
 * free port with a fresh embedded database, which it migrates and seeds with the demo catalog, serving
 * the Mini App built into `staticDir`.
 * Without a bot token it runs in dev mode and signs a demo customer into the page it serves.
 */
export async function startShopServer(options: {
  botToken: string | null;
  staticDir: string;
  /** More settings for this server only, e.g. ADMIN_IDS or BOT_API_URL (a fake Bot API). */
  env?: Record<string, string>;
}): Promise<ShopServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bazaar-e2e-'));
  const env: NodeJS.ProcessEnv = Object.fromEntries(INHERITED_ENV.flatMap((name) => (name in process.env ? [[name, process.env[name]]] : [])));
  Object.assign(
    env,
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: options.staticDir },
    options.botToken && { BOT_TOKEN: options.botToken },
    options.env,
  );

  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/platforms/node.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errorOutput = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    errorOutput += chunk.toString();
  });

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
      // The server's logger.error lines read "unhandled error on …" or "<job> failed …" (console.error).
      loggedErrors: () => errorOutput.split('\n').filter((line) => /unhandled error|\bfailed\b/i.test(line)),
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

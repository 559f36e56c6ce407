import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { createInitDataVerifier } from '../../../functions/core/init-data/verify-init-data';
import { DEV_USER, injectDevInitData, makeDevBotToken, signDevInitData } from '../../../functions/platforms/node/dev-mode';

describe('dev mode', () => {
  it('signs a demo customer that the real verifier accepts with the same token', async () => {
    const botToken = makeDevBotToken();
    const now = new Date('2026-11-23T10:00:00Z');
    const initData = await signDevInitData(botToken, nodeCrypto, now);
    const verify = createInitDataVerifier({ kind: 'hmac', botToken, crypto: nodeCrypto, maxAgeSeconds: 86_400 });
    const verified = await verify(initData, now.getTime() / 1000);
    expect(verified.user.id).toBe(DEV_USER.id);
  });

  it('makes a different token at each start, so dev initData is worthless elsewhere', async () => {
    const now = new Date();
    const initData = await signDevInitData(makeDevBotToken(), nodeCrypto, now);
    const otherStart = createInitDataVerifier({ kind: 'hmac', botToken: makeDevBotToken(), crypto: nodeCrypto, maxAgeSeconds: 86_400 });
    await expect(otherStart(initData, now.getTime() / 1000)).rejects.toMatchObject({ code: 'INIT_DATA_SIGNATURE_INVALID' });
  });

  it('injects the initData into the page head without letting it close the script', () => {
    const html = injectDevInitData('<html><head><title>x</title></head><body></body></html>', 'a=</script><b>');
    expect(html).toContain('window.__BAZAAR_DEV__ = {"initData":"a=\\u003c/script>\\u003cb>"};</script>\n</head>');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe('the Node entry refuses dev mode anywhere but this machine on the local chain', () => {
  /** `npm run serve` (functions/platforms/node.ts) with only these settings: its exit code and output. */
  function runNodeEntry(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'functions/platforms/node.ts'], {
        cwd: resolve(import.meta.dirname, '../../..'),
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let [stdout, stderr] = ['', ''];
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('error', fail);
      child.once('exit', (code) => {
        clearTimeout(timer);
        done({ code, stdout, stderr });
      });
    });
  }

  it('exits 2 before opening anything, naming each reason, for HOST=0.0.0.0, TON_NETWORK=testnet and a PUBLIC_URL', async () => {
    const dataDir = join(tmpdir(), `bazaar-dev-refused-${process.pid}-${Date.now()}`);
    const run = await runNodeEntry({
      HOST: '0.0.0.0',
      TON_NETWORK: 'testnet',
      MERCHANT_ADDRESS: 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK',
      PUBLIC_URL: 'https://shop.example',
      DATA_DIR: dataDir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Bazaar cannot start; fix these settings:');
    for (const reason of ['  - TON_NETWORK=testnet: dev mode', '  - HOST=0.0.0.0: dev mode', '  - PUBLIC_URL: dev mode']) expect(run.stderr).toContain(reason);
    expect(run.stdout).not.toContain('Bazaar is running');
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);
});

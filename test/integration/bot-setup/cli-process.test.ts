import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBotApi, type FakeBotApi } from '../../fakes/fake-bot-api';

const TOKEN = '7000000002:AAHprocess-test-token_abcdefghij';
const SECRET = '5f0c6a3e9b1d47a28c6e0f4b7a9d2c1e';

let fake: FakeBotApi;
let botApiUrl: string;
beforeEach(async () => {
  fake = createFakeBotApi({ token: TOKEN });
  botApiUrl = await fake.listen();
});
afterEach(async () => {
  expect(fake.unexpected).toEqual([]);
  await fake.close();
});

/** Runs `npx tsx scripts/bot-setup.ts` as a merchant would, with only the variables given. */
function runScript(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/bot-setup.ts', ...args], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/bot-setup.ts run as a process', () => {
  it('sets the bot up over HTTP through BOT_API_URL and exits 0', async () => {
    const run = await runScript({ BOT_TOKEN: TOKEN, PUBLIC_URL: 'https://shop.example', WEBHOOK_SECRET: SECRET, BOT_API_URL: botApiUrl });
    expect(run.stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
    expect(run.code).toBe(0);
    expect(fake.calls.map((c) => c.method)).toEqual([
      'getMe',
      'setWebhook',
      'setChatMenuButton',
      'setMyCommands',
      'setMyCommands',
      'setMyCommands',
      'setMyCommands',
      'getWebhookInfo',
    ]);
    expect(fake.callsOf('setWebhook')[0]).toMatchObject({ url: 'https://shop.example/api/telegram/webhook', secret_token: SECRET });
    expect(run.stdout).toContain('webhook set to https://shop.example/api/telegram/webhook');
    expect(run.stdout).toContain('menu button "Bazaar demo shop" opens https://shop.example/');
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('exits 1 with the clear message when the token is wrong', async () => {
    const run = await runScript({
      BOT_TOKEN: '7000000002:AAHnot-the-right-token_zyxwvuts',
      PUBLIC_URL: 'https://shop.example',
      WEBHOOK_SECRET: SECRET,
      BOT_API_URL: botApiUrl,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Telegram rejected BOT_TOKEN (401 Unauthorized): copy it again from @BotFather');
    expect(fake.calls).toEqual([]);
  });

  it('exits 2 on an http PUBLIC_URL without contacting the Bot API', async () => {
    const run = await runScript({ BOT_TOKEN: TOKEN, PUBLIC_URL: 'http://shop.example', WEBHOOK_SECRET: SECRET, BOT_API_URL: botApiUrl });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PUBLIC_URL: must start with https://');
    expect(fake.calls).toEqual([]);
  });
});

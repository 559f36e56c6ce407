import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBotSetupCli } from '../../../functions/adapters/telegram/bot-setup-cli';
import { createFakeBotApi, type FakeBotApi } from '../../fakes/fake-bot-api';

const TOKEN = '7000000001:AAHfake-token-for-tests_abcdefgh';
const SECRET = 'whsec_0123456789abcdef0123456789abcdef';

let fake: FakeBotApi;
beforeEach(() => {
  fake = createFakeBotApi({ token: TOKEN });
});
afterEach(() => expect(fake.unexpected).toEqual([]));

/** Runs the CLI in-process against the fake Bot API; returns its exit code and what it printed. */
async function runCli(options: { argv?: string[]; env?: Record<string, string>; token?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  const code = await runBotSetupCli({
    argv: options.argv ?? [],
    env: {
      BOT_TOKEN: options.token ?? TOKEN,
      PUBLIC_URL: 'https://shop.example',
      WEBHOOK_SECRET: SECRET,
      SHOP_NAME: 'Tea House',
      BOT_API_URL: fake.baseUrl,
      ...options.env,
    },
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  const printed = [...out, ...err].join('\n');
  // Whatever happened, neither secret reaches the terminal.
  expect(printed).not.toContain((options.token ?? TOKEN).split(':')[1]);
  expect(printed).not.toContain(SECRET);
  return { code, out: out.join('\n'), err: err.join('\n'), sleeps };
}

describe('npm run bot:setup against the Bot API', () => {
  it('checks the token, sets the webhook, the menu button and the commands in four languages, then confirms', async () => {
    const { code, out, err } = await runCli();
    expect(err).toBe('');
    expect(code).toBe(0);
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
    expect(fake.callsOf('setWebhook')).toEqual([
      {
        url: 'https://shop.example/api/telegram/webhook',
        secret_token: SECRET,
        allowed_updates: ['message', 'my_chat_member', 'inline_query', 'callback_query', 'pre_checkout_query'],
        drop_pending_updates: false,
      },
    ]);
    expect(fake.callsOf('setChatMenuButton')).toEqual([{ menu_button: { type: 'web_app', text: 'Tea House', web_app: { url: 'https://shop.example/' } } }]);
    const commandCalls = fake.callsOf('setMyCommands');
    expect(commandCalls.map((c) => c.language_code)).toEqual([undefined, 'ru', 'fa', 'hi']);
    expect(commandCalls[0]).toEqual({
      commands: [
        { command: 'start', description: 'Open the shop' },
        { command: 'orders', description: 'Your recent orders' },
        { command: 'help', description: 'How to shop here' },
        { command: 'web', description: 'Shop in a web browser' },
        { command: 'paysupport', description: 'Help with a payment' },
      ],
    });
    expect(out).toContain('✓ getMe: bot @bazaar_test_bot');
    expect(out).toContain('✓ setWebhook: webhook set to https://shop.example/api/telegram/webhook');
    expect(out).toContain('✓ setChatMenuButton: menu button "Tea House" opens https://shop.example/');
    expect(out).toContain(
      '✓ getWebhookInfo: Telegram confirms the webhook https://shop.example/api/telegram/webhook (0 updates waiting; receives message, my_chat_member, inline_query, callback_query, pre_checkout_query)',
    );
    expect(out).toContain('https://t.me/bazaar_test_bot');
    expect(out).toContain('/setdomain');
  });

  it('tells the merchant to set BOT_USERNAME when it is missing or names another bot', async () => {
    expect((await runCli()).out).toContain('Note: set BOT_USERNAME=bazaar_test_bot for the server too');
    expect((await runCli({ env: { BOT_USERNAME: 'other_shop_bot' } })).out).toContain(
      'Note: BOT_USERNAME is other_shop_bot, but this bot is @bazaar_test_bot: set BOT_USERNAME=bazaar_test_bot',
    );
    expect((await runCli({ env: { BOT_USERNAME: '@Bazaar_Test_Bot' } })).out).not.toContain('BOT_USERNAME');
  });

  it('sends the same calls and prints the same report when run twice', async () => {
    const first = await runCli();
    const firstCalls = fake.calls.splice(0);
    const second = await runCli();
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(fake.calls).toEqual(firstCalls);
    expect(second.out).toBe(first.out);
  });

  it('stops after getMe with exit code 1 and a clear message when Telegram rejects the token', async () => {
    const { code, out, err } = await runCli({ token: '7000000001:AAHsomeone-elses-token_zyxwvuts' });
    expect(code).toBe(1);
    expect(err).toContain('Telegram rejected BOT_TOKEN (401 Unauthorized): copy it again from @BotFather');
    expect(out).not.toContain('✓');
    // The fake answers a wrong token before recording a call: nothing was set.
    expect(fake.calls).toEqual([]);
  });

  it('refuses an http PUBLIC_URL with exit code 2 before calling Telegram', async () => {
    const { code, err } = await runCli({ env: { PUBLIC_URL: 'http://shop.example' } });
    expect(code).toBe(2);
    expect(err).toContain('PUBLIC_URL: must start with https://');
    expect(fake.calls).toEqual([]);
  });

  it('refuses to run without BOT_TOKEN and says where to get it, not how to run dev mode', async () => {
    const { code, err } = await runCli({ env: { BOT_TOKEN: '', WEBHOOK_SECRET: '' } });
    expect(code).toBe(2);
    expect(err).toContain('BOT_TOKEN: required: the token @BotFather gave you');
    expect(err).toContain('openssl rand -hex 32');
    expect(err).not.toMatch(/dev mode/);
    expect(fake.calls).toEqual([]);
  });

  it('refuses to run without WEBHOOK_SECRET and says how to make one', async () => {
    const { code, err } = await runCli({ env: { WEBHOOK_SECRET: '' } });
    expect(code).toBe(2);
    expect(err).toContain('openssl rand -hex 32');
    expect(fake.calls).toEqual([]);
  });

  it('reports a malformed setting with the same words as the server', async () => {
    const { code, err } = await runCli({ env: { WEBHOOK_SECRET: 'short' } });
    expect(code).toBe(2);
    expect(err).toContain('WEBHOOK_SECRET: must be 16–256 characters');
    expect(fake.calls).toEqual([]);
  });

  it('prints the planned calls on a dry run and sends nothing', async () => {
    const { code, out } = await runCli({ argv: ['--dry-run'] });
    expect(code).toBe(0);
    expect(fake.calls).toEqual([]);
    expect(out).toContain('Dry run: nothing is sent to Telegram');
    expect(out).toContain('"url":"https://shop.example/api/telegram/webhook"');
    expect(out).toContain('setMyCommands (hi)');
  });

  it('waits out a 429 for retry_after seconds and retries the call once', async () => {
    fake.failNext('setWebhook', { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 3', retryAfter: 3 });
    const { code, sleeps } = await runCli();
    expect(code).toBe(0);
    expect(sleeps).toEqual([3000]);
    expect(fake.callsOf('setWebhook')).toHaveLength(2);
    expect(fake.callsOf('setWebhook')[1]).toEqual(fake.callsOf('setWebhook')[0]);
  });

  it('gives up with exit code 1 when the retry is rate-limited too', async () => {
    fake.failNext('setMyCommands', { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 2', retryAfter: 2 });
    fake.failNext('setMyCommands', { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 2', retryAfter: 2 });
    const { code, err, sleeps } = await runCli();
    expect(code).toBe(1);
    expect(sleeps).toEqual([2000]);
    expect(err).toContain('Telegram asks to slow down (setMyCommands: 429 Too Many Requests: retry after 2, retry after 2 s)');
    expect(fake.calls.map((c) => c.method)).not.toContain('getWebhookInfo');
  });

  it('does not sit through a long 429 wait: it says when to come back', async () => {
    fake.failNext('getMe', { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 900', retryAfter: 900 });
    const { code, err, sleeps } = await runCli();
    expect(code).toBe(1);
    expect(sleeps).toEqual([]);
    expect(err).toContain('retry after 900 s');
  });

  it('passes on Telegram’s reason when it refuses the webhook, with exit code 1', async () => {
    fake.failNext('setWebhook', { kind: 'error', errorCode: 400, description: 'Bad Request: bad webhook: Failed to resolve host: Name or service not known' });
    const { code, err } = await runCli();
    expect(code).toBe(1);
    expect(err).toContain('Telegram refused setWebhook (400 Bad Request: bad webhook: Failed to resolve host');
    expect(err).toContain('reachable from the internet over https');
  });

  it('says the Bot API is unreachable when the connection drops', async () => {
    fake.failNext('getMe', { kind: 'network' });
    const { code, err } = await runCli();
    expect(code).toBe(1);
    expect(err).toMatch(/could not reach the Bot API for getMe .*BOT_API_URL/);
  });
});

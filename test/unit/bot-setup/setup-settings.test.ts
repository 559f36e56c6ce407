import { describe, expect, it } from 'vitest';
import { BotSetupError } from '../../../functions/core/bot/setup-errors';
import { readBotSetupSettings, type BotSetupEnv } from '../../../functions/core/bot/setup-settings';

const good: BotSetupEnv = {
  BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  PUBLIC_URL: 'https://shop.example',
  WEBHOOK_SECRET: 'a'.repeat(64),
  SHOP_NAME: 'Tea House',
};

function problemsOf(env: BotSetupEnv): string[] {
  try {
    readBotSetupSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BotSetupError);
    expect((error as BotSetupError).code).toBe('SETTINGS_INVALID');
    return (error as BotSetupError).problems;
  }
  return [];
}

describe('readBotSetupSettings', () => {
  it('accepts a token, an https address and a secret, normalizing the address', () => {
    expect(readBotSetupSettings(good)).toEqual({
      botToken: good.BOT_TOKEN,
      publicUrl: 'https://shop.example/',
      webhookSecret: good.WEBHOOK_SECRET,
      shopName: 'Tea House',
      messenger: 'telegram',
    });
  });

  it.each([
    ['https://shop.example:8443/store', 'https://shop.example:8443/store'],
    ['https://shop.example:88', 'https://shop.example:88/'],
    ['https://203.0.113.7', 'https://203.0.113.7/'],
  ])('accepts %s, an address Telegram can call', (url, normalized) => {
    expect(readBotSetupSettings({ ...good, PUBLIC_URL: url }).publicUrl).toBe(normalized);
  });

  it.each([
    ['http://shop.example', /must start with https:\/\/.*only over https/],
    ['https://localhost', /localhost cannot be reached from the internet/],
    ['https://127.0.0.1', /127\.0\.0\.1 cannot be reached/],
    ['https://192.168.1.20', /192\.168\.1\.20 cannot be reached/],
    ['https://172.20.0.3', /cannot be reached/],
    ['https://[::1]', /cannot be reached/],
    ['https://shop.local', /cannot be reached/],
    ['https://shop.example:3000', /port 3000 is not one Telegram delivers webhooks to/],
    ['https://shop.example/?ref=1', /without \?… or #…/],
    ['shop.example', /is not an address; write it in full/],
  ])('refuses PUBLIC_URL=%s with a reason', (url, reason) => {
    const problems = problemsOf({ ...good, PUBLIC_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it('asks for a WEBHOOK_SECRET and says how to make one', () => {
    const { WEBHOOK_SECRET: _unused, ...env } = good;
    expect(problemsOf(env)).toEqual([expect.stringContaining('openssl rand -hex 32')]);
  });

  it('lists every missing or wrong setting at once, in the error message too', () => {
    const env: BotSetupEnv = { SHOP_NAME: 'x', PUBLIC_URL: 'http://localhost:3000' };
    const problems = problemsOf(env);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['BOT_TOKEN', 'WEBHOOK_SECRET', 'PUBLIC_URL', 'PUBLIC_URL', 'PUBLIC_URL']);
    expect(() => readBotSetupSettings(env)).toThrow(/BOT_TOKEN: required[\s\S]*port 3000/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, shopUrlOf } from '../../../functions/config';

const BOT_TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MERCHANT_ADDRESS = 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted the settings');
}

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set: dev mode, PGlite in .data, port 8080', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ mode: 'dev' });
    expect(config.database).toEqual({ driver: 'pglite', dataDir: '.data' });
    expect(config.env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', INIT_DATA_MAX_AGE_SECONDS: 86_400, ORDER_TTL_SECONDS: 1800 });
  });

  it('never runs in dev mode when a BOT_TOKEN is set', () => {
    const config = loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    expect(config.auth).toEqual({ mode: 'bot-token', botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
  });

  it("uses Telegram's third-party validation when only the bot id is known", () => {
    expect(loadConfig({ BOT_ID: '7342037359' }).auth).toEqual({
      mode: 'third-party',
      botId: 7342037359,
      publicKeyHex: 'e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d',
    });
    expect(loadConfig({ BOT_ID: '1', TELEGRAM_ENV: 'test' }).auth).toMatchObject({
      publicKeyHex: '40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec',
    });
  });

  it('refuses a MERCHANT_ADDRESS with a wrong checksum at start, not at the first payment', () => {
    const good = 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK';
    expect(loadConfig({ BOT_TOKEN, TON_NETWORK: 'testnet', MERCHANT_ADDRESS: good }).env.MERCHANT_ADDRESS).toBe(good);
    const mistyped = `${good.slice(0, -1)}B`;
    expect(() => loadConfig({ BOT_TOKEN, TON_NETWORK: 'testnet', MERCHANT_ADDRESS: mistyped })).toThrow(/MERCHANT_ADDRESS: is not a valid TON address/);
  });

  it('uses the PostgreSQL server when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/shop' }).database).toEqual({
      driver: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/shop',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ BOT_TOKEN: '', PORT: '' }).auth).toEqual({ mode: 'dev' });
  });

  it('refuses to start with a list of every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', BOT_TOKEN: 'nope', DATABASE_URL: 'mysql://x', ORDER_TTL_SECONDS: '5' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'BOT_TOKEN', 'DATABASE_URL', 'ORDER_TTL_SECONDS']) expect(problems).toContain(name);
    }
  });
});

// Dev mode signs every page visitor in as the same demo customer (an admin when ADMIN_IDS is unset)
// with a token it made up: it must never be what a real shop, or a reachable one, runs on.
describe('dev mode (no BOT_TOKEN, no BOT_ID) starts only on this machine, on the local chain', () => {
  it.each(['mainnet', 'testnet'])('refuses TON_NETWORK=%s, saying why and what to set', (network) => {
    const [problem, ...others] = problemsOf({ TON_NETWORK: network, MERCHANT_ADDRESS });
    expect(others).toEqual([]);
    expect(problem).toMatch(new RegExp(`^TON_NETWORK=${network}: `));
    expect(problem).toMatch(/dev mode .*signs every visitor in as one demo customer/);
    expect(problem).toMatch(/only with TON_NETWORK=local/);
    expect(problem).toMatch(/set BOT_TOKEN \(from @BotFather\) or BOT_ID/);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'shop.example'])('refuses HOST=%s, which other machines reach', (host) => {
    const [problem, ...others] = problemsOf({ HOST: host });
    expect(others).toEqual([]);
    expect(problem).toMatch(new RegExp(`^HOST=${host.replace(/\./g, '\\.')}: `));
    expect(problem).toMatch(/only on 127\.0\.0\.1, ::1 or localhost/);
    expect(problem).toMatch(/set BOT_TOKEN \(from @BotFather\) or BOT_ID/);
  });

  it('refuses a PUBLIC_URL, which says the shop is reached from elsewhere', () => {
    const [problem, ...others] = problemsOf({ PUBLIC_URL: 'https://shop.example' });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^PUBLIC_URL: /);
    expect(problem).toMatch(/set BOT_TOKEN \(from @BotFather\) or BOT_ID, or unset PUBLIC_URL/);
  });

  it('lists every reason at once, with the other problems', () => {
    const problems = problemsOf({ TON_NETWORK: 'mainnet', HOST: '0.0.0.0', PUBLIC_URL: 'https://shop.example' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['MERCHANT_ADDRESS', 'TON_NETWORK=mainnet', 'HOST=0.0.0.0', 'PUBLIC_URL']);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/Bazaar cannot start; fix these settings:\n {2}- HOST=0\.0\.0\.0: /);
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '::1'])('starts on %s with TON_NETWORK=local', (host) => {
    expect(loadConfig({ HOST: host, TON_NETWORK: 'local', PORT: '0' }).auth).toEqual({ mode: 'dev' });
  });

  it('leaves a missing bot to an entry that never runs dev mode, which lists it with its own problems', () => {
    const config = loadConfig({ TON_NETWORK: 'testnet', MERCHANT_ADDRESS, HOST: '0.0.0.0', PUBLIC_URL: 'https://shop.example' }, { devModePossible: false });
    expect(config.auth).toEqual({ mode: 'dev' });
  });

  it.each([{ BOT_TOKEN }, { BOT_ID: '7342037359' }])('does not hold a shop with a bot (%o) to any of it', (bot) => {
    const config = loadConfig({ ...bot, TON_NETWORK: 'mainnet', MERCHANT_ADDRESS, HOST: '0.0.0.0', PUBLIC_URL: 'https://shop.example' });
    expect(config.auth.mode).not.toBe('dev');
  });
});

describe("shopUrlOf: the shop's own address, from the settings alone", () => {
  it('is PUBLIC_URL when set, without a trailing slash, wherever the server listens', () => {
    expect(shopUrlOf({ PUBLIC_URL: 'https://shop.example/' }, { host: '127.0.0.1', port: 8080 })).toBe('https://shop.example');
    expect(shopUrlOf({ PUBLIC_URL: 'https://shop.example:8443' }, { host: '0.0.0.0', port: 8080 })).toBe('https://shop.example:8443');
    expect(shopUrlOf({ PUBLIC_URL: 'https://shop.example' })).toBe('https://shop.example');
  });

  it.each([
    ['127.0.0.1', 'http://127.0.0.1:8080'],
    ['localhost', 'http://localhost:8080'],
    ['::1', 'http://[::1]:8080'],
  ])('is the listen address without PUBLIC_URL on loopback (%s)', (host, url) => {
    expect(shopUrlOf({}, { host, port: 8080 })).toBe(url);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'shop.example'])('is null without PUBLIC_URL on %s, which other machines reach by names of their own', (host) => {
    expect(shopUrlOf({}, { host, port: 8080 })).toBeNull();
  });

  it('is null without PUBLIC_URL where nothing listens (a serverless host)', () => {
    expect(shopUrlOf({})).toBeNull();
  });

  it('takes TON only, no tolerance, and the mainnet USDT master on mainnet unless told', () => {
    expect(loadConfig({}).payments).toEqual({ pricingCurrency: 'TON', accepted: ['TON'], usdtMaster: null, toleranceBasisPoints: 0 });
    const mainnet = loadConfig({ BOT_TOKEN, TON_NETWORK: 'mainnet', MERCHANT_ADDRESS, HOST: '0.0.0.0', PUBLIC_URL: 'https://shop.example' });
    expect(mainnet.payments).toEqual({
      pricingCurrency: 'TON',
      accepted: ['TON'],
      usdtMaster: 'EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs',
      toleranceBasisPoints: 0,
    });
  });

  it('reads ACCEPTED_ASSETS, USDT_MASTER and PAYMENT_TOLERANCE_PERCENT', () => {
    const config = loadConfig({ ACCEPTED_ASSETS: 'ton, usdt', USDT_MASTER: MERCHANT_ADDRESS, PAYMENT_TOLERANCE_PERCENT: '0.5' });
    expect(config.payments).toEqual({ pricingCurrency: 'TON', accepted: ['TON', 'USDT'], usdtMaster: MERCHANT_ADDRESS, toleranceBasisPoints: 50 });
    expect(loadConfig({ ACCEPTED_ASSETS: 'USDT' }).payments.accepted).toEqual(['USDT']);
  });

  it('prices in TON unless PRICING_CURRENCY names another currency it knows, in any case', () => {
    expect(loadConfig({}).payments.pricingCurrency).toBe('TON');
    expect(loadConfig({ PRICING_CURRENCY: ' usd ' }).payments.pricingCurrency).toBe('USD');
    expect(loadConfig({ PRICING_CURRENCY: 'IRR' }).payments.pricingCurrency).toBe('IRR');
    for (const bad of ['GBP', 'dollars', 'XTR'])
      expect(problemsOf({ PRICING_CURRENCY: bad })).toEqual([
        expect.stringMatching(/^PRICING_CURRENCY: must be one of TON, USDT, USD, EUR, RUB, INR, AED, TRY, IRR/),
      ]);
  });

  it('refuses an asset it cannot take, a master that is no address, a tolerance that is no percent, and USDT on testnet without a master', () => {
    expect(problemsOf({ ACCEPTED_ASSETS: 'TON,DOGE' })).toEqual([expect.stringMatching(/^ACCEPTED_ASSETS: must be TON, USDT or TON,USDT/)]);
    expect(problemsOf({ USDT_MASTER: `${MERCHANT_ADDRESS.slice(0, -1)}B` })).toEqual([expect.stringMatching(/^USDT_MASTER: is not a valid TON address/)]);
    for (const bad of ['101', '-1', '0.125', 'five'])
      expect(problemsOf({ PAYMENT_TOLERANCE_PERCENT: bad })).toEqual([expect.stringMatching(/^PAYMENT_TOLERANCE_PERCENT:/)]);
    expect(problemsOf({ BOT_TOKEN, TON_NETWORK: 'testnet', MERCHANT_ADDRESS, ACCEPTED_ASSETS: 'TON,USDT' })).toEqual([
      expect.stringMatching(/^USDT_MASTER: required/),
    ]);
  });
});

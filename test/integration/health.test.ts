import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webCrypto } from '../../functions/adapters/crypto/web-crypto';
import { openDatabase } from '../../functions/adapters/db/connect';
import { KNOWN_MIGRATIONS } from '../../functions/adapters/db/migration-status';
import { createChainReader } from '../../functions/adapters/ton/create-chain-reader';
import { BOT_CHECK_CACHE_SECONDS } from '../../functions/api/health-probe';
import { loadConfig } from '../../functions/config';
import { createAppFromEnv, type Shop } from '../../functions/platforms/shared/create-app-from-env';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';
import { createTestApp, TEST_BOT_TOKEN, type TestApp } from '../support/test-app';

interface HealthBody {
  status: 'ok' | 'degraded';
  checks: Record<'database' | 'schema' | 'chain' | 'bot', { ok: boolean; state: string; ms?: number; pending?: number }>;
  version: string;
}

let t: TestApp;
let bot: FakeBotApi;
let shop: Shop;
const errors: unknown[] = [];

/** The shop with a bot configured (the fake Bot API), over the test app's database and dev chain. */
beforeAll(async () => {
  t = await createTestApp();
  bot = createFakeBotApi({ token: TEST_BOT_TOKEN });
  const config = loadConfig({ BOT_TOKEN: TEST_BOT_TOKEN, BOT_API_URL: bot.baseUrl, PUBLIC_URL: 'https://shop.example' });
  shop = createAppFromEnv(config, {
    database: t.db.handle,
    crypto: webCrypto,
    ton: t.ton,
    clock: t.clock.now,
    botFetch: bot.fetch,
    logger: { error: (message, error) => errors.push({ message, error }) },
  });
});
afterAll(() => t.close());
afterEach(() => {
  t.indexer.down = false;
  expect(errors).toEqual([]);
  expect(t.errors).toEqual([]);
});

async function health(app: Shop['app'] = shop.app): Promise<{ status: number; body: HealthBody; text: string }> {
  const res = await app.request('http://shop.test/api/health');
  const text = await res.text();
  expect(res.headers.get('cache-control')).toBe('no-store');
  return { status: res.status, body: JSON.parse(text) as HealthBody, text };
}

describe('GET /api/health', () => {
  it('reports database, chain reader and bot as ok, each with how long it took, and the schema as current', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', version: expect.any(String) });
    const { schema, ...timed } = body.checks;
    for (const check of Object.values(timed)) expect(check).toEqual({ ok: true, state: 'ok', ms: expect.any(Number) });
    expect(schema).toEqual({ ok: true, state: 'ok' });
  });

  it('answers 503 on a database nobody migrated (npm run db:migrate not run), saying how many are pending', async () => {
    const bare = await openDatabase({ driver: 'pglite' });
    try {
      const app = createAppFromEnv(loadConfig({ BOT_TOKEN: TEST_BOT_TOKEN }), { database: bare, crypto: webCrypto, ton: t.ton, botFetch: bot.fetch }).app;
      const { status, body } = await health(app);
      expect(status).toBe(503);
      expect(body.status).toBe('degraded');
      expect(body.checks.database).toMatchObject({ ok: true });
      expect(body.checks.schema).toEqual({ ok: false, state: 'migrations_pending', pending: KNOWN_MIGRATIONS.length });
    } finally {
      await bare.close();
    }
  });

  it('says the bot is not configured when the shop knows only its id (no token), and is still ok', async () => {
    const thirdParty = createAppFromEnv(loadConfig({ BOT_ID: '7000000001' }), { database: t.db.handle, crypto: webCrypto, ton: t.ton });
    const { status, body } = await health(thirdParty.app);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.bot).toEqual({ ok: true, state: 'not_configured' });
  });

  it('is degraded, not down, when the indexer is down: the shop still sells', async () => {
    t.indexer.down = true;
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.checks.chain).toMatchObject({ ok: false, state: 'down' });
    expect(body.checks.database.ok).toBe(true);
  });

  it('reports an indexer that does not answer as a timeout within a few seconds', async () => {
    const hanging = createAppFromEnv(loadConfig({ BOT_TOKEN: TEST_BOT_TOKEN }), {
      database: t.db.handle,
      crypto: webCrypto,
      // An indexer that accepts the connection and never answers (until the reader gives up on it).
      ton: {
        ...t.ton,
        chain: createChainReader({
          kind: 'toncenter',
          baseUrl: 'http://indexer.test',
          fetch: (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
        }),
      },
      botFetch: bot.fetch,
    });
    const started = Date.now();
    const { body } = await health(hanging.app);
    expect(body.checks.chain).toMatchObject({ ok: false, state: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('asks Telegram (getMe) at most once a minute while the bot is fine', async () => {
    t.clock.advanceSeconds(BOT_CHECK_CACHE_SECONDS + 1);
    const getMeCalls = () => bot.callsOf('getMe').length;
    const before = getMeCalls();
    await health();
    await health();
    expect(getMeCalls()).toBe(before + 1);
    t.clock.advanceSeconds(BOT_CHECK_CACHE_SECONDS + 1);
    await health();
    expect(getMeCalls()).toBe(before + 2);
  });

  it('reports a bot Telegram refuses, asks again next time, and never shows the token or the reason', async () => {
    t.clock.advanceSeconds(BOT_CHECK_CACHE_SECONDS + 1);
    bot.failNext('getMe', { kind: 'error', errorCode: 401, description: `Unauthorized: token ${TEST_BOT_TOKEN} revoked` });
    const failed = await health();
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('degraded');
    expect(failed.body.checks.bot).toMatchObject({ ok: false, state: 'down' });
    expect(failed.text).not.toContain(TEST_BOT_TOKEN);
    expect(failed.text).not.toMatch(/Unauthorized|http|indexer/i);
    const calls = bot.callsOf('getMe').length;
    const recovered = await health();
    expect(bot.callsOf('getMe').length).toBe(calls + 1);
    expect(recovered.body.checks.bot).toMatchObject({ ok: true, state: 'ok' });
  });

  it('answers 503 when the database is down', async () => {
    // A database of its own, closed under the app: every query fails as with a dead server.
    const gone = await openDatabase({ driver: 'pglite' });
    const app = createAppFromEnv(loadConfig({ BOT_TOKEN: TEST_BOT_TOKEN }), { database: gone, crypto: webCrypto, ton: t.ton, botFetch: bot.fetch }).app;
    await gone.close();
    const { status, body, text } = await health(app);
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.checks.database).toMatchObject({ ok: false, state: 'down' });
    expect(body.checks.schema).toEqual({ ok: false, state: 'unknown' });
    expect(text).not.toMatch(/pglite|closed|postgres/i);
  });
});

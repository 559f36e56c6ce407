import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../functions/config';
import { createNetlifyScheduledEntry } from '../../../functions/platforms/netlify';
import { checkServerlessSettings, NEON_NEEDS_WEBSOCKET } from '../../../functions/platforms/shared/serverless-settings';
import { createVercelEntry } from '../../../functions/platforms/vercel';
import { TEST_BOT_TOKEN } from '../../support/test-app';

// Node 20 has no global WebSocket, which Neon's driver needs; Vercel and Netlify may still run Node 20.
// The runtime is made to look like Node 20 whatever runs this test, by hiding its WebSocket.
const NEON_ENV = {
  BOT_TOKEN: TEST_BOT_TOKEN,
  DATABASE_URL: 'postgresql://bazaar:pw@ep-example-123456-pooler.eu-central-1.aws.neon.tech/bazaar?sslmode=require',
  DATABASE_DRIVER: 'neon',
  TON_NETWORK: 'testnet',
  MERCHANT_ADDRESS: 'EQAhJQ0PuHOMQiLaCZTL6IGoVJjxfdvezMY7Qa7BXEHV8TKK',
};

describe('DATABASE_DRIVER=neon on a runtime without WebSocket', () => {
  const webSocket = globalThis.WebSocket;
  const log = console.error;
  let logged: string[] = [];
  beforeAll(() => {
    Reflect.deleteProperty(globalThis, 'WebSocket');
    console.error = (message: unknown) => logged.push(String(message));
  });
  afterAll(() => {
    if (webSocket) globalThis.WebSocket = webSocket;
    console.error = log;
  });

  it('answers 503 NOT_CONFIGURED, not 500, and the log says what to change', async () => {
    logged = [];
    const entry = createVercelEntry({ env: NEON_ENV });
    for (const path of ['/api/health', '/api/catalog']) {
      const res = await entry.fetch(new Request(`https://shop.example${path}`));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'NOT_CONFIGURED', message: 'The shop is not configured yet.' } });
    }
    expect(logged.join('\n')).toContain(NEON_NEEDS_WEBSOCKET);
    expect(logged.join('\n')).not.toContain('pw@');
  });

  it('fails a scheduled run with the same reason', async () => {
    await expect(createNetlifyScheduledEntry({ env: NEON_ENV })()).rejects.toThrow(/DATABASE_DRIVER=neon: needs a runtime with a built-in WebSocket/);
  });

  it('lists it with the other problems, and only when Neon is the driver and no database is provided', () => {
    const check = (env: Record<string, string>, options: { databaseProvided: boolean; webSocketAvailable?: boolean }) => {
      try {
        // As the serverless entries read their settings (functions/platforms/shared/serverless-shop.ts).
        checkServerlessSettings(loadConfig(env, { devModePossible: false }), { where: 'a serverless host', ...options });
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.problems;
      }
    };
    expect(check({ ...NEON_ENV, BOT_TOKEN: '' }, { databaseProvided: false })).toEqual([expect.stringMatching(/^BOT_TOKEN or BOT_ID/), NEON_NEEDS_WEBSOCKET]);
    expect(check(NEON_ENV, { databaseProvided: false, webSocketAvailable: true })).toEqual([]);
    expect(check({ ...NEON_ENV, DATABASE_DRIVER: 'postgres' }, { databaseProvided: false })).toEqual([]);
    // A Worker with a Hyperdrive binding, or a test's own database: Neon's driver is not used.
    expect(check(NEON_ENV, { databaseProvided: true })).toEqual([]);
  });
});

import { nodeCrypto } from '../../functions/adapters/crypto/node-crypto';
import { seedDemoCatalogIfEmpty } from '../../functions/adapters/db/seed-demo-catalog';
import { createApp, type App } from '../../functions/app';
import { composeAppDeps } from '../../functions/compose';
import { signInitData } from '../../functions/core/init-data/sign-init-data';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A bot token for tests only; it signs the initData the tests send, like Telegram would. */
export const TEST_BOT_TOKEN = '7000000001:AAtest-token-for-bazaar-integration-tests';

export interface TestUser {
  id: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private nowMs = Date.parse('2026-11-23T10:00:00Z')) {}
  now = (): Date => new Date(this.nowMs);
  advanceSeconds(seconds: number): void {
    this.nowMs += seconds * 1000;
  }
}

export interface TestApp {
  app: App;
  db: TestDatabase;
  clock: TestClock;
  errors: unknown[];
  /** Signs initData for `user` at the clock's current time: the value of an Authorization header. */
  authFor(user: TestUser, options?: { authDate?: number }): Promise<string>;
  /** JSON request through the real app, in-process. */
  request(path: string, init?: { method?: string; body?: unknown; auth?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** The real app over a fresh real database, with the demo catalog seeded unless told otherwise. */
export async function createTestApp(options: { seed?: boolean; orderTtlSeconds?: number } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  if (options.seed !== false) await seedDemoCatalogIfEmpty(db.handle.db);
  const clock = new TestClock();
  const errors: unknown[] = [];
  const app = createApp(
    composeAppDeps({
      database: db.handle,
      auth: { mode: 'bot-token', botToken: TEST_BOT_TOKEN },
      crypto: nodeCrypto,
      clock: clock.now,
      // An unexpected 500 must fail the test that caused it, so errors are collected, not just printed.
      logger: { error: (message, error) => errors.push({ message, error }) },
      initDataMaxAgeSeconds: 86_400,
      orderTtlSeconds: options.orderTtlSeconds ?? 1800,
      devMode: false,
    }),
  );
  return {
    app,
    db,
    clock,
    errors,
    async authFor(user, { authDate } = {}) {
      const initData = await signInitData({
        fields: {
          query_id: `AAH${user.id}`,
          user: JSON.stringify({
            id: user.id,
            first_name: user.firstName ?? `User ${user.id}`,
            ...(user.username && { username: user.username }),
            language_code: user.languageCode ?? 'en',
          }),
          auth_date: String(authDate ?? Math.floor(clock.now().getTime() / 1000)),
        },
        botToken: TEST_BOT_TOKEN,
        crypto: nodeCrypto,
      });
      return `tma ${initData}`;
    },
    request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.auth) headers.authorization = init.auth;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return Promise.resolve(
        app.request(`http://shop.test${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, ...(body !== undefined && { body }) }),
      );
    },
    close: () => db.destroy(),
  };
}

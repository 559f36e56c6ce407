import { nodeCrypto } from '../../functions/adapters/crypto/node-crypto';
import { seedDemoCatalogIfEmpty } from '../../functions/adapters/db/seed-demo-catalog';
import { createApp, type App } from '../../functions/app';
import { composeAppDeps } from '../../functions/compose';
import type { BlobStore } from '../../functions/core/media/blob-store';
import type { PushSender } from '../../functions/core/push/push-sender';
import { signInitData } from '../../functions/core/init-data/sign-init-data';
import { signLoginWidgetData } from '../../functions/core/auth/sign-login-widget';
import { createTestDatabase, type TestDatabase } from './test-database';
import { loadConfig, shopUrlOf } from '../../functions/config';
import { DEV_CHAIN_IN_PROCESS_URL, fetchFromDevChainApp, setupTon, type TonSetup } from '../../functions/platforms/node/ton-setup';
import { createChainReader } from '../../functions/adapters/ton/create-chain-reader';
import type { DevWalletInfo } from '../../functions/adapters/ton/dev-chain/dev-wallet';
import { createBotApiClient } from '../../functions/adapters/telegram/bot-api-client';
import { createFakeBotApi, type FakeBotApi } from '../fakes/fake-bot-api';

/** A bot token for tests only; it signs the initData the tests send, like Telegram would. */
export const TEST_BOT_TOKEN = '7000000001:AAtest-token-for-bazaar-integration-tests';
export const TEST_CRON_SECRET = 'test-cron-secret-0123456789';
/** Telegram user ids the test app treats as the shop's staff. */
export const TEST_ADMIN_IDS = [9000001];
/** The test bot's username, offered to the Login Widget by GET /api/auth/config. */
export const TEST_BOT_USERNAME = 'bazaar_test_bot';
/** What the test app expects in X-Telegram-Bot-Api-Secret-Token on its webhook. */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret_0123456789';
/** The merchant chat (MERCHANT_CHAT_IDS) that hears of new orders in the test app: a group, as usual. */
export const TEST_MERCHANT_CHAT_ID = -1001234567890;
/**
 * The test shop's configured address (as PUBLIC_URL or a local server's listen address would be): test
 * requests go there, and a same-origin browser sends it as `Origin`.
 */
export const TEST_ORIGIN = 'http://shop.test';

export interface TestUser {
  id: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

/**
 * A clock the test moves by hand, forward only. The test app's dev chain runs on it too (chain time is
 * shop time). It starts at the real time, as wallets sign with the real time.
 */
export class TestClock {
  constructor(private nowMs = Math.floor(Date.now() / 1000) * 1000) {}
  now = (): Date => new Date(this.nowMs);
  advanceSeconds(seconds: number): void {
    this.nowMs += seconds * 1000;
  }
}

export interface TestApp {
  app: App;
  db: TestDatabase;
  clock: TestClock;
  /** The local TON dev chain the app reads, with its merchant wallet. */
  ton: TonSetup & { dev: NonNullable<TonSetup['dev']> };
  deps: ReturnType<typeof composeAppDeps>;
  /** Switch the indexer off to simulate an outage: every request answers 503, as a down toncenter does. */
  indexer: { down: boolean; requests: number };
  errors: unknown[];
  /**
   * The fake Bot API the app's bot talks to (in-process, real wire format). Outbox messages are sent only
   * when a test runs the worker (POST /api/cron/notify) or, for webhook replies, right away.
   */
  bot: FakeBotApi;
  /** Signs initData for `user` at the clock's current time: the value of an Authorization header. */
  authFor(user: TestUser, options?: { authDate?: number }): Promise<string>;
  /** Login Widget data for `user` signed for the test bot, as the widget hands it to the page. */
  widgetFor(user: TestUser, options?: { authDate?: number; lastName?: string }): Promise<Record<string, string | number>>;
  /**
   * Signs `user` in on the web with the Login Widget and returns the session cookie (`bazaar_session=…`),
   * ready for a `cookie` header.
   */
  webSignIn(user: TestUser): Promise<string>;
  /**
   * A `POST /api/auth/ton-proof` body for a dev-chain wallet, signed by its key as a wallet app would:
   * a fresh payload from the shop unless given, the shop's domain, now, and the wallet's StateInit.
   */
  tonProofFor(
    wallet: DevWalletInfo,
    options?: { payload?: string; domain?: string; timestampSeconds?: number; withStateInit?: boolean },
  ): Promise<{ address: string; network: string; public_key: string; proof: Record<string, unknown> }>;
  /** Signs a dev wallet in with ton_proof and returns the session cookie. */
  walletSignIn(wallet: DevWalletInfo): Promise<string>;
  /**
   * JSON request through the real app, in-process. `to` is the origin it is sent to, as a client's URL
   * and `Host` header say (default TEST_ORIGIN): a forged Host is `{ to: 'http://evil.example' }`.
   */
  request(path: string, init?: { method?: string; body?: unknown; auth?: string; headers?: Record<string, string>; to?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** The real app over a fresh real database, with the demo catalog seeded unless told otherwise. */
export async function createTestApp(
  options: {
    seed?: boolean;
    orderTtlSeconds?: number;
    /** PUBLIC_URL; it is also the shop's address when given. */
    publicUrl?: string;
    /**
     * The shop's own address (AppDeps['shop']['url']): default `publicUrl`, else TEST_ORIGIN, as on a
     * local server; null for a host that knows none (a serverless entry without PUBLIC_URL).
     */
    shopUrl?: string | null;
    devMode?: boolean;
    /** Default [TEST_MERCHANT_CHAT_ID]. */
    merchantChatIds?: number[];
    /** false: no bot token configured (dev mode's console bot; the webhook is off). */
    liveBot?: boolean;
    /** Where uploaded images go; default the database. */
    blobs?: BlobStore;
    /** MERCHANT_ADDRESS on the dev chain; default the dev chain's own deployed merchant wallet. */
    merchantAddress?: string;
    /** Seed the demo shop's delivery methods too (then physical orders must say how they are delivered). */
    deliveryMethods?: boolean;
    /** SHOP_CHANNEL_IDS; default none. */
    channelIds?: number[];
    /** Web Push: the VAPID public key and a sender; off by default (no keys). */
    push?: { publicKey: string; sender: PushSender; allowLoopbackEndpoints?: boolean };
    /** What the shop takes and quotes with (ACCEPTED_ASSETS …); default TON only, the fixed dev rates, the dev USDT. */
    pricing?: Parameters<typeof composeAppDeps>[0]['pricing'];
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  if (options.seed !== false)
    await seedDemoCatalogIfEmpty(db.handle.db, { deliveryMethods: options.deliveryMethods ?? false, currency: options.pricing?.currency ?? 'TON' });
  const clock = new TestClock();
  const errors: unknown[] = [];
  // The chain keeps the test's time: a payment sent after the test moved the clock lands at that time.
  const setup = await setupTon(loadConfig(options.merchantAddress ? { MERCHANT_ADDRESS: options.merchantAddress } : {}).env, { clock: clock.now });
  const dev = setup.dev;
  if (!dev) throw new Error('the test app runs on the local dev chain');
  const indexer = { down: false, requests: 0 };
  const fromDevChain = fetchFromDevChainApp(dev.app);
  // The real toncenter adapter over the dev chain's real toncenter-format app, with an off switch and
  // short retries so an outage test takes milliseconds.
  const ton: TonSetup = {
    ...setup,
    chain: createChainReader({
      kind: 'toncenter',
      baseUrl: DEV_CHAIN_IN_PROCESS_URL,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, deadlineMs: 2_000 },
      fetch: async (input, init) => {
        indexer.requests++;
        if (indexer.down) return Response.json({ error: 'service unavailable' }, { status: 503 });
        return fromDevChain(input, init);
      },
    }),
  };
  const bot = createFakeBotApi({ token: TEST_BOT_TOKEN });
  const deps = composeAppDeps({
    database: db.handle,
    auth: { mode: 'bot-token', botToken: TEST_BOT_TOKEN },
    crypto: nodeCrypto,
    clock: clock.now,
    // An unexpected 500 must fail the test that caused it, so errors are collected, not just printed.
    logger: { error: (message, error) => errors.push({ message, error }) },
    initDataMaxAgeSeconds: 86_400,
    orderTtlSeconds: options.orderTtlSeconds ?? 1800,
    devMode: options.devMode ?? false,
    shop: {
      // The names the tests expect: the default shop's, or the one on a public URL.
      name: options.publicUrl === undefined ? 'Bazaar' : 'Bazaar test shop',
      publicUrl: options.publicUrl,
      url: options.shopUrl !== undefined ? options.shopUrl : options.publicUrl !== undefined ? shopUrlOf({ PUBLIC_URL: options.publicUrl }) : TEST_ORIGIN,
      channelIds: (options.channelIds ?? []).map(String),
    },
    ton,
    cronSecret: TEST_CRON_SECRET,
    adminIds: TEST_ADMIN_IDS.map(String),
    ...(options.blobs && { blobs: options.blobs }),
    ...(options.push && { push: options.push }),
    ...(options.pricing && { pricing: options.pricing }),
    webAuth: { botUsername: TEST_BOT_USERNAME, sessionTtlSeconds: 3600 },
    ...(options.liveBot !== false && { bot: createBotApiClient({ token: TEST_BOT_TOKEN, baseUrl: bot.baseUrl, fetch: bot.fetch }) }),
    telegram: {
      username: TEST_BOT_USERNAME,
      webhookSecret: TEST_WEBHOOK_SECRET,
      merchantChatIds: (options.merchantChatIds ?? [TEST_MERCHANT_CHAT_ID]).map(String),
      consoleLog: () => {},
    },
  });
  const app = createApp(deps);
  const testApp: TestApp = {
    app,
    db,
    clock,
    ton: { ...ton, dev },
    deps,
    indexer,
    errors,
    bot,
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
    async widgetFor(user, { authDate, lastName } = {}) {
      const fields = await signLoginWidgetData({
        fields: {
          id: String(user.id),
          first_name: user.firstName ?? `User ${user.id}`,
          ...(lastName !== undefined && { last_name: lastName }),
          ...(user.username && { username: user.username }),
          auth_date: String(authDate ?? Math.floor(clock.now().getTime() / 1000)),
        },
        botToken: TEST_BOT_TOKEN,
        crypto: nodeCrypto,
      });
      // The widget's callback gets id and auth_date as numbers.
      return { ...fields, id: Number(fields.id), auth_date: Number(fields.auth_date) };
    },
    async webSignIn(user) {
      const body = await testApp.widgetFor(user);
      const res = await testApp.request('/api/auth/telegram-widget', { body, headers: { origin: TEST_ORIGIN } });
      if (res.status !== 200) throw new Error(`web sign-in failed: ${res.status} ${await res.text()}`);
      return sessionCookieOf(res);
    },
    async tonProofFor(wallet, { payload, domain, timestampSeconds, withStateInit = true } = {}) {
      const issued = payload ?? ((await (await testApp.request('/api/auth/ton-proof/payload')).json()) as { payload: string }).payload;
      const proof = dev.chain.signTonProof(wallet.id, {
        domain: domain ?? new URL(TEST_ORIGIN).host,
        payload: issued,
        timestampSeconds: timestampSeconds ?? Math.floor(clock.now().getTime() / 1000),
      });
      return {
        address: wallet.address,
        network: '-3',
        public_key: wallet.publicKey,
        proof: { ...proof, ...(withStateInit && { state_init: wallet.walletStateInit }) },
      };
    },
    async walletSignIn(wallet) {
      const body = await testApp.tonProofFor(wallet);
      const res = await testApp.request('/api/auth/ton-proof', { body, headers: { origin: TEST_ORIGIN } });
      if (res.status !== 200) throw new Error(`wallet sign-in failed: ${res.status} ${await res.text()}`);
      return sessionCookieOf(res);
    },
    request(path, init = {}) {
      const to = init.to ?? TEST_ORIGIN;
      const headers: Record<string, string> = { host: new URL(to).host, ...init.headers };
      if (init.auth) headers.authorization = init.auth;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return Promise.resolve(app.request(`${to}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, ...(body !== undefined && { body }) }));
    },
    close: () => db.destroy(),
  };
  return testApp;
}

/** The `bazaar_session=…` pair a response set, for a later request's `cookie` header. */
export function sessionCookieOf(res: Response): string {
  const pair = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((p) => p.startsWith('bazaar_session='));
  if (!pair) throw new Error('the response set no session cookie');
  return pair;
}

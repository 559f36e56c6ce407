import { mkdir } from 'node:fs/promises';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { nodeCrypto } from '../../adapters/crypto/node-crypto';
import { openDatabase } from '../../adapters/db/connect';
import { migrateDatabase } from '../../adapters/db/migrate';
import { seedDemoCatalogIfEmpty } from '../../adapters/db/seed-demo-catalog';
import { createApp } from '../../app';
import { composeAppDeps } from '../../compose';
import type { AuthConfig, Config } from '../../config';
import { injectDevInitData, makeDevBotToken, signDevInitData } from './dev-mode';
import { staticSite } from './static-site';
import { reconcilePayments } from '../../core/payments/reconcile-payments';
import { DEV_CHAIN_PATH, setupTon } from './ton-setup';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the whole shop on Node: database, migrations, demo catalog, API, the built Mini App, sweeps. */
export async function startNodeServer(config: Config, logger: Logger): Promise<RunningServer> {
  const { env } = config;
  if (config.database.driver === 'pglite') await mkdir(config.database.dataDir, { recursive: true });
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  if (env.DEMO_CATALOG && (await seedDemoCatalogIfEmpty(database.db))) {
    logger.info('Seeded the demo catalog (set DEMO_CATALOG=false to start with an empty shop).');
  }

  const { auth, devBotToken } = resolveAuth(config.auth);
  const ton = await setupTon(env);
  const devMode = devBotToken !== null;
  const deps = composeAppDeps({
    database,
    auth,
    crypto: nodeCrypto,
    logger,
    initDataMaxAgeSeconds: env.INIT_DATA_MAX_AGE_SECONDS,
    orderTtlSeconds: env.ORDER_TTL_SECONDS,
    devMode,
    shop: { name: env.SHOP_NAME, publicUrl: env.PUBLIC_URL },
    ton,
    cronSecret: env.CRON_SECRET,
    adminIds: env.ADMIN_IDS ?? [],
    webAuth: { botUsername: env.BOT_USERNAME, sessionTtlSeconds: env.SESSION_TTL_SECONDS },
  });

  const root = new Hono();
  // The dev chain is open to any wallet on the shop's own port, and exists only with TON_NETWORK=local.
  if (ton.dev) root.route(DEV_CHAIN_PATH, ton.dev.app);
  root.route('/', createApp(deps));
  root.route(
    '/',
    staticSite({
      dir: env.STATIC_DIR,
      ...(devBotToken !== null && {
        transformIndexHtml: async (html: string) =>
          injectDevInitData(html, await signDevInitData(devBotToken, nodeCrypto, deps.clock())),
      }),
    }),
  );

  const sweep = setInterval(() => {
    deps.orders.expireDueOrders(deps.clock()).then(
      (ids) => ids.length > 0 && logger.info(`Expired ${ids.length} unpaid order(s) and released their stock.`),
      (error) => logger.error('order expiry sweep failed', error),
    );
  }, env.ORDER_SWEEP_INTERVAL_SECONDS * 1000);
  sweep.unref();

  // Payments reach the shop even when the customer closed the app before confirming: read the merchant
  // account's new transactions on an interval. Runs never overlap here (and are safe if they did).
  let reconciling = false;
  const reconcileEverySeconds = env.RECONCILE_INTERVAL_SECONDS ?? (ton.network === 'local' ? 2 : 10);
  const reconcile = setInterval(() => {
    if (reconciling) return;
    reconciling = true;
    reconcilePayments({ chain: deps.payments.chain, payments: deps.payments.repo, merchantAddress: deps.payments.merchant.raw, now: deps.clock() })
      .then(
        (report) => {
          if (report.paid + report.attention + report.released > 0) {
            logger.info(`Payments: ${report.paid} paid, ${report.attention} need attention, ${report.released} released.`);
          }
        },
        (error) => logger.error('payment reconciliation failed (will retry)', error),
      )
      .finally(() => {
        reconciling = false;
      });
  }, reconcileEverySeconds * 1000);
  reconcile.unref();

  const server = await new Promise<ServerType>((resolveServer) => {
    const s = serve({ fetch: root.fetch, port: env.PORT, hostname: env.HOST }, () => resolveServer(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;

  if (devMode) {
    logger.warn(
      [
        '',
        '  ┌──────────────────────────────────────────────────────────────────────┐',
        '  │ DEV MODE: no BOT_TOKEN is set. A random local bot token signs a demo │',
        '  │ customer into every page served here. Never expose this to people.   │',
        '  │ Set BOT_TOKEN (from @BotFather) to run a real shop.                  │',
        '  └──────────────────────────────────────────────────────────────────────┘',
      ].join('\n'),
    );
  }
  logger.info(`Database: ${database.driver === 'pglite' ? `embedded PGlite in ${env.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'}`);
  logger.info(
    ton.dev
      ? `TON: local dev chain at ${url}${DEV_CHAIN_PATH} (toncenter v3 format); merchant wallet ${deps.payments.merchant.friendly}`
      : `TON: ${ton.network}, merchant ${deps.payments.merchant.friendly}, indexer ${env.TON_INDEXER}`,
  );
  logger.info(`Bazaar is running at ${url}`);

  return {
    url,
    async close() {
      clearInterval(sweep);
      clearInterval(reconcile);
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
    },
  };
}

/** Dev mode is only ever the absence of any bot configuration; its token lives in this process only. */
function resolveAuth(auth: AuthConfig): { auth: Exclude<AuthConfig, { mode: 'dev' }>; devBotToken: string | null } {
  if (auth.mode !== 'dev') return { auth, devBotToken: null };
  const devBotToken = makeDevBotToken();
  return { auth: { mode: 'bot-token', botToken: devBotToken }, devBotToken };
}

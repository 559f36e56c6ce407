import { serve, type ServerType } from '@hono/node-server';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { withCatalogLane } from './catalog-lane';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { nodeCrypto } from '../../adapters/crypto/node-crypto';
import { openDatabase } from '../../adapters/db/connect';
import { migrateDatabase } from '../../adapters/db/migrate';
import { seedDemoCatalogIfEmpty } from '../../adapters/db/seed-demo-catalog';
import { createWebPushSender } from '../../adapters/push/web-push-sender';
import { createAppFromEnv } from '../shared/create-app-from-env';
import { listenUrl, type AuthConfig, type Config } from '../../config';
import { DEV_USER, injectDevInitData, makeDevBotToken, signDevInitData } from './dev-mode';
import { createFolderBlobStore } from '../../adapters/blob/folder-blob-store';
import { createS3BlobStoreFromConfig } from '../shared/blob-store-from-config';
import { join } from 'node:path';
import { loadSharpVariantMaker } from '../../adapters/media/sharp-variants';
import { withImageVariants } from '../../core/media/image-variants';
import { staticSite } from './static-site';
import { runJobOnInterval } from '../../jobs/run-on-interval';
import { DEV_CHAIN_PATH, setupTon } from './ton-setup';
import { describeMerchantAccount } from '../../core/payments/merchant-account';

/** How often the Node server reads getStarTransactions for Stars payments the webhook missed. */
const STARS_RECONCILE_INTERVAL_SECONDS = 60;
/** How often the Node server plans abandoned-cart reminders and back-in-stock messages. */
const REMIND_INTERVAL_SECONDS = 60;

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
  const database = await openDatabase(config.database);
  // Production platforms migrate with `npm run db:migrate`; a single Node server may do it itself.
  if (env.MIGRATE_ON_START) {
    const applied = await migrateDatabase(database);
    if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);
  }
  // The demo shop ships, couriers and has a pickup point, so its checkout asks what a real one would;
  // it is priced in the shop's currency (core/catalog/demo-prices.ts).
  if (env.DEMO_CATALOG && (await seedDemoCatalogIfEmpty(database.db, { deliveryMethods: true, currency: config.payments.pricingCurrency }))) {
    logger.info('Seeded the demo catalog (set DEMO_CATALOG=false to start with an empty shop).');
  }

  const { auth, devBotToken } = resolveAuth(config.auth);
  const ton = await setupTon(env);
  const devMode = devBotToken !== null;
  // The same bootstrap as the serverless entries; Node adds dev mode and the in-process dev chain.
  // Dev mode lets whoever runs `npm start` try the admin screens: the demo user is the shop's admin
  // unless ADMIN_IDS names the real ones.
  const devAdmin = devMode && !env.ADMIN_IDS;
  const store =
    env.BLOB_STORE === 'folder'
      ? createFolderBlobStore(env.MEDIA_DIR ?? join(env.DATA_DIR, 'media'))
      : createS3BlobStoreFromConfig(config, { db: database.db, crypto: nodeCrypto });
  // Uploads get resized WebP variants where sharp loads (an optional dependency).
  const makeVariants = store ? await loadSharpVariantMaker() : null;
  const blobs =
    store && makeVariants ? withImageVariants(store, makeVariants, (error) => logger.warn(`no resized variants for an upload: ${String(error)}`)) : store;

  // Without PUBLIC_URL, a loopback listen address is the shop's own (ton_proof's domain, the cookie's
  // origin, the manifest's url; config.ts, shopUrlOf), and PORT=0 leaves its port to the system: so the
  // server listens first and the app is built on the address it got. Nothing awaits in between, so no
  // request meets the placeholder answer in practice.
  let root: Hono | undefined;
  // Catalog reads skip the framework once the app exists (catalog-lane.ts); until then, and for every
  // other request, node-server's listener serves `root`.
  let listener: RequestListener | undefined;
  let lane: RequestListener | undefined;
  const server = await new Promise<ServerType>((resolveServer) => {
    const s = serve(
      {
        fetch: (request, bindings) => (root ? root.fetch(request, bindings) : starting()),
        port: env.PORT,
        hostname: env.HOST,
        createServer: ((options: ServerOptions, honoListener: RequestListener) => {
          listener = honoListener;
          return createServer(options, (req, res) => (lane ?? honoListener)(req, res));
        }) as typeof createServer,
      },
      () => resolveServer(s),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = listenUrl(env.HOST, port);

  const { app, deps } = createAppFromEnv(config, {
    database,
    crypto: nodeCrypto,
    ton,
    auth,
    devMode,
    logger,
    listening: { host: env.HOST, port },
    precompressCatalog: true,
    createPushSender: createWebPushSender,
    ...(blobs && { blobs }),
    ...(devAdmin && { adminIds: [String(DEV_USER.id)] }),
  });
  if (devAdmin) logger.info(`Dev mode: the demo user (Telegram id ${DEV_USER.id}) is an admin; set ADMIN_IDS to choose the real ones.`);

  const site = new Hono();
  // API answers of 1 KB and more (the catalog, order lists, exports) are gzipped for a client that accepts
  // it; serverless hosts compress at their edge instead. A strong ETag becomes weak, as it must.
  site.use('/api/*', compress());
  // The dev chain is open to any wallet on the shop's own port, and exists only with TON_NETWORK=local.
  if (ton.dev) site.route(DEV_CHAIN_PATH, ton.dev.app);
  site.route('/', app);
  site.route(
    '/',
    staticSite({
      dir: env.STATIC_DIR,
      ...(devBotToken !== null && {
        transformIndexHtml: async (html: string) => injectDevInitData(html, await signDevInitData(devBotToken, nodeCrypto, deps.clock())),
      }),
    }),
  );
  root = site;
  if (listener) lane = withCatalogLane(deps.catalogReads, listener);

  // The platforms' cron runs these jobs; a long-lived server runs each on its own interval instead.
  // Payments reach the shop even when the customer closed the app before confirming.
  const reconcileEverySeconds = env.RECONCILE_INTERVAL_SECONDS ?? (ton.network === 'local' ? 2 : 10);
  const stopJobs = [
    runJobOnInterval(deps, 'expire-orders', env.ORDER_SWEEP_INTERVAL_SECONDS, logger),
    runJobOnInterval(deps, 'reconcile-payments', reconcileEverySeconds, logger),
    // Refunds signed in the admin: confirmed from the chain as quickly as payments are.
    runJobOnInterval(deps, 'confirm-refunds', reconcileEverySeconds, logger),
    // Stars payments whose update was missed; the webhook applies the rest at once, so a minute is plenty.
    runJobOnInterval(deps, 'reconcile-stars', STARS_RECONCILE_INTERVAL_SECONDS, logger),
    // Bot messages (new orders, status changes, reminders) go out from the outbox; runs never overlap.
    runJobOnInterval(deps, 'notify', env.OUTBOX_INTERVAL_SECONDS, logger),
    // Abandoned carts are counted in hours and restocks need no second's precision: once a minute.
    runJobOnInterval(deps, 'remind', REMIND_INTERVAL_SECONDS, logger),
  ];

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
  await deps.probe.merchantAccount().then(
    (status) => (status === 'frozen' ? logger.warn : logger.info)(`Merchant wallet: ${describeMerchantAccount(status)}`),
    () => logger.warn('Merchant wallet: its state could not be read (the indexer did not answer); payments are checked again shortly.'),
  );
  logger.info(
    deps.bot.live
      ? `Bot: messages through the Bot API${env.BOT_API_URL ? ` at ${env.BOT_API_URL}` : ''}; webhook ${deps.bot.webhookSecret ? 'on at /api/telegram/webhook' : 'off (set WEBHOOK_SECRET)'}; new orders go to ${env.MERCHANT_CHAT_IDS?.length ?? 0} merchant chat(s).`
      : 'Bot: no BOT_TOKEN, so bot messages are printed in this log and NOT sent to Telegram.',
  );
  logger.info(`Bazaar is running at ${url}`);

  return {
    url,
    async close() {
      for (const stop of stopJobs) stop();
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
    },
  };
}

/** What a request gets in the moment between listening and the app being ready. */
function starting(): Response {
  return Response.json({ error: { code: 'STARTING', message: 'The shop is starting. Try again in a moment.' } }, { status: 503 });
}

/** Dev mode is only ever the absence of any bot configuration; its token lives in this process only. */
function resolveAuth(auth: AuthConfig): { auth: Exclude<AuthConfig, { mode: 'dev' }>; devBotToken: string | null } {
  if (auth.mode !== 'dev') return { auth, devBotToken: null };
  const devBotToken = makeDevBotToken();
  return { auth: { mode: 'bot-token', botToken: devBotToken }, devBotToken };
}

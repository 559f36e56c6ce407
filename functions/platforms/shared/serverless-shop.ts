import { webCrypto } from '../../adapters/crypto/web-crypto';
import type { DatabaseHandle } from '../../adapters/db/connect';
import { openNeon } from '../../adapters/db/connect-neon';
import { openPostgres } from '../../adapters/db/connect-postgres';
import { ConfigError, loadConfig, type Config } from '../../config';
import { runScheduledJobs, type ScheduledRunReport } from '../../jobs/run-scheduled-jobs';
import type { TonParts } from './chain-from-env';
import { createAppFromEnv, type PlatformParts, type Shop } from './create-app-from-env';
import { createS3BlobStoreFromConfig } from './blob-store-from-config';
import { checkServerlessSettings } from './serverless-settings';
import { notConfiguredResponse } from './not-configured';

export interface ServerlessOptions {
  /** The function's environment (process.env on Vercel and Netlify), read once, at the first call. */
  env?: Record<string, string | undefined>;
  /** How the database is opened; by default the `postgres` driver (or Neon's) on DATABASE_URL. */
  openDatabase?: (config: Config) => DatabaseHandle | Promise<DatabaseHandle>;
  /** How the chain is read; by default the indexer the settings name. */
  ton?: (config: Config) => TonParts;
  botFetch?: typeof fetch;
  logger?: Shop['deps']['logger'];
  /** PlatformParts['createPushSender']: the Node functions' entries pass the web-push one. */
  createPushSender?: PlatformParts['createPushSender'];
}

export interface ServerlessShop {
  fetch(request: Request): Promise<Response>;
  /** One run of every scheduled job (Netlify's scheduled function, and any cron without HTTP). */
  runJobs(): Promise<ScheduledRunReport>;
}

/**
 * The shop inside a Node serverless function (Vercel, Netlify): created at the first call and kept for
 * the life of the instance, a handful of database connections with it. An instance serves one request
 * at a time on Netlify and a few at once with Vercel's Fluid compute, hence the small pool. Nothing is
 * migrated here: `npm run db:migrate` does that before a deploy.
 */
export function createServerlessShop(options: ServerlessOptions = {}): ServerlessShop {
  let shop: Promise<Shop> | undefined;
  const open = () =>
    (shop ??= createShop(options).catch((error: unknown) => {
      shop = undefined; // Settings fixed in the dashboard take effect at the next call.
      throw error;
    }));
  return {
    async fetch(request) {
      let ready: Shop;
      try {
        ready = await open();
      } catch (error) {
        return notConfiguredResponse(error);
      }
      return ready.app.fetch(request);
    },
    async runJobs() {
      return runScheduledJobs((await open()).deps);
    },
  };
}

async function createShop(options: ServerlessOptions): Promise<Shop> {
  const config = loadConfig(options.env ?? process.env, { devModePossible: false });
  const ton = checkServerlessSettings(config, {
    where: 'a serverless host',
    databaseProvided: Boolean(options.openDatabase),
    ...(options.ton && { ton: options.ton }),
  });
  const database = await (options.openDatabase ?? openServerlessDatabase)(config);
  // BLOB_STORE=s3: images in the bucket; otherwise in the database (there is no disk to keep them on).
  const blobs = createS3BlobStoreFromConfig(config, { db: database.db, crypto: webCrypto });
  return createAppFromEnv(config, {
    database,
    crypto: webCrypto,
    ton,
    ...(blobs && { blobs }),
    ...(options.botFetch && { botFetch: options.botFetch }),
    ...(options.logger && { logger: options.logger }),
    ...(options.createPushSender && { createPushSender: options.createPushSender }),
  });
}

/**
 * DATABASE_URL over the `postgres` driver (TCP) or, with DATABASE_DRIVER=neon, Neon's WebSocket driver.
 * @param maxConnections 3 for a function instance; a Worker opens one per request
 */
export function openServerlessDatabase(config: Config, maxConnections = 3): DatabaseHandle {
  if (config.database.driver !== 'postgres') throw new ConfigError(['DATABASE_URL: required on a serverless host']);
  if (config.env.DATABASE_DRIVER === 'neon') return openNeon({ url: config.database.url, maxConnections });
  return openPostgres({ url: config.database.url, maxConnections });
}

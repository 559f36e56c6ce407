// Cloudflare Workers entry (wrangler.toml): the API per request over a fresh database connection, the
// built Mini App from the static assets binding, the scheduled jobs from Cron Triggers.
import { createDatabaseBlobStore } from '../adapters/blob/database-blob-store';
import { createR2BlobStore, type R2BucketLike } from '../adapters/blob/r2-blob-store';
import { createS3BlobStoreFromConfig } from './shared/blob-store-from-config';
import { webCrypto } from '../adapters/crypto/web-crypto';
import type { DatabaseHandle } from '../adapters/db/connect';
import { openPostgres } from '../adapters/db/connect-postgres';
import { loadConfig, type Config } from '../config';
import { runScheduledJobs } from '../jobs/run-scheduled-jobs';
import { isAppPath } from './shared/app-paths';
import { notConfiguredResponse } from './shared/not-configured';
import { checkServerlessSettings } from './shared/serverless-settings';
import { openServerlessDatabase } from './shared/serverless-shop';
import type { TonParts } from './shared/chain-from-env';
import { createAppFromEnv, type Shop } from './shared/create-app-from-env';

/** The bindings wrangler.toml declares, plus the vars and secrets (strings). */
export interface WorkerEnv {
  ASSETS: { fetch(request: Request): Promise<Response> };
  /** A Hyperdrive binding: pooled connections to the Postgres behind it. Preferred over DATABASE_URL. */
  HYPERDRIVE?: { connectionString: string };
  /** An R2 bucket binding for uploaded images. Without it they go to the database (`blobs` table). */
  MEDIA?: R2BucketLike;
  [name: string]: unknown;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

interface ScheduledController {
  cron: string;
  scheduledTime: number;
}

// Settings and the chain reader live as long as the isolate (they hold no I/O). A database connection
// must not: Workers refuse to use an I/O object in a request other than the one that opened it.
let isolate: { config: Config; ton: TonParts } | undefined;

function readIsolate(env: WorkerEnv) {
  if (isolate) return isolate;
  const vars = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const config = loadConfig(vars, { devModePossible: false });
  const ton = checkServerlessSettings(config, { where: 'Workers (or a HYPERDRIVE binding)', databaseProvided: Boolean(env.HYPERDRIVE) });
  isolate = { config, ton };
  return isolate;
}

function openDatabase(env: WorkerEnv, config: Config): DatabaseHandle {
  // Hyperdrive pools on its side, so each request opening its own connection costs little.
  if (env.HYPERDRIVE) return openPostgres({ url: env.HYPERDRIVE.connectionString, maxConnections: 5, prepare: false });
  return openServerlessDatabase(config, 1);
}

function openShop(env: WorkerEnv): Shop & { database: DatabaseHandle } {
  const { config, ton } = readIsolate(env);
  const database = openDatabase(env, config);
  // With a bucket bound, images uploaded before it (in the database) are still found there.
  // An R2 binding first; else an S3-compatible bucket (BLOB_STORE=s3); else the database.
  const blobs = env.MEDIA
    ? createR2BlobStore(env.MEDIA, { readFallback: createDatabaseBlobStore(database.db) })
    : createS3BlobStoreFromConfig(config, { db: database.db, crypto: webCrypto });
  return { ...createAppFromEnv(config, { database, crypto: webCrypto, ton, ...(blobs && { blobs }) }), database };
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    if (!isAppPath(new URL(request.url).pathname)) return env.ASSETS.fetch(request);
    let shop: ReturnType<typeof openShop>;
    try {
      shop = openShop(env);
    } catch (error) {
      return notConfiguredResponse(error);
    }
    try {
      return await shop.app.fetch(request);
    } finally {
      // After the response: the app's answers are buffered, so nothing reads the connection any more.
      ctx.waitUntil(shop.database.close());
    }
  },

  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const shop = openShop(env);
    ctx.waitUntil(runScheduledJobs(shop.deps).finally(() => shop.database.close()));
  },
};

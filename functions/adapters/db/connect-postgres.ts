import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DatabaseHandle, Db } from './connect';
import { readPostgresUrl } from './postgres-url';
import { schema } from './schema';

export interface PostgresOptions {
  url: string;
  /** Pool size. One Worker request or one serverless instance needs very few. */
  maxConnections?: number;
  /**
   * Prepared statements need one server session per client; a transaction-mode pooler (PgBouncer,
   * Supabase's pooler on 6543, Hyperdrive) gives no such promise, so they are off behind one. By
   * default the URL decides: `?pgbouncer=true` turns them off (postgres-url.ts).
   */
  prepare?: boolean;
}

/**
 * The `postgres` driver over TCP. The same module runs on Node and on Workers: its package resolves to a
 * build on `cloudflare:sockets` under the `workerd` export condition, so Hyperdrive's connection string
 * or a plain DATABASE_URL work there as well. Managed databases' strings work as they are copied:
 * `channel_binding` is dropped and `pgbouncer=true` read (postgres-url.ts).
 */
export function openPostgres(options: PostgresOptions): DatabaseHandle {
  const { url, prepare } = readPostgresUrl(options.url);
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    prepare: options.prepare ?? prepare,
    onnotice: () => {},
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

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
  /**
   * Announce every write this pool completes (DatabaseHandle.onLocalWrite): the Node server's catalog then
   * reuses a version read for a bounded time (catalog-repo.ts). Off on serverless entries, whose answers a
   * CDN keeps for the whole 2 s of the freshness rule already.
   */
  announceLocalWrites?: boolean;
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
  const writeListeners = new Set<() => void>();
  const announce = () => {
    for (const listener of writeListeners) listener();
  };
  const db = drizzle(options.announceLocalWrites ? announceWrites(client, announce) : client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    ...(options.announceLocalWrites && { onLocalWrite: (listener: () => void) => writeListeners.add(listener) }),
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** A plain read outside a transaction (`with … update` and everything else counts as a write). */
const READ_ONLY = /^\s*select\s/i;

/**
 * The client as Drizzle sees it, calling `announce` once a statement that may write has ended outside a
 * transaction, or a transaction has ended (committed or not: announcing a rollback costs a version read).
 * Drizzle reaches the database only through `unsafe` and `begin` (drizzle-orm/postgres-js/session.js).
 * Announcing after the end, not before, is what read-your-writes needs: a read started after it sees the commit.
 */
function announceWrites(client: postgres.Sql, announce: () => void): postgres.Sql {
  const unsafe = (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) => {
    const pending = client.unsafe(query, parameters, queryOptions);
    // Attaching a handler starts the query one microtask later, after Drizzle's own `.values()` (postgres.js
    // query.js, handle()); Drizzle's await sees the same outcome.
    if (!READ_ONLY.test(query)) pending.then(announce, announce);
    return pending;
  };
  const begin = (async (...args: unknown[]) => {
    try {
      return await (client.begin as (...a: unknown[]) => Promise<unknown>)(...args);
    } finally {
      announce();
    }
  }) as unknown as postgres.Sql['begin'];
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin') return begin;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

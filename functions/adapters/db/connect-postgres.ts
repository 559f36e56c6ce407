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
  const { url, prepare: prepareFromUrl } = readPostgresUrl(options.url);
  const prepare = options.prepare ?? prepareFromUrl;
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    prepare,
    onnotice: () => {},
  });
  const writeListeners = new Set<() => void>();
  const announce = () => {
    for (const listener of writeListeners) listener();
  };
  const db = drizzle(asDrizzleClient(client, { prepare, ...(options.announceLocalWrites && { announce }) }), { schema }) as unknown as Db;
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
 * The client as Drizzle sees it. Drizzle reaches the database only through `unsafe` and `begin`
 * (drizzle-orm/postgres-js/session.js), and this changes two things there:
 * - `prepare`: Drizzle asks postgres.js not to prepare its queries (unless named), and postgres.js then
 *   sends each query with parameters as Parse/Describe, waits for the answer, then Bind/Execute: two round
 *   trips a statement, and no pipelining (postgres.js connection.js, describeFirst). Prepared (once per
 *   connection and statement text; a connection lives 30 to 60 min), a statement is one round trip and
 *   several in a transaction go out together. Not behind a transaction-mode pooler (`prepare` false).
 * - `announce`: called once a statement that may write has ended outside a transaction, or a transaction
 *   has ended (committed or not: announcing a rollback costs a version read). After the end, not before,
 *   is what read-your-writes needs: a read started after it sees the commit.
 */
function asDrizzleClient(client: postgres.Sql, options: { prepare: boolean; announce?: () => void }): postgres.Sql {
  const { prepare, announce } = options;
  if (!prepare && !announce) return client;
  const wrap = (sql: postgres.Sql | postgres.TransactionSql): postgres.Sql =>
    new Proxy(sql as postgres.Sql, {
      get(target, property, receiver) {
        if (property === 'unsafe') return unsafeOf(target, sql === client ? announce : undefined);
        if (property === 'begin' && sql === client) return begin;
        if (property === 'savepoint' && prepare) {
          return (...args: unknown[]) => {
            const fn = args.at(-1) as (inner: postgres.TransactionSql) => unknown;
            return (target as unknown as postgres.TransactionSql).savepoint(...(args.slice(0, -1) as []), (inner) => fn(wrap(inner) as never));
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  const unsafeOf =
    (target: postgres.Sql, announceAfter: (() => void) | undefined) =>
    (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) => {
      const pending = target.unsafe(query, parameters, prepare ? { ...queryOptions, prepare: true } : queryOptions);
      // Attaching a handler starts the query one microtask later, after Drizzle's own `.values()` (postgres.js
      // query.js, handle()); Drizzle's await sees the same outcome.
      if (announceAfter && !READ_ONLY.test(query)) pending.then(announceAfter, announceAfter);
      return pending;
    };
  const begin = (async (...args: unknown[]) => {
    const fn = args.at(-1) as (tx: postgres.TransactionSql) => unknown;
    try {
      return await (client.begin as (...a: unknown[]) => Promise<unknown>)(...args.slice(0, -1), (tx: postgres.TransactionSql) => fn(wrap(tx) as never));
    } finally {
      announce?.();
    }
  }) as unknown as postgres.Sql['begin'];
  return wrap(client);
}

import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { openPostgres } from './connect-postgres';
import { schema, type Schema } from './schema';

/** The database as the repositories see it: one Drizzle type whatever the driver underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repository functions accept either. */
export type DbExecutor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  /** pglite: in-process (local default); postgres: TCP (Node, Workers via cloudflare:sockets); neon: WebSocket. */
  driver: 'pglite' | 'postgres' | 'neon';
  /** Runs a trivial query; throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: its one client is the whole shop, so every commit that changes the catalog calls
   * `listener` before the writer's own call returns (migration 0006's NOTIFY, which this session opts
   * into). The catalog then needs no query to know it is unchanged (catalog-repo.ts).
   */
  onCatalogChange?: (listener: () => void) => void;
  /**
   * The Node server on the PostgreSQL server: calls `listener` after every write through this handle has
   * ended (connect-postgres.ts). The catalog then reuses a version read for a bounded time, and reads
   * again at once after this instance's own writes (catalog-repo.ts).
   */
  onLocalWrite?: (listener: () => void) => void;
}

/** What migration 0006's trigger notifies on, where the session asked for it. */
const CATALOG_CHANGED_CHANNEL = 'catalog_changed';

export type DatabaseOptions =
  | { driver: 'postgres'; url: string; maxConnections?: number }
  /** `dataDir` undefined keeps the database in memory (tests). */
  | { driver: 'pglite'; dataDir?: string };

/**
 * Opens the database on Node: PGlite (Postgres compiled to WebAssembly, in-process) by default, the
 * `postgres` driver over TCP when a DATABASE_URL is configured. Both are real Postgres; the SQL is the
 * same. The serverless entries never come through here (no PGlite in their bundles): they open
 * connect-postgres.ts or connect-neon.ts directly.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === 'postgres') {
    return openPostgres({
      url: options.url,
      announceLocalWrites: true,
      ...(options.maxConnections !== undefined && { maxConnections: options.maxConnections }),
    });
  }
  // PGlite does not create its folder's parents: a fresh checkout has no .data/ yet.
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const catalogListeners = new Set<() => void>();
  await client.exec(`set bazaar.notify_catalog_changes = 'on'`);
  await client.listen(CATALOG_CHANGED_CHANNEL, () => {
    for (const listener of catalogListeners) listener();
  });
  return {
    db,
    driver: 'pglite',
    onCatalogChange: (listener) => catalogListeners.add(listener),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

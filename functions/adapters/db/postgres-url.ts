/** DATABASE_URL as the `postgres` driver should get it, and what it says about prepared statements. */
export interface PostgresUrlOptions {
  url: string;
  /** false behind a transaction-mode pooler: `?pgbouncer=true` (or postgres.js's own `?prepare=false`). */
  prepare: boolean;
}

/**
 * Parameters the `postgres` driver would send to the server as run-time settings, which PostgreSQL
 * refuses with `unrecognized configuration parameter` before any query:
 * - `channel_binding`: libpq's option, in every connection string Neon shows. postgres.js cannot do
 *   SCRAM channel binding at all, so dropping it changes nothing the driver would have done; use
 *   `sslmode=verify-full` to have the server's certificate checked.
 * - `pgbouncer`: Prisma's flag for a transaction-mode pooler (Supabase's port 6543, PgBouncer), read
 *   here to turn prepared statements off.
 */
const CLIENT_ONLY_PARAMETERS = ['channel_binding', 'pgbouncer'];

/**
 * Reads the options a connection string carries for the client rather than the server, and returns
 * the string without them. A string that is not a URL is returned as it is (the driver reports it).
 */
export function readPostgresUrl(connectionString: string): PostgresUrlOptions {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return { url: connectionString, prepare: true };
  }
  const params = url.searchParams;
  const prepare = !(params.get('pgbouncer') === 'true' || params.get('prepare') === 'false');
  if (!CLIENT_ONLY_PARAMETERS.some((name) => params.has(name))) return { url: connectionString, prepare };
  for (const name of CLIENT_ONLY_PARAMETERS) params.delete(name);
  return { url: url.toString(), prepare };
}

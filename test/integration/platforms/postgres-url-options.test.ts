import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../functions/adapters/db/connect';
import { openPostgres } from '../../../functions/adapters/db/connect-postgres';

// Connection strings as managed databases show them, against the PostgreSQL server: the server is what
// refuses an unknown parameter, so only a real one shows that the string now works.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn('Postgres URL options test skipped: it needs the PostgreSQL server (DATABASE_URL)');

function withParams(params: string): string {
  const url = new URL(serverUrl!);
  for (const [name, value] of new URLSearchParams(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Named prepared statements of the one session the handle's pool holds. */
async function preparedStatementCount(handle: DatabaseHandle): Promise<number> {
  const rows = (await handle.db.execute(sql`select count(*)::int as n from pg_prepared_statements`)) as unknown as { n: number }[];
  return rows[0]!.n;
}

describe.skipIf(!serverUrl)('DATABASE_URL options for managed databases (the postgres driver)', () => {
  const opened: DatabaseHandle[] = [];
  const open = (url: string) => {
    const handle = openPostgres({ url, maxConnections: 1 });
    opened.push(handle);
    return handle;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((handle) => handle.close()));
  });

  it("connects with Neon's channel_binding=require in the string, which the server itself refuses", async () => {
    const url = withParams('sslmode=disable&channel_binding=require');
    const raw = postgres(url, { max: 1, onnotice: () => {} });
    await expect(raw`select 1`).rejects.toThrow(/unrecognized configuration parameter "channel_binding"/);
    await raw.end({ timeout: 5 });

    const handle = open(url);
    await handle.ping();
    expect(await handle.db.execute(sql`select 41 + 1 as answer`)).toEqual([{ answer: 42 }]);
  });

  it('prepares statements on a direct connection', async () => {
    const handle = open(serverUrl!);
    await handle.ping();
    expect(await preparedStatementCount(handle)).toBeGreaterThan(0);
  });

  it('prepares none with pgbouncer=true (a transaction-mode pooler), and still answers queries', async () => {
    const handle = open(withParams('pgbouncer=true'));
    await handle.ping();
    await handle.db.execute(sql`select ${7}::int as n`);
    expect(await preparedStatementCount(handle)).toBe(0);
  });
});

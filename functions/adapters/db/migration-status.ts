import { sql } from 'drizzle-orm';
import type { Db } from './connect';
import journal from './migrations/meta/_journal.json';
import { rowsOf } from './result-rows';

/**
 * The migrations this build of the code expects, oldest first (the journal `npm run db:generate` keeps).
 * Imported rather than read from disk, so that it is inside every bundle, the Worker's included.
 */
export const KNOWN_MIGRATIONS: readonly string[] = journal.entries.map((entry) => entry.tag);

/**
 * How many migrations the database records as applied: Drizzle's migrator adds one row per migration,
 * in journal order, to drizzle.__drizzle_migrations (0 when the table does not exist yet).
 */
export async function countAppliedMigrations(db: Db): Promise<number> {
  const exists = rowsOf(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`));
  if (!exists[0]?.exists) return 0;
  const counted = rowsOf(await db.execute(sql`select count(*)::int as "n" from drizzle.__drizzle_migrations`));
  return Number(counted[0]?.n ?? 0);
}

/** The migrations this code expects that the database has not applied: `npm run db:migrate` was not run. */
export async function listPendingMigrations(db: Db): Promise<string[]> {
  return KNOWN_MIGRATIONS.slice(await countAppliedMigrations(db));
}

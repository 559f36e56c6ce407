import { openDatabase } from '../../adapters/db/connect';
import { migrateDatabase } from '../../adapters/db/migrate';
import { ConfigError, loadConfig } from '../../config';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (the PostgreSQL server, over the
 * `postgres` driver whatever DATABASE_DRIVER the serverless hosts use) or, without it, to the embedded
 * database in DATA_DIR, and says which it applied. Production deploys run this before the new code goes
 * live; the serverless entries never migrate on a cold start.
 * @returns the exit code: 0 done, 1 failed, 2 bad settings
 */
export async function runDbMigrateCli(io: {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}): Promise<number> {
  let config;
  try {
    // Only the database settings: a half-filled .env for the rest must not stop a migration.
    config = loadConfig({ DATABASE_URL: io.env.DATABASE_URL, DATA_DIR: io.env.DATA_DIR });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  const where =
    config.database.driver === 'postgres' ? `PostgreSQL at ${describeUrl(config.database.url)}` : `the embedded database in ${config.database.dataDir}`;
  const database = await openDatabase(config.database.driver === 'postgres' ? { ...config.database, maxConnections: 1 } : config.database);
  try {
    const applied = await migrateDatabase(database);
    if (applied.length === 0) io.out(`Nothing to apply: ${where} is up to date.`);
    else io.out(`Applied ${applied.length} migration(s) to ${where}:\n${applied.map((tag) => `  ${tag}`).join('\n')}`);
    return 0;
  } catch (error) {
    io.err(`Migration failed on ${where}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** host:port/database, never the user or the password. */
function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

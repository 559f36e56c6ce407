import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../functions/adapters/db/connect';
import { migrateDatabase } from '../../functions/adapters/db/migrate';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one test file: PGlite in memory by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (created here, dropped in destroy), so test files never
 * see each other's rows and the same suite runs against both engines.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(handle);
    return { handle, destroy: () => handle.close() };
  }
  const name = `bazaar_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString(), maxConnections: 20 });
  await migrateDatabase(handle);
  return {
    handle,
    async destroy() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

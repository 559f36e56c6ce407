import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseOptions } from '../../../../functions/adapters/db/connect';
import { migrateDatabase } from '../../../../functions/adapters/db/migrate';
import { seedDemoCatalogIfEmpty } from '../../../../functions/adapters/db/seed-demo-catalog';

export interface PreparedDatabase {
  /** What the target is started with: DATABASE_URL, or DATA_DIR for PGlite. */
  env: Record<string, string>;
  options: DatabaseOptions;
  destroy(): Promise<void>;
}

/**
 * A fresh database for one platform target, migrated from Node (as `npm run db:migrate` does before a
 * deploy) and seeded with the demo catalog: a new database on the PostgreSQL server at `serverUrl`, or a
 * new PGlite folder when there is no server. The target itself never migrates.
 */
export async function prepareDatabase(target: { serverUrl?: string | undefined }): Promise<PreparedDatabase> {
  if (!target.serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'bazaar-platform-'));
    const options: DatabaseOptions = { driver: 'pglite', dataDir };
    const handle = await openDatabase(options);
    await migrateDatabase(handle);
    await seedDemoCatalogIfEmpty(handle.db);
    await handle.close();
    return { env: { DATA_DIR: dataDir }, options, destroy: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `bazaar_platform_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(target.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(target.serverUrl);
  url.pathname = `/${name}`;
  const options: DatabaseOptions = { driver: 'postgres', url: url.toString(), maxConnections: 2 };
  const handle = await openDatabase(options);
  await migrateDatabase(handle);
  await seedDemoCatalogIfEmpty(handle.db);
  await handle.close();
  return {
    env: { DATABASE_URL: url.toString() },
    options,
    async destroy() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

import { sql as drizzleSql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../functions/adapters/db/connect';
import { migrateDatabase } from '../../functions/adapters/db/migrate';
import { productVariants } from '../../functions/adapters/db/schema';
import { seedDemoCatalogIfEmpty } from '../../functions/adapters/db/seed-demo-catalog';

/** The PostgreSQL server a bench makes its own database on: BENCH_DATABASE_URL, else DATABASE_URL, else the local one. */
export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database `name` on the bench's server, migrated, with the demo shop (delivery methods too) and
 * stock no run can sell out; its URL, or null (said on the console) when the server is not usable and
 * `what` is skipped.
 */
export async function createScratchShopDatabase(name: string, what: string): Promise<string | null> {
  const admin = postgres(BENCH_ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    console.log(`PostgreSQL server not usable (${(error as Error).message}): skipping ${what}.`);
    return null;
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString() });
  try {
    await migrateDatabase(handle);
    await seedDemoCatalogIfEmpty(handle.db, { deliveryMethods: true });
    await handle.db
      .update(productVariants)
      .set({ stock: 10_000_000 })
      .where(drizzleSql`true`);
  } finally {
    await handle.close();
  }
  return url.toString();
}

export async function dropScratchDatabase(name: string): Promise<void> {
  const admin = postgres(BENCH_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 2 });
}

import { eq } from 'drizzle-orm';
import type { Customer, CustomerRepo, TelegramProfile } from '../../core/customers/customer';
import type { Db } from './connect';
import { customers } from './schema';

/** Customers over Postgres. */
export function createCustomerRepo(db: Db): CustomerRepo {
  return {
    async upsertTelegramCustomer(profile: TelegramProfile) {
      const fields = {
        firstName: profile.firstName,
        lastName: profile.lastName ?? null,
        username: profile.username ?? null,
        languageCode: profile.languageCode ?? null,
      };
      // Read first: almost every call finds the customer unchanged, and a read costs less than a write.
      const [existing] = await db
        .select()
        .from(customers)
        .where(eq(customers.telegramId, profile.telegramId))
        .limit(1);
      if (existing && sameProfile(existing, fields)) return toCustomer(existing);
      const [row] = await db
        .insert(customers)
        .values({ telegramId: profile.telegramId, ...fields })
        .onConflictDoUpdate({
          target: customers.telegramId,
          set: { ...fields, updatedAt: new Date() },
        })
        .returning();
      if (!row) throw new Error('customer upsert returned no row');
      return toCustomer(row);
    },
  };
}

function sameProfile(
  row: typeof customers.$inferSelect,
  fields: Pick<Customer, 'firstName' | 'lastName' | 'username' | 'languageCode'>,
): boolean {
  return (
    row.firstName === fields.firstName &&
    row.lastName === fields.lastName &&
    row.username === fields.username &&
    row.languageCode === fields.languageCode
  );
}

function toCustomer(row: typeof customers.$inferSelect): Customer {
  return {
    id: row.id,
    telegramId: row.telegramId,
    firstName: row.firstName,
    lastName: row.lastName,
    username: row.username,
    languageCode: row.languageCode,
  };
}

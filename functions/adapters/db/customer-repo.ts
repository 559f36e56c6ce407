import { desc, eq, inArray } from 'drizzle-orm';
import { planLink, IdentityInUseError, type Identity } from '../../core/auth/link-identity';
import type { Customer, CustomerRepo, TelegramProfile } from '../../core/customers/customer';
import type { Db, DbExecutor } from './connect';
import { isUniqueViolation } from './pg-errors';
import { customerAddresses, customers, orders, pushSubscriptions, webSessions } from './schema';

type CustomerRow = typeof customers.$inferSelect;

/** Customers over Postgres. */
export function createCustomerRepo(db: Db): CustomerRepo {
  return {
    async recordSharedPhone(telegramId, phoneE164, at) {
      const updated = await db
        .update(customers)
        .set({ phone: phoneE164, phoneSharedAt: at, updatedAt: at })
        .where(eq(customers.telegramId, telegramId))
        .returning({ id: customers.id });
      return updated.length > 0;
    },

    async setMarketingOptOut(telegramId, optedOut, at) {
      const updated = await db
        .update(customers)
        .set({ marketingOptedOutAt: optedOut ? at : null, updatedAt: at })
        .where(eq(customers.telegramId, telegramId))
        .returning({ id: customers.id });
      return updated.length > 0;
    },

    async readCheckoutDetails(customerId) {
      const [[row], addresses] = await Promise.all([
        db.select({ phone: customers.phone }).from(customers).where(eq(customers.id, customerId)),
        db
          .select({ address: customerAddresses.address })
          .from(customerAddresses)
          .where(eq(customerAddresses.customerId, customerId))
          .orderBy(desc(customerAddresses.lastUsedAt)),
      ]);
      return { phone: row?.phone ?? null, addresses: addresses.map((a) => a.address) };
    },

    async upsertTelegramCustomer(profile: TelegramProfile) {
      const fields = profileFields(profile);
      // Read first: almost every call finds the customer unchanged, and a read costs less than a write.
      const [existing] = await db.select().from(customers).where(eq(customers.telegramId, profile.telegramId)).limit(1);
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

    async upsertWalletCustomer(walletAddress) {
      const [existing] = await db.select().from(customers).where(eq(customers.walletAddress, walletAddress)).limit(1);
      if (existing) return toCustomer(existing);
      // Two first sign-ins of one wallet at once: the second insert does nothing and reads the first's row.
      await db.insert(customers).values({ walletAddress }).onConflictDoNothing({ target: customers.walletAddress });
      const [row] = await db.select().from(customers).where(eq(customers.walletAddress, walletAddress)).limit(1);
      if (!row) throw new Error('wallet customer upsert found no row');
      return toCustomer(row);
    },

    async findById(id) {
      const [row] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
      return row ? toCustomer(row) : null;
    },

    linkTelegram(customerId, profile) {
      return link(db, customerId, { kind: 'telegram', telegramId: profile.telegramId }, profileFields(profile));
    },

    linkWallet(customerId, walletAddress) {
      return link(db, customerId, { kind: 'wallet', address: walletAddress }, {});
    },
  };
}

/**
 * Attaches `identity` to the customer, in one transaction: both rows are locked, the plan is made on
 * what they hold then, and a merge moves the other row's orders, sessions and push subscriptions before deleting it (its
 * sessions stay signed in, now as the merged customer). A concurrent link that takes the identity first
 * surfaces as a unique violation: reported as IDENTITY_IN_USE, never a 500.
 */
async function link(db: Db, customerId: string, identity: Identity, profile: Partial<CustomerRow>): Promise<Customer> {
  try {
    return await db.transaction(async (tx) => {
      const holderId = await holderOf(tx, identity);
      const ids = holderId && holderId !== customerId ? [customerId, holderId] : [customerId];
      // Locked in id order, so two links between the same rows cannot deadlock.
      const rows = await tx.select().from(customers).where(inArray(customers.id, ids)).orderBy(customers.id).for('update');
      const current = rows.find((row) => row.id === customerId);
      if (!current) throw new Error(`customer ${customerId} vanished while linking`);
      const holder = rows.find((row) => row.id !== customerId) ?? null;
      const plan = planLink(toCustomer(current), identity, holder && toCustomer(holder));
      if (plan.action === 'none') return toCustomer(current);

      const update: Partial<CustomerRow> = { ...profile, updatedAt: new Date() };
      if (identity.kind === 'telegram') update.telegramId = identity.telegramId;
      else update.walletAddress = identity.address;
      if (plan.action === 'merge' && holder) {
        const from = holder;
        await tx.update(orders).set({ customerId }).where(eq(orders.customerId, from.id));
        await tx.update(webSessions).set({ customerId }).where(eq(webSessions.customerId, from.id));
        // The browsers that turned Web Push on keep it: they now tell the merged customer.
        await tx.update(pushSubscriptions).set({ customerId }).where(eq(pushSubscriptions.customerId, from.id));
        // Keep what the merged row knew that this one does not (its language, its other identity).
        if (current.telegramId === null && from.telegramId !== null) update.telegramId ??= from.telegramId;
        if (current.walletAddress === null && from.walletAddress !== null) update.walletAddress ??= from.walletAddress;
        if (current.languageCode === null && from.languageCode !== null) update.languageCode ??= from.languageCode;
        // Whether the bot may write to that Telegram account travels with it.
        if (from.telegramId !== null) update.botBlockedAt = from.botBlockedAt;
        // Deleted before the update: the identity columns are unique.
        await tx.delete(customers).where(eq(customers.id, from.id));
      }
      const [row] = await tx.update(customers).set(update).where(eq(customers.id, customerId)).returning();
      if (!row) throw new Error('customer link update returned no row');
      return toCustomer(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new IdentityInUseError(identity.kind);
    throw error;
  }
}

async function holderOf(tx: DbExecutor, identity: Identity): Promise<string | null> {
  const where = identity.kind === 'telegram' ? eq(customers.telegramId, identity.telegramId) : eq(customers.walletAddress, identity.address);
  const [row] = await tx.select({ id: customers.id }).from(customers).where(where).limit(1);
  return row?.id ?? null;
}

function profileFields(profile: TelegramProfile) {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName ?? null,
    username: profile.username ?? null,
    // The Login Widget sends no language: keep what the Mini App said.
    ...(profile.languageCode !== undefined && { languageCode: profile.languageCode }),
  };
}

function sameProfile(row: CustomerRow, fields: ReturnType<typeof profileFields>): boolean {
  return (
    row.firstName === fields.firstName &&
    row.lastName === fields.lastName &&
    row.username === fields.username &&
    (fields.languageCode === undefined || row.languageCode === fields.languageCode)
  );
}

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    telegramId: row.telegramId,
    firstName: row.firstName,
    lastName: row.lastName,
    username: row.username,
    languageCode: row.languageCode,
    walletAddress: row.walletAddress,
  };
}

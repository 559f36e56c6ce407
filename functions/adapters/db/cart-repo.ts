import { and, eq, inArray, isNotNull, isNull, lte, max, sql } from 'drizzle-orm';
import { abandonedCartCutoff, abandonedCartDedupeKey, isCartAbandoned } from '../../core/reminders/abandoned-cart';
import { countCartPieces, normalizeCartLines, type CartRepo, type CartSnapshot } from '../../core/reminders/cart-snapshot';
import type { Db, DbExecutor } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { carts, customers, orders } from './schema';

/** Carts reminded of in one pass at most; the next run takes the rest. */
const REMINDER_BATCH = 500;

/** The customers' carts over Postgres (schema `carts`). */
export function createCartRepo(db: Db): CartRepo {
  return {
    async saveCart(customerId, items, now) {
      const lines = normalizeCartLines(items);
      if (lines.length === 0) {
        await clearCart(db, customerId);
        return null;
      }
      // A cart already there keeps when it began and whether it was reminded of: only its lines and time move.
      const [row] = await db
        .insert(carts)
        .values({ customerId, items: lines, startedAt: now, updatedAt: now, remindedAt: null })
        .onConflictDoUpdate({ target: carts.customerId, set: { items: lines, updatedAt: now } })
        .returning();
      return toSnapshot(row!);
    },

    async enqueueAbandonedCartReminders(now, delayHours) {
      const cutoff = abandonedCartCutoff(now, delayHours);
      if (!cutoff) return 0;
      return db.transaction(async (tx) => {
        // The same question as isCartAbandoned, asked in bulk; the rows are locked (skipping those another
        // run holds), so two runs at once never plan one cart twice, and the dedupe key backs that up.
        const candidates = await tx
          .select({
            cart: carts,
            telegramId: customers.telegramId,
            botBlockedAt: customers.botBlockedAt,
            optedOutAt: customers.marketingOptedOutAt,
            lastOrderAt: sql<Date | null>`(select ${max(orders.createdAt)} from ${orders} where ${orders.customerId} = ${carts.customerId})`.mapWith(
              (value: unknown) => (value === null ? null : new Date(value as string)),
            ),
          })
          .from(carts)
          .innerJoin(customers, eq(customers.id, carts.customerId))
          .where(
            and(
              isNull(carts.remindedAt),
              lte(carts.updatedAt, cutoff),
              isNotNull(customers.telegramId),
              isNull(customers.botBlockedAt),
              isNull(customers.marketingOptedOutAt),
              // Ordered since the cart began (then also "within the last N hours": a cart quiet since the
              // cut-off began before it): nothing was abandoned.
              sql`not exists (select 1 from ${orders} where ${orders.customerId} = ${carts.customerId} and ${orders.createdAt} >= ${carts.startedAt})`,
            ),
          )
          .orderBy(carts.updatedAt)
          .limit(REMINDER_BATCH)
          .for('update', { of: carts, skipLocked: true });
        const due = candidates.filter(
          (row) =>
            isCartAbandoned({
              cart: toSnapshot(row.cart),
              lastOrderAt: row.lastOrderAt,
              customer: { telegramId: row.telegramId, botBlocked: row.botBlockedAt !== null, marketingOptedOut: row.optedOutAt !== null },
              now,
              delayHours,
            }) === 'remind',
        );
        if (due.length === 0) return 0;
        await enqueueOutbox(
          tx,
          due.map(({ cart, telegramId }) => ({
            kind: 'abandoned_cart' as const,
            dedupeKey: abandonedCartDedupeKey(cart.customerId, cart.startedAt),
            chatId: telegramId!,
            payload: { customerId: cart.customerId, startedAt: cart.startedAt.toISOString(), pieces: countCartPieces(cart.items) },
          })),
          now,
        );
        await tx
          .update(carts)
          .set({ remindedAt: now })
          .where(
            inArray(
              carts.customerId,
              due.map(({ cart }) => cart.customerId),
            ),
          );
        return due.length;
      });
    },
  };
}

/** Forgets the customer's cart: emptied in the Mini App, or turned into an order (order-repo.ts, in its transaction). */
export async function clearCart(executor: DbExecutor, customerId: string): Promise<void> {
  await executor.delete(carts).where(eq(carts.customerId, customerId));
}

function toSnapshot(row: typeof carts.$inferSelect): CartSnapshot {
  return { items: row.items, startedAt: row.startedAt, updatedAt: row.updatedAt, remindedAt: row.remindedAt };
}

import type { MessengerId } from '../../core/messenger/messenger-id';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { OutboxMessage } from '../../core/notifications/outbox-message';
import type { OutboxRepo } from '../../core/notifications/outbox-repo';
import type { Db } from './connect';
import { loadOutboxMessages } from './outbox-message-context';
import { rowsOf } from './result-rows';
import { retryWhenSessionLost } from './retry-lost-session';
import { customers, orders, outboxMessages, pushSubscriptions } from './schema';

/**
 * The outbox over Postgres. A claim is one statement: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 * LOCKED)` sets a lease in `locked_until`, so concurrent workers (processes, instances) each take
 * different rows and never wait for each other; a worker that dies leaves its rows to be claimed again when
 * the lease runs out. Each settling update matches the claim's own lease, so it cannot overwrite a row
 * another worker has claimed since.
 *
 * Settling comes after the Bot API call, which cannot be taken back: a settling write whose session is
 * lost is written again on a new one (the lease guard makes a repeat a no-op), so a message the database
 * could record is not sent twice. A claim is not repeated: one cut off may have committed, and its rows
 * come back when their lease runs out.
 */
export function createOutboxRepo(db: Db): OutboxRepo {
  const ownClaim = (message: OutboxMessage) =>
    and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'pending'), eq(outboxMessages.lockedUntil, message.leaseUntil));

  return {
    async claimDue({ now, limit, leaseSeconds, ids }) {
      if (ids?.length === 0) return [];
      const due = db
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.status, 'pending'),
            lte(outboxMessages.nextAttemptAt, now),
            or(isNull(outboxMessages.lockedUntil), lte(outboxMessages.lockedUntil, now)),
            ids ? inArray(outboxMessages.id, [...ids]) : undefined,
          ),
        )
        .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(outboxMessages)
        .set({ lockedUntil: new Date(now.getTime() + leaseSeconds * 1000), attempts: sql`${outboxMessages.attempts} + 1` })
        .where(inArray(outboxMessages.id, due))
        .returning();
      // RETURNING comes in no particular order; deliver oldest first.
      claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      return loadOutboxMessages(db, claimed);
    },

    async settleBlockedRecipients(now) {
      const settled = await db
        .update(outboxMessages)
        .set({ status: 'blocked', lastError: 'not attempted: the recipient has blocked the bot', lockedUntil: null })
        .where(
          and(
            eq(outboxMessages.status, 'pending'),
            // A Stars refund is owed to someone who blocked the bot as much as to anyone.
            ne(outboxMessages.kind, 'stars_refund'),
            or(isNull(outboxMessages.lockedUntil), lte(outboxMessages.lockedUntil, now)),
            inArray(
              outboxMessages.chatId,
              db
                .select({ telegramId: sql<MessengerId>`${customers.telegramId}` })
                .from(customers)
                .where(isNotNull(customers.botBlockedAt)),
            ),
          ),
        )
        .returning({ id: outboxMessages.id });
      return settled.length;
    },

    async markSent(message, now) {
      await retryWhenSessionLost(() =>
        db.update(outboxMessages).set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null }).where(ownClaim(message)),
      );
    },

    async markSkipped(message, reason) {
      // Settled without a send: `sent` (nothing left to do) with no sent_at, the reason in last_error.
      await retryWhenSessionLost(() =>
        db
          .update(outboxMessages)
          .set({ status: 'sent', lockedUntil: null, lastError: `skipped: ${reason}` })
          .where(ownClaim(message)),
      );
    },

    async scheduleRetry(message, { nextAttemptAt, error, countAttempt }) {
      await retryWhenSessionLost(() =>
        db
          .update(outboxMessages)
          .set({
            nextAttemptAt,
            lockedUntil: null,
            ...(error !== null && { lastError: error }),
            ...(!countAttempt && { attempts: sql`greatest(${outboxMessages.attempts} - 1, 0)` }),
          })
          .where(ownClaim(message)),
      );
    },

    async markBlocked(message, error, now) {
      await retryWhenSessionLost(() =>
        db.transaction(async (tx) => {
          await tx.update(outboxMessages).set({ status: 'blocked', lockedUntil: null, lastError: error }).where(ownClaim(message));
          // A private chat's id is the person's user id; a group that removed the bot matches no customer.
          if (message.chatId === null) return;
          await tx
            .update(customers)
            .set({ botBlockedAt: now, updatedAt: now })
            .where(and(eq(customers.telegramId, message.chatId), isNull(customers.botBlockedAt)));
        }),
      );
    },

    async markFailed(message, error) {
      await retryWhenSessionLost(() => db.update(outboxMessages).set({ status: 'failed', lockedUntil: null, lastError: error }).where(ownClaim(message)));
    },

    async markPushGone(message, error) {
      await retryWhenSessionLost(() =>
        db.transaction(async (tx) => {
          await tx.update(outboxMessages).set({ status: 'blocked', lockedUntil: null, lastError: error }).where(ownClaim(message));
          // Its other pending messages keep their rows (history), their subscription set null: skipped when claimed.
          if (message.kind === 'web_push' && message.push) await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, message.push.id));
        }),
      );
    },

    async recentSends({ since, limit, chatId }) {
      const rows = await db
        .select({ sentAt: outboxMessages.sentAt })
        .from(outboxMessages)
        .where(
          and(
            gt(outboxMessages.sentAt, since),
            // The Bot API's limits: what went by Web Push is not counted.
            chatId === null ? isNotNull(outboxMessages.chatId) : eq(outboxMessages.chatId, chatId),
          ),
        )
        .orderBy(asc(outboxMessages.sentAt))
        .limit(limit);
      return rows.flatMap((row) => (row.sentAt ? [row.sentAt] : []));
    },

    async enqueueExpiryReminders(now, windowSeconds) {
      // One INSERT … SELECT: the dedupe key's unique index makes overlapping runs add each reminder once.
      // Raw SQL values get the time as ISO text: drivers differ in how they bind a Date outside a column.
      const at = sql`${now.toISOString()}::timestamptz`;
      const added = await db
        .insert(outboxMessages)
        .select((qb) =>
          qb
            .select({
              id: sql<string>`gen_random_uuid()`.as('id'),
              dedupeKey: sql<string>`'order_expiring:' || ${orders.id}`.as('dedupe_key'),
              kind: sql<string>`'order_expiring_customer'`.as('kind'),
              chatId: sql<MessengerId>`${customers.telegramId}`.as('chat_id'),
              pushSubscriptionId: sql<string | null>`null`.as('push_subscription_id'),
              orderId: orders.id,
              payload: sql<Record<string, unknown>>`'{}'::jsonb`.as('payload'),
              status: sql<'pending'>`'pending'`.as('status'),
              attempts: sql<number>`0`.as('attempts'),
              nextAttemptAt: sql<Date>`${at}`.as('next_attempt_at'),
              lockedUntil: sql<Date | null>`null`.as('locked_until'),
              lastError: sql<string | null>`null`.as('last_error'),
              createdAt: sql<Date>`${at}`.as('created_at'),
              sentAt: sql<Date | null>`null`.as('sent_at'),
            })
            .from(orders)
            .innerJoin(customers, eq(customers.id, orders.customerId))
            .where(
              and(
                eq(orders.status, 'pending'),
                gt(orders.expiresAt, now),
                lte(orders.expiresAt, new Date(now.getTime() + windowSeconds * 1000)),
                isNotNull(customers.telegramId),
                isNull(customers.botBlockedAt),
              ),
            ),
        )
        .onConflictDoNothing({ target: outboxMessages.dedupeKey })
        .returning({ id: outboxMessages.id });
      // The same reminder to each browser that turned Web Push on for the customer (a wallet customer's only way to hear).
      const soon = sql`${new Date(now.getTime() + windowSeconds * 1000).toISOString()}::timestamptz`;
      const pushed = await db.execute(sql`
        insert into outbox_messages (dedupe_key, kind, push_subscription_id, order_id, payload, status, next_attempt_at, created_at)
        select 'order_expiring:' || o.id || ':push:' || ps.id, 'web_push', ps.id, o.id, '{"about":"order_expiring"}'::jsonb, 'pending', ${at}, ${at}
        from orders o join push_subscriptions ps on ps.customer_id = o.customer_id
        where o.status = 'pending' and o.expires_at > ${at} and o.expires_at <= ${soon}
        on conflict (dedupe_key) do nothing
        returning id`);
      return added.length + rowsOf(pushed).length;
    },
  };
}

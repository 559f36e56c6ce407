import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { TelegramUpdateRepo } from '../../core/bot/telegram-update-repo';
import type { Db } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { customers, telegramUpdates } from './schema';

/**
 * Webhook updates over Postgres. The update id's primary key makes each update count once: Telegram
 * retries a webhook call until it gets a 2xx, and a retry arriving while the first call still runs waits
 * on the insert and then finds the id taken.
 */
export function createTelegramUpdateRepo(db: Db): TelegramUpdateRepo {
  return {
    async recordUpdate({ updateId, kind, reply, reachability, now }) {
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(telegramUpdates)
          .values({ updateId, kind, receivedAt: now })
          .onConflictDoNothing({ target: telegramUpdates.updateId })
          .returning({ updateId: telegramUpdates.updateId });
        if (inserted.length === 0) return { fresh: false, replyId: null };

        if (reachability) {
          await tx
            .update(customers)
            .set({ botBlockedAt: reachability.blocked ? now : null, updatedAt: now })
            .where(
              and(eq(customers.telegramId, reachability.userId), reachability.blocked ? isNull(customers.botBlockedAt) : isNotNull(customers.botBlockedAt)),
            );
        }
        const [replyId] = reply ? await enqueueOutbox(tx, [reply], now) : [];
        return { fresh: true, replyId: replyId ?? null };
      });
    },
  };
}

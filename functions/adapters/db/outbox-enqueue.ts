import type { OutboxEntry } from '../../core/notifications/outbox';
import type { DbExecutor } from './connect';
import { outboxMessages } from './schema';

/**
 * Adds messages to the outbox inside the caller's transaction (pass the `tx`), so they exist exactly when
 * the change they announce is committed. An entry whose dedupe key is already there is skipped: enqueueing
 * is idempotent. Returns the ids of the rows actually added.
 */
export async function enqueueOutbox(executor: DbExecutor, entries: readonly OutboxEntry[], now: Date): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = await executor
    .insert(outboxMessages)
    .values(
      entries.map((entry) => ({
        dedupeKey: entry.dedupeKey,
        kind: entry.kind,
        chatId: entry.chatId,
        orderId: entry.orderId ?? null,
        payload: entry.payload ?? {},
        status: 'pending' as const,
        nextAttemptAt: entry.notBefore ?? now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id });
  return rows.map((row) => row.id);
}

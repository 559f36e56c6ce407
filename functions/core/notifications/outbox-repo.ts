import type { MessengerId } from '../messenger/messenger-id';
import type { OutboxMessage } from './outbox-message';

/**
 * The outbox as the delivery worker sees it. Implemented in adapters/db/outbox-repo.ts. Every `mark…`
 * call names the claim it settles (id and lease): a worker whose lease ran out and whose message was
 * claimed again by another worker changes nothing.
 */
export interface OutboxRepo {
  /**
   * Claims up to `limit` due pending messages for this worker until `now + leaseSeconds`, oldest first,
   * skipping rows another worker holds; `ids` narrows the claim to those messages. Attempts are counted
   * here, so a message that crashes its worker is still given up after enough tries.
   */
  claimDue(input: { now: Date; limit: number; leaseSeconds: number; ids?: readonly string[] }): Promise<OutboxMessage[]>;
  /** Settles pending messages to people who blocked the bot as `blocked` without trying them. Returns how many. */
  settleBlockedRecipients(now: Date): Promise<number>;
  markSent(message: OutboxMessage, now: Date): Promise<void>;
  /** Settles a message that has nothing to say any more (`reason` is kept in last_error). */
  markSkipped(message: OutboxMessage, reason: string): Promise<void>;
  /** Back to pending until `nextAttemptAt`; `countAttempt: false` gives back the attempt the claim counted. */
  scheduleRetry(message: OutboxMessage, input: { nextAttemptAt: Date; error: string | null; countAttempt: boolean }): Promise<void>;
  /** `blocked`, and the customer with this chat id is recorded as having blocked the bot. */
  markBlocked(message: OutboxMessage, error: string, now: Date): Promise<void>;
  markFailed(message: OutboxMessage, error: string): Promise<void>;
  /**
   * A Web Push message whose browser let its subscription go (404/410): `blocked`, and the subscription is
   * deleted, so nothing more is sent there (its other pending messages are then skipped).
   */
  markPushGone(message: OutboxMessage, error: string): Promise<void>;
  /** When messages were sent since `since` (to `chatId`, or to anyone when null), oldest first, at most `limit`. */
  recentSends(input: { since: Date; limit: number; chatId: MessengerId | null }): Promise<Date[]>;
  /**
   * Enqueues the one-time payment reminder (dedupe `order_expiring:<orderId>`) for every pending order of
   * a reachable Telegram customer expiring within `windowSeconds`, and its Web Push copy for each browser the
   * customer subscribed (`order_expiring:<orderId>:push:<subscription id>`), atomically. Returns how many were added.
   */
  enqueueExpiryReminders(now: Date, windowSeconds: number): Promise<number>;
}

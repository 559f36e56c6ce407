import type { MessengerId } from '../messenger/messenger-id';
import type { OutboxEntry } from '../notifications/outbox';

/** Storage for the webhook. Implemented in adapters/db/telegram-update-repo.ts. */
export interface TelegramUpdateRepo {
  /**
   * In one transaction: records `updateId` as handled and, only if it was new, enqueues `reply` and
   * applies `blocked` (true: the person blocked the bot; false: they are reachable again, e.g. they just
   * wrote to it) to the customer with Telegram id `userId`. Returns whether the update was new and the
   * outbox id of the reply.
   */
  recordUpdate(input: {
    updateId: number;
    kind: string;
    reply: OutboxEntry | null;
    reachability: { userId: MessengerId; blocked: boolean } | null;
    now: Date;
  }): Promise<{ fresh: boolean; replyId: string | null }>;
}

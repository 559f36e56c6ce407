import type { MessengerId } from '../../core/messenger/messenger-id';
import { and, eq, like, max, sql } from 'drizzle-orm';
import type { ChannelPost } from '../../core/channels/channel-post';
import { nextChannelSlot } from '../../core/channels/channel-rate';
import type { Db } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { outboxMessages } from './schema';

export interface PlannedChannelPost {
  chatId: MessengerId;
  slug: string;
  sendAt: Date;
}

export interface ChannelPostCounts {
  pending: number;
  sent: number;
  failed: number;
  blocked: number;
}

/** Posts to the shop's channels, as outbox rows (kind `channel_post`). */
export interface ChannelPostRepo {
  /**
   * Plans a post of some products to some channels: one outbox row per channel and product, each channel's
   * rows spaced after what is already planned for it (core/channels/channel-rate.ts), none before
   * `notBefore`. Idempotent on `postId`: planning the same post again adds nothing and answers what was planned.
   */
  plan(input: {
    postId: string;
    posts: readonly { chatId: MessengerId; slug: string; post: ChannelPost }[];
    notBefore: Date;
    now: Date;
  }): Promise<PlannedChannelPost[]>;
  /** How the post's messages stand; null when no such post was planned. */
  counts(postId: string): Promise<ChannelPostCounts | null>;
}

const dedupeKey = (postId: string, chatId: MessengerId, slug: string) => `channel_post:${postId}:${chatId}:${slug}`;

export function createChannelPostRepo(db: Db): ChannelPostRepo {
  async function planned(postId: string): Promise<PlannedChannelPost[]> {
    const rows = await db
      .select({ key: outboxMessages.dedupeKey, chatId: outboxMessages.chatId, sendAt: outboxMessages.nextAttemptAt })
      .from(outboxMessages)
      .where(like(outboxMessages.dedupeKey, `channel_post:${postId}:%`))
      .orderBy(outboxMessages.nextAttemptAt);
    // A channel post always names its channel (only web_push rows have none).
    return rows.map((row) => ({ chatId: row.chatId!, slug: row.key.split(':').at(-1)!, sendAt: row.sendAt }));
  }

  return {
    async plan({ postId, posts, notBefore, now }) {
      await db.transaction(async (tx) => {
        // One planner at a time per shop: two posts planned at once would take the same slots.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('bazaar:channel_posts'))`);
        const [existing] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(outboxMessages)
          .where(like(outboxMessages.dedupeKey, `channel_post:${postId}:%`));
        if ((existing?.n ?? 0) > 0) return;
        const latest = new Map<MessengerId, Date | null>();
        for (const chatId of new Set(posts.map((p) => p.chatId))) {
          const [row] = await tx
            .select({ at: max(outboxMessages.nextAttemptAt) })
            .from(outboxMessages)
            .where(and(eq(outboxMessages.chatId, chatId), eq(outboxMessages.kind, 'channel_post'), eq(outboxMessages.status, 'pending')));
          latest.set(chatId, row?.at ?? null);
        }
        const entries = posts.map(({ chatId, slug, post }) => {
          const sendAt = nextChannelSlot(latest.get(chatId) ?? null, notBefore);
          latest.set(chatId, sendAt);
          return {
            dedupeKey: dedupeKey(postId, chatId, slug),
            kind: 'channel_post' as const,
            chatId,
            payload: post as unknown as Record<string, unknown>,
            notBefore: sendAt,
          };
        });
        await enqueueOutbox(tx, entries, now);
      });
      return planned(postId);
    },

    async counts(postId) {
      const rows = await db
        .select({ status: outboxMessages.status, n: sql<number>`count(*)::int` })
        .from(outboxMessages)
        .where(like(outboxMessages.dedupeKey, `channel_post:${postId}:%`))
        .groupBy(outboxMessages.status);
      if (rows.length === 0) return null;
      const counts: ChannelPostCounts = { pending: 0, sent: 0, failed: 0, blocked: 0 };
      for (const row of rows) if (row.status in counts) counts[row.status as keyof ChannelPostCounts] = row.n;
      return counts;
    },
  };
}

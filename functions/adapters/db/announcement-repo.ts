import type { MessengerId } from '../../core/messenger/messenger-id';
import { like, sql } from 'drizzle-orm';
import type { AnnouncementContent, Audience } from '../../core/marketing/announcement';
import type { OutboxEntry } from '../../core/notifications/outbox';
import type { Db } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { rowsOf } from './result-rows';
import { announcements, outboxMessages } from './schema';

export interface AnnouncementCounts {
  pending: number;
  sent: number;
  failed: number;
  blocked: number;
  /** Planned, then not sent: the customer opted out meanwhile. */
  skipped: number;
}

/** Announcements and their deliveries (outbox rows of kind `announcement`). */
export interface AnnouncementRepo {
  /** How many customers `audience` reaches now: known on Telegram, not blocking the bot, not opted out. */
  countAudience(audience: Audience): Promise<number>;
  /**
   * Stores the announcement and one outbox row per customer it reaches, in one transaction; idempotent on
   * `id` (the admin screen's own id): sending again adds nothing. Answers how many deliveries it plans: chats, and
   * browsers with Web Push (core/push) of customers in the audience.
   */
  create(input: { id: string; content: AnnouncementContent; audience: Audience; createdBy: MessengerId | null; now: Date }): Promise<{ recipients: number }>;
  counts(id: string): Promise<{ recipients: number; messages: AnnouncementCounts } | null>;
  /** The merchant's own preview copy, through the outbox like any bot message. */
  enqueuePreview(entry: OutboxEntry, now: Date): Promise<void>;
}

// Orders whose money reached the merchant: "buyers of a category" bought, not just ordered.
const PAID = sql.raw(`('paid', 'shipped', 'ready_for_pickup', 'completed')`);

/**
 * The customers an audience reaches, as a WHERE clause over `customers c`: by the bot (known on Telegram,
 * not blocking it), or by Web Push (the caller joins their browsers' subscriptions); opted in either way.
 */
function audienceWhere(audience: Audience, by: 'telegram' | 'web_push' = 'telegram') {
  const reachable =
    by === 'telegram'
      ? sql`c.telegram_id is not null and c.bot_blocked_at is null and c.marketing_opted_out_at is null`
      : sql`c.marketing_opted_out_at is null`;
  // A browser's language is the page's when it subscribed (`ps`, push_subscriptions); a wallet customer has no other.
  const language = by === 'telegram' ? sql`c.language_code` : sql`coalesce(ps.language_code, c.language_code)`;
  switch (audience.kind) {
    case 'all':
      return reachable;
    case 'language':
      // Telegram's language_code is an IETF tag (pt-br, fa-IR): the primary language decides.
      return sql`${reachable} and lower(split_part(replace(coalesce(${language}, ''), '_', '-'), '-', 1)) = ${audience.language}`;
    case 'category':
      return sql`${reachable} and exists (
        select 1 from orders o
        join order_items oi on oi.order_id = o.id
        join products p on p.id = oi.product_id
        where o.customer_id = c.id and o.status in ${PAID} and p.category_id = ${audience.categoryId})`;
  }
}

export function createAnnouncementRepo(db: Db): AnnouncementRepo {
  return {
    async countAudience(audience) {
      const result = await db.execute(sql`select count(*)::int as n from customers c where ${audienceWhere(audience)}`);
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },

    async create({ id, content, audience, createdBy, now }) {
      return db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ recipients: announcements.recipients })
          .from(announcements)
          .where(sql`${announcements.id} = ${id}`);
        if (existing) return { recipients: existing.recipients };
        const payload = JSON.stringify(content);
        const pushPayload = JSON.stringify({ about: 'announcement', ...content });
        // As text with a cast: a raw statement's parameters carry no column type, and postgres.js sends a Date only to a typed one.
        const at = now.toISOString();
        const inserted = await tx.execute(sql`
          insert into outbox_messages (dedupe_key, kind, chat_id, payload, status, next_attempt_at, created_at)
          select 'announcement:' || ${id}::text || ':' || c.id, 'announcement', c.telegram_id, ${payload}::jsonb, 'pending', ${at}::timestamptz, ${at}::timestamptz
          from customers c where ${audienceWhere(audience)}
          on conflict (dedupe_key) do nothing
          returning id`);
        // And a Web Push copy to each browser of a customer in the audience (Telegram or not) who turned it on.
        const pushed = await tx.execute(sql`
          insert into outbox_messages (dedupe_key, kind, push_subscription_id, payload, status, next_attempt_at, created_at)
          select 'announcement:' || ${id}::text || ':push:' || ps.id, 'web_push', ps.id, ${pushPayload}::jsonb, 'pending', ${at}::timestamptz, ${at}::timestamptz
          from customers c join push_subscriptions ps on ps.customer_id = c.id where ${audienceWhere(audience, 'web_push')}
          on conflict (dedupe_key) do nothing
          returning id`);
        const recipients = rowsOf(inserted).length + rowsOf(pushed).length;
        await tx.insert(announcements).values({
          id,
          text: content.text,
          photoUrl: content.photoUrl,
          buttonText: content.button?.text ?? null,
          buttonUrl: content.button?.url ?? null,
          audience: audience as unknown as Record<string, unknown>,
          recipients,
          createdBy,
          createdAt: now,
        });
        return { recipients };
      });
    },

    async enqueuePreview(entry, now) {
      await enqueueOutbox(db, [entry], now);
    },

    async counts(id) {
      const [announcement] = await db
        .select({ recipients: announcements.recipients })
        .from(announcements)
        .where(sql`${announcements.id} = ${id}`);
      if (!announcement) return null;
      const rows = await db
        .select({
          status: outboxMessages.status,
          skipped: sql<boolean>`${outboxMessages.sentAt} is null and ${outboxMessages.lastError} like 'skipped:%'`,
          n: sql<number>`count(*)::int`,
        })
        .from(outboxMessages)
        .where(like(outboxMessages.dedupeKey, `announcement:${id}:%`))
        .groupBy(outboxMessages.status, sql`2`);
      const messages: AnnouncementCounts = { pending: 0, sent: 0, failed: 0, blocked: 0, skipped: 0 };
      for (const row of rows) {
        const key = row.status === 'sent' && row.skipped ? 'skipped' : (row.status as keyof AnnouncementCounts);
        if (key in messages) messages[key] += Number(row.n);
      }
      return { recipients: announcement.recipients, messages };
    },
  };
}

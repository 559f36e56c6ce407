import { sql } from 'drizzle-orm';
import type { DbExecutor } from './connect';
import { rowsOf } from './result-rows';

/**
 * Adds a Web Push copy (outbox kind `web_push`) of an order message to every browser the order's customer
 * subscribed (push_subscriptions), inside the caller's transaction, like enqueueOutbox: one row per
 * browser, dedupe key `<dedupeKey>:push:<subscription id>`, so each browser gets it once however often it
 * is enqueued. `payload.about` names the message (core/push/render-push.ts). Returns the rows added.
 */
export async function enqueuePushForOrder(
  executor: DbExecutor,
  input: { orderId: string; dedupeKey: string; payload: { about: string } & Record<string, unknown>; now: Date },
): Promise<number> {
  // As text with casts: a raw statement's parameters carry no column type (postgres.js sends a Date only to a typed one).
  const at = input.now.toISOString();
  const inserted = await executor.execute(sql`
    insert into outbox_messages (dedupe_key, kind, push_subscription_id, order_id, payload, status, next_attempt_at, created_at)
    select ${input.dedupeKey}::text || ':push:' || ps.id, 'web_push', ps.id, o.id, ${JSON.stringify(input.payload)}::jsonb, 'pending', ${at}::timestamptz, ${at}::timestamptz
    from orders o join push_subscriptions ps on ps.customer_id = o.customer_id
    where o.id = ${input.orderId}::uuid
    on conflict (dedupe_key) do nothing
    returning id`);
  return rowsOf(inserted).length;
}

import type { MessengerId } from '../messenger/messenger-id';
import type { OutboxEntry } from './outbox';

/**
 * The messages an order's payment announces: one to the customer (when they have a Telegram account to
 * write to) and one to each merchant chat. Enqueued in the transaction that marks the order paid; the
 * dedupe keys make a second enqueue of the same payment a no-op.
 */
export function orderPaidEntries(input: { orderId: string; customerTelegramId: MessengerId | null; merchantChatIds: readonly MessengerId[] }): OutboxEntry[] {
  const { orderId } = input;
  const entries: OutboxEntry[] = [];
  if (input.customerTelegramId !== null) {
    entries.push({ dedupeKey: `order_paid:customer:${orderId}`, kind: 'order_paid_customer', chatId: input.customerTelegramId, orderId });
  }
  for (const chatId of new Set(input.merchantChatIds)) {
    entries.push({ dedupeKey: `order_paid:merchant:${chatId}:${orderId}`, kind: 'order_paid_merchant', chatId, orderId });
  }
  return entries;
}

import type { MessengerId } from '../messenger/messenger-id';
import type { OutboxEntry } from '../notifications/outbox';

/**
 * The chat messages that hand a paid order's digital products over: one per product of the order that has
 * digital content, for a customer with a Telegram chat (one who signed in on the web with a wallet only
 * finds them in My orders). Enqueued in the transaction that marks the order paid; the dedupe key makes
 * each one go out once however often a payment is reported. The row names only the order and product:
 * what it carries (the file, the keys, the text) is read when it is sent, so a refund before then sends
 * nothing.
 */
export function digitalDeliveryEntries(input: { orderId: string; customerTelegramId: MessengerId | null; productIds: readonly string[] }): OutboxEntry[] {
  const { orderId, customerTelegramId } = input;
  if (customerTelegramId === null) return [];
  return [...new Set(input.productIds)].map((productId) => ({
    dedupeKey: `digital_delivery:${orderId}:${productId}`,
    kind: 'digital_delivery' as const,
    chatId: customerTelegramId,
    orderId,
    payload: { productId },
  }));
}

import type { MessengerId } from '../messenger/messenger-id';
import { CHANNEL_RATE } from '../channels/channel-rate';
import { MARKETING_RATE } from '../marketing/marketing-rate';
import type { TelegramOutboxMessage } from './outbox-message';

/** A limit on sends: at most `limit` within any `windowMs`. */
export interface SendRate {
  limit: number;
  windowMs: number;
}

/**
 * The limit a message must keep before it is sent, and over which sends: a channel post counts the
 * sends to its channel; an announcement, a cart reminder or a back-in-stock message every send of the
 * bot; other messages (order news, replies) have none of their own and go at once, Telegram's own 429
 * being their limit.
 */
export function sendRateOf(message: Pick<TelegramOutboxMessage, 'kind' | 'chatId'>): { rate: SendRate; chatId: MessengerId | null } | null {
  if (message.kind === 'channel_post') return { rate: CHANNEL_RATE, chatId: message.chatId };
  // A restock can wake a thousand "Notify me"s at once: like the marketing messages, they keep room for
  // order news under the bot's limit, though they are not marketing.
  if (message.kind === 'announcement' || message.kind === 'abandoned_cart' || message.kind === 'back_in_stock') return { rate: MARKETING_RATE, chatId: null };
  return null;
}

/**
 * Whether one more send keeps `rate`, given the sends counted (oldest first): null when it does, else the
 * time the oldest send that stands in its way leaves the window.
 */
export function busyUntil(recentSends: readonly Date[], now: Date, rate: SendRate): Date | null {
  const inWindow = recentSends.filter((sent) => now.getTime() - sent.getTime() < rate.windowMs);
  if (inWindow.length < rate.limit) return null;
  return new Date(inWindow[inWindow.length - rate.limit]!.getTime() + rate.windowMs);
}

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
 * sends to its channel, an announcement every send of the bot; other messages (order news, replies) have
 * none of their own and go at once, Telegram's own 429 being their limit.
 */
export function sendRateOf(message: Pick<TelegramOutboxMessage, 'kind' | 'chatId'>): { rate: SendRate; chatId: number | null } | null {
  if (message.kind === 'channel_post') return { rate: CHANNEL_RATE, chatId: message.chatId };
  if (message.kind === 'announcement') return { rate: MARKETING_RATE, chatId: null };
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

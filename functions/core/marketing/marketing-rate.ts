/**
 * Telegram lets a bot send about 30 messages a second in all (core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 * Marketing messages take at most 25 of them, counting every message that went out in the last second,
 * so order messages keep room even in the middle of an announcement to thousands.
 */
export const MARKETING_MESSAGES_PER_SECOND = 25;
export const MARKETING_WINDOW_MS = 1000;

/** Null when a marketing message may go now, given every send of the last second (oldest first); else when it may. */
export function marketingBusyUntil(recentSends: readonly Date[], now: Date): Date | null {
  const inWindow = recentSends.filter((sent) => now.getTime() - sent.getTime() < MARKETING_WINDOW_MS);
  if (inWindow.length < MARKETING_MESSAGES_PER_SECOND) return null;
  return new Date(inWindow[inWindow.length - MARKETING_MESSAGES_PER_SECOND]!.getTime() + MARKETING_WINDOW_MS);
}

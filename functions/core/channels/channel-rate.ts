/**
 * Telegram lets a bot send about 20 messages a minute into one group or channel
 * (core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). Posts are spaced when they are
 * scheduled, and checked again when they are sent, since retries and other posts can bunch them up.
 */
export const CHANNEL_MESSAGES_PER_MINUTE = 20;
export const CHANNEL_WINDOW_MS = 60_000;
/** 60 s / 20: posts planned together go out no closer than this. */
export const CHANNEL_POST_SPACING_MS = CHANNEL_WINDOW_MS / CHANNEL_MESSAGES_PER_MINUTE;

/** When the next post to a channel may be planned: after the latest one already planned, and not before `notBefore`. */
export function nextChannelSlot(latestPlanned: Date | null, notBefore: Date): Date {
  if (!latestPlanned) return notBefore;
  const after = latestPlanned.getTime() + CHANNEL_POST_SPACING_MS;
  return new Date(Math.max(after, notBefore.getTime()));
}

/**
 * Whether a message may go to a channel now, given when messages went to it within the last minute
 * (oldest first): null when it may, else the time the oldest of them leaves the window.
 */
export function channelBusyUntil(recentSends: readonly Date[], now: Date): Date | null {
  const inWindow = recentSends.filter((sent) => now.getTime() - sent.getTime() < CHANNEL_WINDOW_MS);
  if (inWindow.length < CHANNEL_MESSAGES_PER_MINUTE) return null;
  return new Date(inWindow[inWindow.length - CHANNEL_MESSAGES_PER_MINUTE]!.getTime() + CHANNEL_WINDOW_MS);
}

/**
 * Telegram lets a bot send about 20 messages a minute into one group or channel
 * (core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). Posts are spaced when they are
 * scheduled, and checked again when they are sent, since retries and other posts can bunch them up.
 */
export const CHANNEL_RATE = { limit: 20, windowMs: 60_000 };
/** 60 s / 20: posts planned together go out no closer than this. */
export const CHANNEL_POST_SPACING_MS = CHANNEL_RATE.windowMs / CHANNEL_RATE.limit;

/** When the next post to a channel may be planned: after the latest one already planned, and not before `notBefore`. */
export function nextChannelSlot(latestPlanned: Date | null, notBefore: Date): Date {
  if (!latestPlanned) return notBefore;
  const after = latestPlanned.getTime() + CHANNEL_POST_SPACING_MS;
  return new Date(Math.max(after, notBefore.getTime()));
}

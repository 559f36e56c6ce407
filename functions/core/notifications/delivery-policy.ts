import { BotApiError } from '../telegram/bot-api';

/**
 * After this many attempts a message is given up as `failed`. With the backoff below that is about a day
 * and a half of trying: a Bot API outage delays messages; only a message that can never go out is dropped.
 */
export const MAX_DELIVERY_ATTEMPTS = 40;
const FIRST_RETRY_SECONDS = 15;
const LONGEST_RETRY_SECONDS = 3600;

/** Seconds to wait before the next attempt after `attempts` failed ones: 15 s, 30 s, 1 min … capped at 1 h. */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20);
  return Math.min(FIRST_RETRY_SECONDS * 2 ** exponent, LONGEST_RETRY_SECONDS);
}

export type DeliveryFailure =
  /** 429: the whole bot is over its limit; wait `retryAfterSeconds` and send nothing else meanwhile. */
  | { kind: 'rate_limited'; retryAfterSeconds: number; error: string }
  /** Network failure or 5xx: Telegram may be down; try again with backoff. */
  | { kind: 'retry'; error: string }
  /** 403: the person blocked the bot (or the bot was removed from the group); retrying cannot help. */
  | { kind: 'blocked'; error: string }
  /** Any other 4xx: the request itself is wrong, a bug to look at; retrying would get the same answer. */
  | { kind: 'failed'; error: string };

/** What a failed `sendMessage` means for the message (core.telegram.org/bots/api#making-requests). */
export function classifyDeliveryFailure(error: unknown): DeliveryFailure {
  if (!(error instanceof BotApiError)) {
    // Not an answer from Telegram (the adapter turns every answer and network failure into a BotApiError):
    // something unexpected in between, treated as transient and bounded by MAX_DELIVERY_ATTEMPTS.
    return { kind: 'retry', error: describe(error) };
  }
  const text = `${error.errorCode} ${error.description}`;
  if (error.errorCode === 429) return { kind: 'rate_limited', retryAfterSeconds: Math.max(1, error.retryAfterSeconds ?? 30), error: text };
  if (error.recipientUnreachable) return { kind: 'blocked', error: text };
  if (error.retryable) return { kind: 'retry', error: text };
  return { kind: 'failed', error: text };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

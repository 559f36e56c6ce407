import { PushSendError } from './push-sender';

export type PushFailure =
  /** 404 or 410: the browser unsubscribed or the subscription expired (RFC 8030 §7.3); it is deleted. */
  | { kind: 'gone'; error: string }
  /** Network failure, 429 or 5xx: the push service may be busy or down; try again later. */
  | { kind: 'retry'; error: string; retryAfterSeconds: number | null }
  /** Any other answer (400, 403 a VAPID key mismatch, 413 too large): retrying would get the same answer. */
  | { kind: 'failed'; error: string };

/** What a failed push send means for the message. */
export function classifyPushFailure(error: unknown): PushFailure {
  if (!(error instanceof PushSendError))
    return { kind: 'retry', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), retryAfterSeconds: null };
  const text = `push service ${error.statusCode ?? 'unreachable'}: ${error.message}`;
  if (error.statusCode === 404 || error.statusCode === 410) return { kind: 'gone', error: text };
  if (error.statusCode === null || error.statusCode === 429 || error.statusCode >= 500) {
    return { kind: 'retry', error: text, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { kind: 'failed', error: text };
}

/** A browser's push subscription as the sender needs it (PushSubscription.toJSON(): w3.org/TR/push-api). */
export interface PushTarget {
  /** The subscription's row id (push_subscriptions.id). */
  id: string;
  /** The push service's URL for this browser (FCM, Mozilla autopush, Apple …). */
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url: the message is encrypted to them (RFC 8291). */
  keys: { p256dh: string; auth: string };
}

export interface PushOptions {
  /** How long the push service keeps the message for a browser that is offline (RFC 8030 §5.2). */
  ttlSeconds: number;
  /** RFC 8030 §5.3: `high` for order news, `normal` for offers. */
  urgency: 'normal' | 'high';
  /** RFC 8030 §5.4: a newer message with the same topic replaces an undelivered older one. */
  topic?: string;
}

/**
 * Sends one encrypted, VAPID-signed Web Push message (RFC 8291, RFC 8292). Resolves once the push service
 * accepted it (201); rejects with PushSendError on any other answer or a network failure. Implemented in
 * adapters/push/web-push-sender.ts (the `web-push` package, Node crypto).
 */
export interface PushSender {
  send(target: PushTarget, payload: string, options: PushOptions): Promise<void>;
}

/** The push service did not take the message. `statusCode` is null when it could not be reached. */
export class PushSendError extends Error {
  override readonly name = 'PushSendError';
  constructor(
    readonly statusCode: number | null,
    message: string,
    /** Retry-After in seconds, when the push service sent one (429, 503). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

import webPush from 'web-push';
import { PushSendError, type PushSender } from '../../core/push/push-sender';

/** VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY (base64url, from `npm run push:keys`) and VAPID_SUBJECT (mailto: or https:). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

// The push service's answer within this, or the send counts as failed (and is retried): a claim's lease
// must outlive its sends (core/notifications/deliver-outbox.ts).
const SEND_TIMEOUT_MS = 10_000;

/**
 * Web Push on Node: the `web-push` package encrypts the message (aes128gcm, RFC 8291) and signs the VAPID
 * JWT (RFC 8292) with Node's crypto; the request itself goes out with fetch, so a push service is reached
 * at whatever URL the browser gave (web-push's own sender speaks https only, and the tests' local push
 * service is plain http on loopback, which routes allow only for a shop on loopback).
 */
export function createWebPushSender(vapid: VapidKeys, fetchImpl: typeof fetch = fetch): PushSender {
  return {
    async send(target, payload, options) {
      const request = webPush.generateRequestDetails({ endpoint: target.endpoint, keys: target.keys }, payload, {
        vapidDetails: vapid,
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        ...(options.topic && { topic: options.topic }),
        contentEncoding: 'aes128gcm',
      });
      let response: Response;
      try {
        response = await fetchImpl(request.endpoint, {
          method: request.method,
          headers: request.headers,
          body: request.body ? new Uint8Array(request.body) : null,
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (error) {
        throw new PushSendError(null, error instanceof Error ? error.message : String(error));
      }
      const text = await response.text().catch(() => '');
      if (response.status >= 200 && response.status < 300) return;
      throw new PushSendError(response.status, text.slice(0, 300) || response.statusText, retryAfterSecondsOf(response.headers.get('retry-after')));
    },
  };
}

/** RFC 9110 §10.2.3: seconds, or an HTTP date. */
function retryAfterSecondsOf(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A fresh VAPID key pair (base64url), for `npm run push:keys`. */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webPush.generateVAPIDKeys();
}

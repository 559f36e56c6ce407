import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '../notifications/delivery-policy';
import type { WebPushOutboxMessage } from '../notifications/outbox-message';
import type { OutboxRepo } from '../notifications/outbox-repo';
import { classifyPushFailure } from './push-failure';
import type { PushSender } from './push-sender';
import type { RenderedPush } from './render-push';

/** How one Web Push message ended (deliver-outbox.ts counts them with the bot's). */
export type PushOutcome = 'sent' | 'retried' | 'blocked' | 'failed' | 'skipped';

/**
 * Delivers one claimed `web_push` outbox message: renders it, sends it through `push` and settles the row
 * like a bot message. A 404/410 (the browser let the subscription go) deletes the subscription and settles
 * the row as `blocked`; 429, 5xx and network failures retry with the outbox's backoff (or the push
 * service's Retry-After); anything else fails the message. Without a sender (no VAPID keys, or a platform
 * without Node crypto) the message fails with that reason, since nothing could send it.
 */
export async function deliverPush(input: {
  outbox: OutboxRepo;
  push: PushSender | null;
  render: (message: WebPushOutboxMessage, now: Date) => RenderedPush;
  clock: () => Date;
  message: WebPushOutboxMessage;
  now: Date;
}): Promise<PushOutcome> {
  const { outbox, message, now } = input;
  let rendered: RenderedPush;
  try {
    rendered = input.render(message, now);
  } catch (error) {
    await outbox.markFailed(message, `rendering failed: ${error instanceof Error ? error.message : String(error)}`);
    return 'failed';
  }
  if (rendered.kind === 'skip') {
    await outbox.markSkipped(message, rendered.reason);
    return 'skipped';
  }
  if (!input.push || !message.push) {
    await outbox.markFailed(message, 'web push is not configured on this server (VAPID keys)');
    return 'failed';
  }
  try {
    await input.push.send(message.push, JSON.stringify(rendered.notification), rendered.options);
  } catch (error) {
    const failure = classifyPushFailure(error);
    switch (failure.kind) {
      case 'gone':
        await outbox.markPushGone(message, failure.error);
        return 'blocked';
      case 'failed':
        await outbox.markFailed(message, failure.error);
        return 'failed';
      case 'retry': {
        if (message.attempts >= MAX_DELIVERY_ATTEMPTS) {
          await outbox.markFailed(message, `gave up after ${message.attempts} attempts; last: ${failure.error}`);
          return 'failed';
        }
        const waitSeconds = Math.max(failure.retryAfterSeconds ?? 0, retryDelaySeconds(message.attempts));
        await outbox.scheduleRetry(message, { nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000), error: failure.error, countAttempt: true });
        return 'retried';
      }
    }
  }
  await outbox.markSent(message, input.clock());
  return 'sent';
}

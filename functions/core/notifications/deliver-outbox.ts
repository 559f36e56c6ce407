import type { BlobStore } from '../media/blob-store';
import type { MessengerId } from '../messenger/messenger-id';
import { BotApiError, type BotApi } from '../telegram/bot-api';
import { classifyDeliveryFailure, MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from './delivery-policy';
import { deliverPush } from '../push/deliver-push';
import type { PushSender } from '../push/push-sender';
import type { RenderedPush } from '../push/render-push';
import type { OutboxMessage, TelegramOutboxMessage, WebPushOutboxMessage } from './outbox-message';
import type { OutboxRepo } from './outbox-repo';
import type { RenderedNotification } from './render-notification';
import { busyUntil, sendRateOf } from './send-rate';

export interface DeliveryReport {
  sent: number;
  /** Failed for now (network, 5xx, 429) and scheduled again. */
  retried: number;
  /** The recipient blocked the bot: recorded, never retried. */
  blocked: number;
  /** Rejected by Telegram as a bad request, or out of attempts: given up, with the error kept. */
  failed: number;
  /** Nothing to say any more (a reminder for an order paid meanwhile). */
  skipped: number;
  /** Set when Telegram answered 429: nothing more is sent before this time. */
  rateLimitedUntil: Date | null;
}

// A claim must outlive the sends made under it: the Bot API client gives up on a call after 10 s, and a
// message is not sent once less than SEND_MARGIN_SECONDS of its lease is left (another worker may take it).
// It is also how long a claim lost with its worker (the process died, the claim's answer was cut off with
// its database session) keeps its messages from everyone: short, since a run hands back what is left of
// its batch whenever time runs low or it fails.
export const OUTBOX_LEASE_SECONDS = 30;
const SEND_MARGIN_SECONDS = 15;

/**
 * Delivers due outbox messages through the Bot API, each rendered at this moment from current data.
 * Two runs at once never send the same message (each claims its own rows under a lease). A 5xx or
 * network failure retries the message with exponential backoff; a 429 reschedules after Telegram's
 * `retry_after` and ends the run, since the limit is the whole bot's; a 403 records the recipient as
 * blocked; any other 4xx fails the message with its error. A message is given up after
 * MAX_DELIVERY_ATTEMPTS. A message sent but not recorded (the database failing in between) can be sent
 * again after its lease: delivery is at least once, and exactly once whenever the database answers.
 */
export async function deliverOutbox(input: {
  outbox: OutboxRepo;
  bot: BotApi;
  render: (message: TelegramOutboxMessage, now: Date) => RenderedNotification;
  /** Web Push (outbox kind `web_push`): the sender, null where push is off, and the renderer. */
  push?: { sender: PushSender | null; render: (message: WebPushOutboxMessage, now: Date) => RenderedPush };
  clock: () => Date;
  /** Where a digital product's file is read from when it is sent (sendDocument); without it, a file delivery fails. */
  files?: Pick<BlobStore, 'get'>;
  /** Only these messages (e.g. a webhook's reply right after it was stored). */
  ids?: readonly string[];
  batchSize?: number;
  maxBatches?: number;
}): Promise<DeliveryReport> {
  const { outbox, clock } = input;
  const batchSize = input.batchSize ?? 20;
  const report: DeliveryReport = { sent: 0, retried: 0, blocked: 0, failed: 0, skipped: 0, rateLimitedUntil: null };
  if (!input.ids) report.blocked += await outbox.settleBlockedRecipients(clock());
  const blockedChats = new Set<MessengerId>();

  for (let batch = 0; batch < (input.maxBatches ?? 10); batch++) {
    const claimed = await outbox.claimDue({
      now: clock(),
      limit: batchSize,
      leaseSeconds: OUTBOX_LEASE_SECONDS,
      ...(input.ids && { ids: input.ids }),
    });
    let next = 0;
    try {
      for (; next < claimed.length; next++) {
        const message = claimed[next]!;
        const now = clock();
        if (now.getTime() + SEND_MARGIN_SECONDS * 1000 > message.leaseUntil.getTime()) {
          await releaseAll(outbox, claimed.slice(next), now);
          break;
        }
        if (message.kind === 'web_push') {
          // Not the bot's: no chat to be blocked in, no Telegram limit to keep.
          const outcome = await deliverPush({ outbox, push: input.push?.sender ?? null, render: input.push?.render ?? unrenderable, clock, message, now });
          report[outcome]++;
          continue;
        }
        // A refund is owed whether or not its payer still talks to the bot.
        if (message.kind !== 'stars_refund' && blockedChats.has(message.chatId)) {
          await outbox.markBlocked(message, 'recipient blocked the bot earlier in this run', now);
          report.blocked++;
          continue;
        }
        const outcome = await deliverOne(input, message, now);
        if (typeof outcome !== 'string') {
          // Telegram limits the whole bot: the rest of this batch waits as long, without losing an attempt.
          report.retried++;
          report.rateLimitedUntil = outcome.rateLimitedUntil;
          await releaseAll(outbox, claimed.slice(next + 1), outcome.rateLimitedUntil);
          return report;
        }
        if (outcome === 'blocked') blockedChats.add(message.chatId);
        report[outcome]++;
      }
    } catch (error) {
      // The run failed on message `next` (its send may have gone out: it keeps its lease, so nobody sends
      // it again before this claim could have recorded it). The messages after it were never tried: they
      // go back now rather than when the lease runs out, if the database lets us.
      await releaseAll(outbox, claimed.slice(next + 1), clock()).catch(() => {});
      throw error;
    }
    if (claimed.length < batchSize) break;
  }
  return report;
}

type Outcome = 'sent' | 'retried' | 'blocked' | 'failed' | 'skipped' | { rateLimitedUntil: Date };

async function deliverOne(
  input: {
    outbox: OutboxRepo;
    bot: BotApi;
    render: (message: TelegramOutboxMessage, now: Date) => RenderedNotification;
    clock: () => Date;
    files?: Pick<BlobStore, 'get'>;
  },
  message: TelegramOutboxMessage,
  now: Date,
): Promise<Outcome> {
  const { outbox } = input;
  let rendered: RenderedNotification;
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
  const limited = sendRateOf(message);
  if (limited) {
    // Counted from what the database says went out, so every worker and instance keeps the same limit; a
    // message over it waits, its attempt not counted.
    const { rate, chatId } = limited;
    const recent = await outbox.recentSends({ since: new Date(now.getTime() - rate.windowMs), limit: rate.limit * 2, chatId });
    const until = busyUntil(recent, now, rate);
    if (until) {
      await outbox.scheduleRetry(message, { nextAttemptAt: until, error: null, countAttempt: false });
      return 'retried';
    }
  }
  try {
    if (rendered.kind === 'refund_stars') await input.bot.refundStarPayment(rendered.params);
    else if (rendered.kind === 'send_photo') await input.bot.sendPhoto(rendered.params);
    else if (rendered.kind === 'send_document') {
      const blob = await input.files?.get(rendered.file.blobKey);
      if (!blob) {
        await outbox.markFailed(message, `the file ${rendered.file.blobKey} is not in the store`);
        return 'failed';
      }
      await input.bot.sendDocument({
        ...rendered.params,
        document: { bytes: blob.bytes, fileName: rendered.file.fileName, contentType: rendered.file.contentType },
      });
    } else await input.bot.sendMessage(rendered.params);
  } catch (error) {
    // The charge was refunded already (by an earlier attempt whose answer was lost): the refund is done.
    if (rendered.kind === 'refund_stars' && isAlreadyRefunded(error)) {
      await outbox.markSent(message, input.clock());
      return 'sent';
    }
    const classified = classifyDeliveryFailure(error);
    // A refund names a charge, not a chat: a 403 there says nothing of the payer blocking the bot.
    const failure = rendered.kind === 'refund_stars' && classified.kind === 'blocked' ? { kind: 'failed' as const, error: classified.error } : classified;
    switch (failure.kind) {
      case 'rate_limited': {
        const nextAttemptAt = new Date(now.getTime() + failure.retryAfterSeconds * 1000);
        // Not the message's fault: the attempt the claim counted is given back.
        await outbox.scheduleRetry(message, { nextAttemptAt, error: failure.error, countAttempt: false });
        return { rateLimitedUntil: nextAttemptAt };
      }
      case 'blocked':
        await outbox.markBlocked(message, failure.error, now);
        return 'blocked';
      case 'failed':
        await outbox.markFailed(message, failure.error);
        return 'failed';
      case 'retry':
        if (message.attempts >= MAX_DELIVERY_ATTEMPTS) {
          await outbox.markFailed(message, `gave up after ${message.attempts} attempts; last: ${failure.error}`);
          return 'failed';
        }
        await outbox.scheduleRetry(message, {
          nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000),
          error: failure.error,
          countAttempt: true,
        });
        return 'retried';
    }
  }
  await outbox.markSent(message, input.clock());
  return 'sent';
}

/** core.telegram.org/bots/api#refundstarpayment: Telegram's answer for a charge refunded before. */
function isAlreadyRefunded(error: unknown): boolean {
  return error instanceof BotApiError && error.errorCode === 400 && error.description.includes('CHARGE_ALREADY_REFUNDED');
}

function unrenderable(): RenderedPush {
  throw new Error('this worker was given no Web Push renderer');
}

/** Hands claimed messages back unattempted (their attempt not counted), due again at `nextAttemptAt`. */
async function releaseAll(outbox: OutboxRepo, messages: readonly OutboxMessage[], nextAttemptAt: Date): Promise<void> {
  for (const message of messages) await outbox.scheduleRetry(message, { nextAttemptAt, error: null, countAttempt: false });
}

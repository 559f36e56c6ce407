import type { BlobStore } from '../media/blob-store';
import type { BotApi } from '../telegram/bot-api';
import { deliverOutbox, type DeliveryReport } from './deliver-outbox';
import { expiryReminderWindowSeconds } from './expiry-reminder';
import type { OutboxRepo } from './outbox-repo';
import { renderNotification } from './render-notification';
import type { PushSender } from '../push/push-sender';
import { renderPush } from '../push/render-push';

/** What the notification jobs need: the outbox, a bot to send with, and what messages link to. */
export interface NotificationJobDeps {
  outbox: OutboxRepo;
  bot: BotApi;
  clock: () => Date;
  /** PUBLIC_URL: buttons in messages open the Mini App there. */
  publicUrl: string | undefined;
  orderTtlSeconds: number;
  /** Where digital products' files are read from for sendDocument. */
  files?: Pick<BlobStore, 'get'>;
  /** Web Push: the sender (null when push is off) and the shop's name, a notification's title for offers. */
  push?: { sender: PushSender | null; shopName: string };
}

/**
 * One run of the notification jobs: enqueue payment reminders for orders about to expire, then deliver
 * what is due. Safe to overlap with another run (claims and dedupe keys keep every message single).
 */
export async function runNotificationJobs(deps: NotificationJobDeps): Promise<{ remindersEnqueued: number; delivery: DeliveryReport }> {
  const remindersEnqueued = await deps.outbox.enqueueExpiryReminders(deps.clock(), expiryReminderWindowSeconds(deps.orderTtlSeconds));
  const delivery = await deliverDueMessages(deps);
  return { remindersEnqueued, delivery };
}

/** Delivers due outbox messages (or only `ids`), rendered for their recipients now. */
export function deliverDueMessages(deps: Omit<NotificationJobDeps, 'orderTtlSeconds'>, ids?: readonly string[]): Promise<DeliveryReport> {
  return deliverOutbox({
    outbox: deps.outbox,
    bot: deps.bot,
    clock: deps.clock,
    ...(deps.files && { files: deps.files }),
    render: (message, now) => renderNotification(message, { publicUrl: deps.publicUrl, now }),
    push: { sender: deps.push?.sender ?? null, render: (message, now) => renderPush(message, { shopName: deps.push?.shopName ?? '', now }) },
    ...(ids && { ids }),
  });
}

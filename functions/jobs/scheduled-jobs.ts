import type { AppDeps } from '../app';
import { runNotificationJobs } from '../core/notifications/run-notification-jobs';
import { reconcilePayments } from '../core/payments/reconcile-payments';
import { sweepExpiredOrders } from '../core/orders/sweep-expired-orders';
import { reconcileStarPayments } from '../core/stars/reconcile-star-payments';
import { confirmRefunds } from '../core/refunds/confirm-refunds';

/** A piece of periodic work. Each must be safe to overlap with another run of itself and to be cut off. */
export interface ScheduledJob {
  name: string;
  /** Does one pass and says what it did, in JSON-safe values (amounts and lt as strings). */
  run(deps: AppDeps): Promise<Record<string, unknown>>;
  /** A log line for a pass that did something worth a line, else null. */
  summarize?(result: Record<string, unknown>): string | null;
}

/**
 * Every scheduled job, in the order a cron run takes them. Cloudflare's Cron Trigger, Vercel Cron,
 * Netlify's scheduled function, `POST /api/cron/*` and the Node server's intervals all run these.
 * A new job is one more entry here.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    // Payments reach the shop even when the customer closed the app before confirming.
    name: 'reconcile-payments',
    async run(deps) {
      const report = await reconcilePayments({
        chain: deps.payments.chain,
        payments: deps.payments.repo,
        merchantAddress: deps.payments.merchant.raw,
        now: deps.clock(),
      });
      return { ...report, cursorLt: report.cursorLt?.toString() ?? null };
    },
    summarize: (r) =>
      Number(r.paid) + Number(r.attention) + Number(r.released) > 0 ? `Payments: ${r.paid} paid, ${r.attention} need attention, ${r.released} released.` : null,
  },
  {
    // Stars payments whose successful_payment update never reached the webhook (it was down, the shop
    // restarted): read from the bot's own transaction list. Before the expiry sweep, so an order paid in
    // time is paid rather than expired. Only a real bot has Stars.
    name: 'reconcile-stars',
    async run(deps) {
      if (!deps.bot.live) return { skipped: 'no bot token', read: 0, applied: 0 };
      const report = await reconcileStarPayments({ bot: deps.bot.api, repo: deps.stars, botKey: starsCursorKey(deps), now: deps.clock() });
      return { ...report };
    },
    summarize: (r) => (Number(r.applied) > 0 ? `Stars: ${r.applied} missed payment(s) applied from getStarTransactions.` : null),
  },
  {
    // Refunds from the merchant's wallet: confirmed from the chain (the customer is told by the notify job
    // right after), or lapsed once their message can no longer land, so the merchant may sign again.
    name: 'confirm-refunds',
    async run(deps) {
      return {
        ...(await confirmRefunds({
          chain: deps.payments.chain,
          refunds: deps.admin.refunds.confirmation,
          merchantAddress: deps.payments.merchant.raw,
          usdt: deps.payments.usdt,
          now: deps.clock(),
        })),
      };
    },
    summarize: (r) => (Number(r.confirmed) + Number(r.lapsed) > 0 ? `Refunds: ${r.confirmed} confirmed, ${r.lapsed} lapsed unconfirmed.` : null),
  },
  {
    // Unpaid orders past their time give their stock back (row locks make overlapping runs harmless).
    name: 'expire-orders',
    async run(deps) {
      return { expired: (await sweepOrders(deps)).length };
    },
    summarize: (r) => (Number(r.expired) > 0 ? `Expired ${r.expired} unpaid order(s) and released their stock.` : null),
  },
  {
    // What brings customers back, planned into the outbox for the notify job right after: the one reminder
    // of each cart left for the shop's `abandonedCartHours` (0: off), and the "Notify me" alerts of every
    // variant on sale again. The alerts are found from the stock as it is, not from the writes that changed
    // it, so every writer counts (the merchant's stock edit or variants table, an import, an expired or
    // cancelled order giving its units back) and none can forget to.
    name: 'remind',
    async run(deps) {
      const now = deps.clock();
      const { abandonedCartHours } = await deps.admin.settings.readShop();
      const cartReminders = await deps.reminders.carts.enqueueAbandonedCartReminders(now, abandonedCartHours);
      const backInStock = await deps.reminders.stockAlerts.enqueueBackInStock(now);
      return { cartReminders, backInStock, abandonedCartHours };
    },
    summarize: (r) =>
      Number(r.cartReminders) + Number(r.backInStock) > 0 ? `Reminders: ${r.cartReminders} abandoned cart(s), ${r.backInStock} back in stock.` : null,
  },
  {
    // Payment reminders for orders about to expire, then every due outbox message through the Bot API.
    name: 'notify',
    async run(deps) {
      const { remindersEnqueued, delivery } = await runNotificationJobs({
        outbox: deps.bot.outbox,
        bot: deps.bot.api,
        clock: deps.clock,
        publicUrl: deps.shop.publicUrl,
        orderTtlSeconds: deps.orderTtlSeconds,
        files: deps.admin.blobs,
        push: { sender: deps.push.sender, shopName: deps.shop.name },
      });
      return { remindersEnqueued, ...delivery, rateLimitedUntil: delivery.rateLimitedUntil?.toISOString() ?? null };
    },
    summarize: (r) =>
      Number(r.sent) + Number(r.blocked) + Number(r.failed) > 0 || r.rateLimitedUntil
        ? `Bot messages: ${r.sent} sent, ${r.retried} to retry, ${r.blocked} blocked, ${r.failed} failed` +
          (r.rateLimitedUntil ? `; Telegram asked to wait until ${String(r.rateLimitedUntil)}.` : '.')
        : null,
  },
];

/** Whose Star transactions the stored offset counts: the bot's username (a new bot starts from 0). */
function starsCursorKey(deps: AppDeps): string {
  return deps.bot.username ?? 'bot';
}

/** The expiry sweep over the app's repositories: what the job and every customer order request run. */
export function sweepOrders(deps: Pick<AppDeps, 'orders' | 'payments' | 'clock'>): Promise<string[]> {
  return sweepExpiredOrders({
    orders: deps.orders,
    paymentsReadThrough: () => deps.payments.repo.paymentsReadThrough(deps.payments.merchant.raw),
    indexerLagSeconds: deps.payments.indexerLagSeconds,
    now: deps.clock(),
  });
}

export type ScheduledJobName = (typeof SCHEDULED_JOBS)[number]['name'];

/** The scheduled job by its name; throws for a name no job has (a programming error). */
export function findScheduledJob(name: ScheduledJobName): ScheduledJob {
  const job = SCHEDULED_JOBS.find((candidate) => candidate.name === name);
  if (!job) throw new Error(`No scheduled job named ${name}`);
  return job;
}

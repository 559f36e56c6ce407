import { Hono } from 'hono';
import { runNotificationJobs } from '../core/notifications/run-notification-jobs';
import type { OrderRepo } from '../core/orders/order-repo';
import { reconcilePayments } from '../core/payments/reconcile-payments';
import { timingSafeEqual } from '../core/timing-safe-equal';
import { HttpError } from '../http/http-error';
import type { ScheduledRunReport } from '../jobs/run-scheduled-jobs';
import type { BotContext } from './bot-context';
import type { PaymentContext } from './payment-context';

/**
 * Scheduled jobs, callable by a platform's cron with `Authorization: Bearer <CRON_SECRET>`. Each run is
 * safe to overlap with another and to be cut off mid-way. Without a CRON_SECRET they are disabled (the
 * Node server runs the same jobs on an interval instead).
 */
export function cronRoutes(deps: {
  cronSecret: string | undefined;
  orders: OrderRepo;
  payments: PaymentContext;
  clock: () => Date;
  bot: BotContext;
  publicUrl: string | undefined;
  orderTtlSeconds: number;
  /** Every scheduled job in one run (functions/jobs/scheduled-jobs.ts). */
  runAll: () => Promise<ScheduledRunReport>;
}) {
  const app = new Hono();
  const secret = deps.cronSecret ? new TextEncoder().encode(deps.cronSecret) : null;

  app.use('*', async (c, next) => {
    if (!secret) throw new HttpError(403, 'CRON_DISABLED', 'Scheduled jobs over HTTP are off: set CRON_SECRET to enable them.');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(new TextEncoder().encode(given), secret)) {
      throw new HttpError(401, 'CRON_UNAUTHORIZED', 'Wrong or missing cron secret.');
    }
    await next();
  });

  // All jobs at once: what Vercel Cron calls (with GET, and CRON_SECRET as the Bearer token), or any
  // outside scheduler. 503 when a job failed (an indexer outage…), so the platform's log shows it.
  app.on(['GET', 'POST'], '/run', async (c) => {
    const report = await deps.runAll();
    return c.json(report, report.ok ? 200 : 503);
  });

  app.post('/reconcile', async (c) => {
    const report = await reconcilePayments({
      chain: deps.payments.chain,
      payments: deps.payments.repo,
      merchantAddress: deps.payments.merchant.raw,
      now: deps.clock(),
    });
    return c.json({ ...report, cursorLt: report.cursorLt?.toString() ?? null });
  });

  app.post('/expire-orders', async (c) => {
    const expired = await deps.orders.expireDueOrders(deps.clock());
    return c.json({ expired: expired.length });
  });

  // Payment reminders for orders about to expire, then every outbox message that is due.
  app.post('/notify', async (c) => {
    const { remindersEnqueued, delivery } = await runNotificationJobs({
      outbox: deps.bot.outbox,
      bot: deps.bot.api,
      clock: deps.clock,
      publicUrl: deps.publicUrl,
      orderTtlSeconds: deps.orderTtlSeconds,
    });
    return c.json({ remindersEnqueued, ...delivery, rateLimitedUntil: delivery.rateLimitedUntil?.toISOString() ?? null });
  });

  return app;
}

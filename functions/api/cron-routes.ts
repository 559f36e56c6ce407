import { Hono } from 'hono';
import { timingSafeEqual } from '../core/timing-safe-equal';
import { HttpError } from '../http/http-error';
import type { ScheduledRunReport } from '../jobs/run-scheduled-jobs';
import type { ScheduledJobName } from '../jobs/scheduled-jobs';

/**
 * Scheduled jobs, callable by a platform's cron with `Authorization: Bearer <CRON_SECRET>`. Each run is
 * safe to overlap with another and to be cut off mid-way. Without a CRON_SECRET they are disabled (the
 * Node server runs the same jobs on an interval instead).
 */
export function cronRoutes(deps: {
  cronSecret: string | undefined;
  /** Every scheduled job in one run (functions/jobs/scheduled-jobs.ts). */
  runAll: () => Promise<ScheduledRunReport>;
  /** One scheduled job's pass; a failure is thrown, as the error handler answers it. */
  runJob: (name: ScheduledJobName) => Promise<Record<string, unknown>>;
}) {
  const app = new Hono();
  const secret = deps.cronSecret ? new TextEncoder().encode(deps.cronSecret) : null;

  app.use('*', async (c, next) => {
    if (!secret) throw new HttpError('forbidden', 'CRON_DISABLED', 'Scheduled jobs over HTTP are off: set CRON_SECRET to enable them.');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(new TextEncoder().encode(given), secret)) {
      throw new HttpError('unauthenticated', 'CRON_UNAUTHORIZED', 'Wrong or missing cron secret.');
    }
    await next();
  });

  // All jobs at once: what Vercel Cron calls (with GET, and CRON_SECRET as the Bearer token), or any
  // outside scheduler. 503 when a job failed (an indexer outage…), so the platform's log shows it.
  app.on(['GET', 'POST'], '/run', async (c) => {
    const report = await deps.runAll();
    return c.json(report, report.ok ? 200 : 503);
  });

  // One job at a time: the same passes as in a run of all.
  app.post('/reconcile', async (c) => c.json(await deps.runJob('reconcile-payments')));
  app.post('/reconcile-stars', async (c) => c.json(await deps.runJob('reconcile-stars')));
  // Refunds from the merchant's wallet: confirmed from the chain, or lapsed once their message cannot land.
  app.post('/confirm-refunds', async (c) => c.json(await deps.runJob('confirm-refunds')));
  app.post('/expire-orders', async (c) => c.json(await deps.runJob('expire-orders')));
  // Abandoned-cart reminders and back-in-stock alerts into the outbox (delivered by /notify).
  app.post('/remind', async (c) => c.json(await deps.runJob('remind')));
  // Payment reminders for orders about to expire, then every outbox message that is due.
  app.post('/notify', async (c) => c.json(await deps.runJob('notify')));

  return app;
}

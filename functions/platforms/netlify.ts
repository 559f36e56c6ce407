// Netlify entries (netlify/functions/*.ts): Functions 2.0 Web handlers over the same shop.
import { createWebPushSender } from '../adapters/push/web-push-sender';
import { createServerlessShop, type ServerlessOptions } from './shared/serverless-shop';

/** netlify/functions/api.ts: every app path (its `config.path`); Netlify serves dist/ for the rest. */
export function createNetlifyApiEntry(options: ServerlessOptions = {}) {
  const shop = createServerlessShop({ createPushSender: createWebPushSender, ...options });
  return (request: Request): Promise<Response> => shop.fetch(request);
}

/**
 * netlify/functions/scheduled.ts: a scheduled function runs the jobs itself, with no HTTP and no
 * CRON_SECRET (Netlify never exposes a scheduled function at a URL in production). A failed job is
 * logged and retried at the next run; the run as a whole fails only when the shop cannot start.
 */
export function createNetlifyScheduledEntry(options: ServerlessOptions = {}) {
  const shop = createServerlessShop({ createPushSender: createWebPushSender, ...options });
  return async (): Promise<Response> => {
    const report = await shop.runJobs();
    return Response.json(report, { status: report.ok ? 200 : 500 });
  };
}

// Vercel entry: one Node function for every app path, built by `npm run build:vercel` into
// .vercel/output (Vercel's Build Output API; functions/platforms/vercel/build-output.ts). Vercel serves
// the built Mini App from .vercel/output/static and calls GET /api/cron/run on the crons there.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createServerlessShop, type ServerlessOptions } from './shared/serverless-shop';

/** The shop as a Web handler: what the bundled function wraps, and what tests call with a `Request`. */
export function createVercelEntry(options: ServerlessOptions = {}) {
  const shop = createServerlessShop(options);
  return { fetch: (request: Request) => shop.fetch(request) };
}

/**
 * The function's default export: a Node `(req, res)` listener, the contract of Vercel's Node launcher
 * (`launcherType: "Nodejs"`) since its first version, over the same Web handler. Vercel ends TLS before
 * the function and says so in `x-forwarded-proto` (which it sets itself, whatever the client sent), so
 * the app sees the https URL the customer used.
 */
export function createVercelNodeHandler(options: ServerlessOptions = {}) {
  const entry = createVercelEntry(options);
  const listener = getRequestListener(entry.fetch);
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers['x-forwarded-host'] ?? req.headers.host;
    if (req.headers['x-forwarded-proto'] === 'https' && typeof host === 'string' && req.url?.startsWith('/')) {
      req.url = `https://${host}${req.url}`;
    }
    return listener(req, res);
  };
}

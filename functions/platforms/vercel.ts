// Vercel entry: one Node function for every app path, built by `npm run build:vercel` into
// .vercel/output (Vercel's Build Output API; functions/platforms/vercel/build-output.ts). Vercel serves
// the built Mini App from .vercel/output/static and calls GET /api/cron/run on the crons there.
import { getRequestListener } from '@hono/node-server';
import { createWebPushSender } from '../adapters/push/web-push-sender';
import { createServerlessShop, type ServerlessOptions } from './shared/serverless-shop';

/** The shop as a Web handler: what the bundled function wraps, and what tests call with a `Request`. */
export function createVercelEntry(options: ServerlessOptions = {}) {
  // A Node function: Web Push runs here (the web-push package needs Node's crypto).
  const shop = createServerlessShop({ createPushSender: createWebPushSender, ...options });
  return { fetch: (request: Request) => shop.fetch(request) };
}

/**
 * The function's default export: a Node `(req, res)` listener, the contract of Vercel's Node launcher
 * (`launcherType: "Nodejs"`) since its first version, over the same Web handler. The request's URL is
 * left as Node got it: its host (`Host`, `x-forwarded-host`) is the client's to choose, among every
 * domain and preview URL the project answers on, so the shop takes its own address from PUBLIC_URL only.
 */
export function createVercelNodeHandler(options: ServerlessOptions = {}) {
  const entry = createVercelEntry(options);
  return getRequestListener(entry.fetch);
}

// Vercel entry (api/index.ts, vercel.json): one Node function for every app path; Vercel serves the
// built Mini App from dist/ and calls GET /api/cron/run on the crons in vercel.json.
import { createServerlessShop, type ServerlessOptions } from './shared/serverless-shop';

/** The Web handler Vercel's Node runtime calls (`export default { fetch }`). */
export function createVercelEntry(options: ServerlessOptions = {}) {
  const shop = createServerlessShop(options);
  return { fetch: (request: Request) => shop.fetch(request) };
}

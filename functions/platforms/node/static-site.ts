import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

// `npm run build:server` writes the server bundle and its migrations beside the Mini App in dist/:
// they are never served, whatever STATIC_DIR holds.
const SERVER_FILES = /^\/(server\.js(\.map)?|migrations(\/.*)?)$/;

/**
 * The built Mini App (vite build → STATIC_DIR) on Node: hashed assets cached forever, everything else
 * falls back to index.html (client-side routes), with a hook to rewrite that page per request (dev mode).
 */
export function staticSite(options: { dir: string; transformIndexHtml?: (html: string) => Promise<string> }) {
  const root = resolve(options.dir);
  const app = new Hono();
  let indexHtml: Promise<string | null> | undefined;
  const loadIndex = () =>
    (indexHtml ??= readFile(join(root, 'index.html'), 'utf8').catch(() => {
      indexHtml = undefined; // Try again on the next request: a build may be under way.
      return null;
    }));

  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // Files by exact name only: a path ending in '/' (the site root, a client route) is the app's page,
  // never a directory listing or the directory itself.
  const files = serveStatic({ root, index: '' });
  app.use('*', (c, next) => (c.req.path.endsWith('/') || SERVER_FILES.test(c.req.path) ? next() : files(c, next)));
  app.get('*', async (c) => {
    const html = await loadIndex();
    if (html === null) {
      return c.html(
        '<!doctype html><title>Bazaar</title><p>The Mini App is not built yet. Run <code>npm run build</code>, or start with <code>npm start</code>.</p>',
        503,
      );
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(options.transformIndexHtml ? await options.transformIndexHtml(html) : html);
  });
  return app;
}

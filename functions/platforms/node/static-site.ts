import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createHash } from 'node:crypto';

// `npm run build:server` writes the server bundle and its migrations beside the Mini App in dist/:
// they are never served, whatever STATIC_DIR holds.
const SERVER_FILES = /^\/(server\.js(\.map)?|migrations(\/.*)?)$/;

/**
 * The built Mini App (vite build → STATIC_DIR) on Node: hashed assets cached forever, everything else
 * falls back to index.html (client-side routes), with a hook to rewrite that page per request (dev mode).
 * Files go out precompressed (the build's `.br`/`.gz`, scripts/precompress.ts) to a browser that accepts
 * them, with `Vary: Accept-Encoding`; the page revalidates by its ETag on every visit.
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
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // Files by exact name only: a path ending in '/' (the site root, a client route) is the app's page,
  // never a directory listing or the directory itself.
  const files = serveStatic({ root, index: '', precompressed: true });
  app.use('*', (c, next) => (c.req.path.endsWith('/') || SERVER_FILES.test(c.req.path) ? next() : files(c, next)));
  // The page changes per request only in dev mode; compressed on the fly, it is a few kilobytes.
  app.get('*', compress());
  app.get('*', async (c) => {
    const html = await loadIndex();
    if (html === null) {
      return c.html(
        '<!doctype html><title>Bazaar</title><p>The Mini App is not built yet. Run <code>npm run build</code>, or start with <code>npm start</code>.</p>',
        503,
      );
    }
    const page = options.transformIndexHtml ? await options.transformIndexHtml(html) : html;
    const etag = `"${createHash('sha256').update(page).digest('base64url').slice(0, 27)}"`;
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    c.header('Vary', 'Accept-Encoding');
    const known = c.req.header('if-none-match');
    if (known && known.split(',').some((tag) => [etag, `W/${etag}`, '*'].includes(tag.trim()))) return c.body(null, 304);
    return c.html(page);
  });
  return app;
}

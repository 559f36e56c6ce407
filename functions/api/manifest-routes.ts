import { Hono } from 'hono';

/**
 * The TON Connect manifest: wallets fetch it to show the shop's name and icon when connecting. Its `url`
 * must be the app's origin, so it follows PUBLIC_URL when set, else the origin the request came to.
 * Wallets fetch it cross-origin, hence `Access-Control-Allow-Origin: *`.
 */
export function manifestRoutes(deps: { shopName: string; publicUrl: string | undefined }) {
  const app = new Hono();
  app.get('/tonconnect-manifest.json', (c) => {
    const origin = (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ url: origin, name: deps.shopName, iconUrl: `${origin}/icon-192.png` });
  });
  return app;
}

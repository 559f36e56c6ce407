import { Hono } from 'hono';
import { HttpError } from '../http/http-error';

/**
 * The TON Connect manifest: wallets fetch it to show the shop's name and icon when connecting, and sign
 * ton_proof for its `url`'s host. That is the shop's configured address (config.ts, shopUrlOf), never
 * the Host a request names: a cache in front would keep a forged one for everyone. Wallets fetch it
 * cross-origin, hence `Access-Control-Allow-Origin: *`, on the error too.
 */
export function manifestRoutes(deps: { shopName: string; shopUrl: string | null }) {
  const app = new Hono();
  app.get('/tonconnect-manifest.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    if (deps.shopUrl === null) {
      throw new HttpError(
        'unavailable',
        'SHOP_URL_NOT_CONFIGURED',
        "The TON Connect manifest names the shop's web address, which is not configured. The shop's operator must set PUBLIC_URL.",
      );
    }
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ url: deps.shopUrl, name: deps.shopName, iconUrl: `${deps.shopUrl}/icon-192.png` });
  });
  // The web app manifest (w3.org/TR/appmanifest): the shop's name on a home screen. iOS delivers Web Push
  // only to a site added to the home screen (Safari 16.4+), and opens it standalone from there.
  app.get('/manifest.webmanifest', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'application/manifest+json; charset=utf-8');
    return c.body(
      JSON.stringify({
        name: deps.shopName,
        short_name: deps.shopName.slice(0, 12),
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#ffffff',
        icons: [{ src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' }],
      }),
    );
  });
  return app;
}

import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HttpError } from './http-error';

/** The web session cookie: `<session id>.<secret>` (functions/core/auth/session.ts). */
export const SESSION_COOKIE = 'bazaar_session';

/** The session cookie's value, if the request carries one. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * Sets the session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site
 * POSTs), Secure whenever the shop's address is https, for the session's whole lifetime.
 * @param shopUrl the shop's configured address (config.ts, shopUrlOf), never the request's
 */
export function writeSessionCookie(c: Context, value: string, maxAgeSeconds: number, shopUrl: string | null): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: maxAgeSeconds,
    secure: isHttps(shopUrl),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, shopUrl: string | null): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(shopUrl) });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for calls a cookie authenticates: a state-changing request must say where it comes from
 * (`Origin`, which browsers send on every cross-origin and every POST request and scripts cannot forge)
 * and that must be the shop's configured origin. Not the request's own: its Host is the client's to
 * choose. `strict: false` lets a request without Origin through (sign-in routes, which no cookie
 * authenticates), but still refuses a foreign one. A shop that knows no address of its own cannot tell
 * its pages from another site's, so it refuses every such change.
 *
 * @throws HttpError 403 CSRF_REJECTED, 503 SHOP_URL_NOT_CONFIGURED
 */
export function assertSameOrigin(c: Context, shopUrl: string | null, { strict = true } = {}): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  if (shopUrl === null) {
    throw new HttpError(
      'unavailable',
      'SHOP_URL_NOT_CONFIGURED',
      "Signing in and changes on the web are not available: the shop does not know its own web address, so it cannot tell its own pages from another site's. The shop's operator must set PUBLIC_URL.",
    );
  }
  const origin = c.req.header('origin');
  if (origin === undefined && !strict) return;
  if (origin !== undefined && origin === new URL(shopUrl).origin) return;
  throw new HttpError(
    'forbidden',
    'CSRF_REJECTED',
    origin === undefined
      ? 'This request did not say which site sent it. Reload the shop and try again.'
      : 'This request came from another site. Open the shop itself and try again.',
  );
}

function isHttps(shopUrl: string | null): boolean {
  return shopUrl !== null && new URL(shopUrl).protocol === 'https:';
}

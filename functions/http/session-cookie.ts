import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HttpError } from './http-error';

/** The web session cookie: `<session id>.<secret>` (functions/core/auth/session.ts). */
export const SESSION_COOKIE = 'bazaar_session';

/** Where the shop lives: PUBLIC_URL when set (behind a proxy the request URL may be internal), else the request's own. */
export function shopUrl(c: Context, publicUrl: string | undefined): URL {
  return new URL(publicUrl ?? c.req.url);
}

/** The session cookie's value, if the request carries one. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * Sets the session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site
 * POSTs), Secure whenever the shop is served over https, for the session's whole lifetime.
 */
export function writeSessionCookie(c: Context, value: string, maxAgeSeconds: number, publicUrl: string | undefined): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: maxAgeSeconds,
    secure: isHttps(c, publicUrl),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, publicUrl: string | undefined): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c, publicUrl) });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for calls a cookie authenticates: a state-changing request must say where it comes from
 * (`Origin`, which browsers send on every cross-origin and every POST request and scripts cannot forge)
 * and that must be the shop itself. `strict: false` lets a request without Origin through (sign-in
 * routes, which no cookie authenticates), but still refuses a foreign one.
 *
 * @throws HttpError 403 CSRF_REJECTED
 */
export function assertSameOrigin(c: Context, publicUrl: string | undefined, { strict = true } = {}): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin === undefined && !strict) return;
  if (origin !== undefined && origin === shopUrl(c, publicUrl).origin) return;
  throw new HttpError('forbidden',
    'CSRF_REJECTED',
    origin === undefined
      ? 'This request did not say which site sent it. Reload the shop and try again.'
      : 'This request came from another site. Open the shop itself and try again.',
  );
}

function isHttps(c: Context, publicUrl: string | undefined): boolean {
  return shopUrl(c, publicUrl).protocol === 'https:' || new URL(c.req.url).protocol === 'https:';
}

import type { MiddlewareHandler } from 'hono';
import { resolveSession, type SessionRecord, type SessionRepo } from '../core/auth/session';
import { SessionError, SessionInvalidError } from '../core/auth/session-errors';
import type { CryptoPort } from '../core/crypto-port';
import type { Customer, CustomerRepo } from '../core/customers/customer';
import type { VerifiedInitData } from '../core/init-data/verify-init-data';
import { HttpError } from './http-error';
import { assertSameOrigin, clearSessionCookie, readSessionCookie } from './session-cookie';
import { customerFromInitData, readTmaAuthorization, type InitDataVerifier } from './telegram-auth';

/** How the caller proved who they are: the Mini App's initData, or a web session cookie. */
export type AuthVia = 'mini-app' | 'session';

export interface CustomerVariables {
  customer: Customer;
  via: AuthVia;
  /** Set when `via` is 'mini-app'. */
  initData?: VerifiedInitData;
  /** Set when `via` is 'session'. */
  session?: SessionRecord;
}

export interface CustomerAuthDeps {
  verifyInitData: InitDataVerifier;
  customers: CustomerRepo;
  clock: () => Date;
  sessions: SessionRepo;
  crypto: CryptoPort;
  /**
   * The shop's configured address (config.ts, shopUrlOf; null when it has none): its origin is the only
   * one allowed to change state with a cookie.
   */
  shopUrl: string | null;
}

/**
 * The one gate for every customer API. `Authorization: tma <initData>` (the Mini App) wins when present;
 * else the `bazaar_session` cookie (the web). The same customer lands on the context either way. A
 * cookie-authenticated state change must come from the shop's own origin (CSRF); `tma` calls need not,
 * since no browser attaches that header by itself.
 */
export function requireCustomer(deps: CustomerAuthDeps): MiddlewareHandler<{ Variables: CustomerVariables }> {
  return async (c, next) => {
    const initDataRaw = readTmaAuthorization(c.req.header('authorization'));
    if (initDataRaw !== null) {
      const { customer, initData } = await customerFromInitData(deps, initDataRaw);
      c.set('customer', customer);
      c.set('via', 'mini-app');
      c.set('initData', initData);
      return next();
    }
    const cookie = readSessionCookie(c);
    if (cookie === undefined) {
      throw new HttpError(
        'unauthenticated',
        'INIT_DATA_MISSING',
        'Sign in to continue: open the shop from Telegram, or sign in with Telegram or a TON wallet on the web.',
      );
    }
    let session: SessionRecord;
    let customer: Customer | null;
    try {
      session = await resolveSession({ sessions: deps.sessions, crypto: deps.crypto, cookieValue: cookie, now: deps.clock() });
      customer = await deps.customers.findById(session.customerId);
      if (!customer) throw new SessionInvalidError();
    } catch (error) {
      // A dead cookie is dropped, so the browser stops sending it.
      if (error instanceof SessionError) clearSessionCookie(c, deps.shopUrl);
      throw error;
    }
    assertSameOrigin(c, deps.shopUrl);
    c.set('customer', customer);
    c.set('via', 'session');
    c.set('session', session);
    return next();
  };
}

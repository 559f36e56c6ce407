import { MESSENGER_TRAITS, type Messenger } from '../core/messenger/messengers';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { startSession, resolveSession, type SessionMethod } from '../core/auth/session';
import { SessionError } from '../core/auth/session-errors';
import type { Customer, CustomerRepo } from '../core/customers/customer';
import type { TonNetwork } from '../core/payments/payment-intent';
import { InitDataError } from '../core/init-data/errors';
import type { CustomerVariables } from '../http/customer-auth';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/read-json-body';
import { telegramProfileOf } from '../http/telegram-auth';
import { assertSameOrigin, clearSessionCookie, readSessionCookie, writeSessionCookie } from '../http/session-cookie';
import { presentCustomer } from './me-routes';
import type { WebAuthContext } from './web-auth-context';

export interface AuthRoutesDeps {
  web: WebAuthContext;
  customers: CustomerRepo;
  clock: () => Date;
  /** The shop's configured address (config.ts, shopUrlOf), or null: then no web sign-in. */
  shopUrl: string | null;
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  /** The chain TON Connect must connect to: the sign-in screen sets up its wallets list by it. */
  tonNetwork: TonNetwork;
  /** The messenger the shop's Mini App runs in: the page loads its SDK (core/messenger/messengers.ts). */
  messenger: Messenger;
}

// The Login Widget hands its callback numbers for id and auth_date and strings for the rest. Every field
// it sent is signed, so unknown ones are kept (a field Telegram adds later must still verify).
const widgetValue = z.union([z.string().max(2048), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String)]);
const widgetBody = z
  .object({
    id: widgetValue,
    first_name: z.string().min(1).max(256),
    last_name: z.string().max(256).optional(),
    username: z.string().max(64).optional(),
    photo_url: z.string().max(2048).optional(),
    auth_date: widgetValue,
    hash: z.string().regex(/^[0-9a-fA-F]{64}$/, 'hash must be 64 hex characters'),
  })
  .catchall(widgetValue)
  .refine((fields) => Object.keys(fields).length <= 16, 'too many fields');

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const authSchemas = { widgetBody };

/**
 * Web sign-in that is not TON-specific: what the sign-in screen may offer, the Telegram Login Widget (sign
 * in, or link to a signed-in wallet customer), and sign-out.
 */
export function authRoutes(deps: AuthRoutesDeps) {
  const app = new Hono<{ Variables: CustomerVariables }>();

  app.get('/config', (c) => {
    const widget = deps.web.loginWidget;
    return c.json({
      // Both need the shop's own address: the origin a sign-in must come from, the domain wallets sign.
      telegramLogin: widget?.botUsername && deps.shopUrl !== null ? { botUsername: widget.botUsername } : null,
      tonProof: deps.shopUrl !== null,
      tonNetwork: deps.tonNetwork,
      messenger: {
        name: deps.messenger,
        miniAppSdkUrl: MESSENGER_TRAITS[deps.messenger].miniAppSdkUrl,
        verifiesLaunchData: MESSENGER_TRAITS[deps.messenger].verifiesLaunchData,
      },
    });
  });

  app.post('/telegram-widget', async (c) => {
    assertSameOrigin(c, deps.shopUrl, { strict: false });
    const profile = await verifyWidget(c, deps);
    const customer = await deps.customers.upsertTelegramCustomer(profile);
    return signIn(c, deps, customer, 'telegram');
  });

  app.post('/link/telegram-widget', deps.requireCustomer, async (c) => {
    const profile = await verifyWidget(c, deps);
    const customer = await deps.customers.linkTelegram(c.get('customer').id, profile);
    return c.json({ customer: presentCustomer(customer) });
  });

  app.post('/logout', async (c) => {
    const cookie = readSessionCookie(c);
    if (cookie !== undefined) {
      assertSameOrigin(c, deps.shopUrl);
      try {
        const session = await resolveSession({ sessions: deps.web.sessions, crypto: deps.web.crypto, cookieValue: cookie, now: deps.clock() });
        await deps.web.sessions.revoke(session.id, deps.clock());
      } catch (error) {
        // Signing out of a session that is already dead is done.
        if (!(error instanceof SessionError)) throw error;
      }
    }
    clearSessionCookie(c, deps.shopUrl);
    return c.json({ signedOut: true });
  });

  return app;
}

/** Starts a web session for `customer`, sets its cookie, and answers with the customer. */
export async function signIn(c: Context, deps: AuthRoutesDeps, customer: Customer, method: SessionMethod) {
  const session = await startSession({
    sessions: deps.web.sessions,
    crypto: deps.web.crypto,
    customerId: customer.id,
    method,
    now: deps.clock(),
    ttlSeconds: deps.web.sessionTtlSeconds,
  });
  writeSessionCookie(c, session.cookieValue, deps.web.sessionTtlSeconds, deps.shopUrl);
  c.header('Cache-Control', 'no-store');
  return c.json({ customer: presentCustomer(customer), expiresAt: session.expiresAt.toISOString() });
}

/** Reads and verifies Login Widget data; the Mini App's wording of the errors is replaced by the web's. */
async function verifyWidget(c: Context, deps: AuthRoutesDeps) {
  const widget = deps.web.loginWidget;
  if (!widget) {
    throw new HttpError('not_found', 'TELEGRAM_LOGIN_DISABLED', 'Signing in with Telegram is not available on this shop. Sign in with a TON wallet instead.');
  }
  // The signature is over the text as sent, so it is read as sent; nothing of it is stored before it
  // verifies, and then as the profile telegramProfileOf makes storable.
  const fields = await readJsonBody(c, widgetBody, { unstorableText: 'keep' });
  const nowSeconds = Math.floor(deps.clock().getTime() / 1000);
  try {
    const { user } = await widget.verify(fields as Record<string, string>, nowSeconds);
    return telegramProfileOf(user);
  } catch (error) {
    if (error instanceof InitDataError) throw new HttpError('unauthenticated', error.code, WIDGET_MESSAGES[error.code] ?? error.message);
    throw error;
  }
}

const WIDGET_MESSAGES: Record<string, string> = {
  INIT_DATA_MALFORMED: 'The sign-in data from Telegram could not be read. Try signing in with Telegram again.',
  INIT_DATA_SIGNATURE_INVALID: 'The sign-in data was not issued by Telegram for this shop. Try signing in with Telegram again.',
  INIT_DATA_EXPIRED: 'Your Telegram sign-in is too old. Sign in with Telegram again.',
  INIT_DATA_FROM_FUTURE: "Your Telegram sign-in is dated ahead of the shop's clock. Wait a minute and sign in again.",
};

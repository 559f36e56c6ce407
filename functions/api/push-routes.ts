import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { isAllowedPushEndpoint, type PushSubscriptionRepo } from '../core/push/push-subscription';
import type { CustomerVariables } from '../http/customer-auth';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/read-json-body';

/** Web Push on this server: the VAPID public key pages subscribe with, and where subscriptions are kept. */
export interface PushContext {
  /** VAPID_PUBLIC_KEY (base64url); null when push is off (no keys, or a platform that cannot send). */
  publicKey: string | null;
  subscriptions: PushSubscriptionRepo;
  /**
   * Plain http endpoints on loopback are taken (a local push service): only for a shop whose own address
   * is loopback (a developer's machine, the tests), never one others reach.
   */
  allowLoopbackEndpoints: boolean;
}

// PushSubscription.toJSON(): base64url keys; p256dh is a 65-byte P-256 point, auth a 16-byte secret (RFC 8291 §3).
const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');
const endpoint = z.string().max(2048).url('must be the push service URL the browser gave');
const subscribeBody = z.object({
  endpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64url(86, 88), auth: base64url(22, 24) }),
  languageCode: z
    .string()
    .regex(/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/, 'must be a language tag')
    .optional(),
});
const unsubscribeBody = z.object({ endpoint });

/** The bodies, for the route fuzzer (test/integration/fuzz). */
export const pushSchemas = { subscribeBody, unsubscribeBody };

/**
 * `GET /api/push/key`, `PUT` and `DELETE /api/push/subscription`: the web storefront's "Get order updates
 * in this browser". Only a web session's customer (a Mini App customer hears from the bot). Without VAPID
 * keys the key is null and subscribing is refused with 503 PUSH_NOT_CONFIGURED; the rest of the shop works.
 */
export function pushRoutes(deps: { push: PushContext; requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>; clock: () => Date }) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  // Public: the key is what every page subscribing here hands its browser. null, not an error, when off: the
  // page then shows push as unavailable without a failed request in its console.
  app.get('/key', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ publicKey: deps.push.publicKey });
  });

  app.put('/subscription', deps.requireCustomer, async (c) => {
    const body = await readJsonBody(c, subscribeBody);
    webCustomerOnly(c.get('via'));
    if (deps.push.publicKey === null) throw notConfigured();
    if (!isAllowedPushEndpoint(body.endpoint, { allowLoopbackHttp: deps.push.allowLoopbackEndpoints })) {
      throw new HttpError('invalid', 'PUSH_ENDPOINT_INVALID', "endpoint: must be an https address of the browser's push service.");
    }
    await deps.push.subscriptions.save(
      c.get('customer').id,
      { endpoint: body.endpoint, keys: body.keys, languageCode: body.languageCode?.toLowerCase() ?? null },
      deps.clock(),
    );
    return c.json({ subscribed: true });
  });

  // The Unsubscribe button of an offer's notification, pressed in the service worker: no cookie there to
  // count on (the session may have ended), so the endpoint itself is the proof. It is a capability only
  // that browser and this server know. The same answer whether or not it is known.
  app.post('/offers-off', async (c) => {
    const body = await readJsonBody(c, unsubscribeBody);
    await deps.push.subscriptions.optOutOfOffers(body.endpoint, deps.clock());
    return c.json({ offers: false });
  });

  app.delete('/subscription', deps.requireCustomer, async (c) => {
    const body = await readJsonBody(c, unsubscribeBody);
    webCustomerOnly(c.get('via'));
    await deps.push.subscriptions.remove(c.get('customer').id, body.endpoint);
    return c.json({ subscribed: false });
  });
  return app;
}

function webCustomerOnly(via: CustomerVariables['via']): void {
  if (via !== 'session') {
    throw new HttpError('forbidden', 'PUSH_WEB_ONLY', 'Web Push is for the shop on the web; inside Telegram the bot sends your order updates.');
  }
}

function notConfigured(): HttpError {
  return new HttpError('unavailable', 'PUSH_NOT_CONFIGURED', 'Web Push is off on this shop: its operator has not set the VAPID keys (npm run push:keys).');
}

/** A browser's subscription as the page hands it over (PushSubscription.toJSON()), with the page's language. */
export interface NewPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  languageCode: string | null;
}

/** The browsers that agreed to Web Push, per customer. Implemented in adapters/db/push-subscription-repo.ts. */
export interface PushSubscriptionRepo {
  /**
   * Keeps `subscription` for `customerId`. An endpoint already kept (the same browser subscribing again, or
   * another customer signing in there) is taken over with its new keys: one browser tells one customer.
   */
  save(customerId: string, subscription: NewPushSubscription, now: Date): Promise<void>;
  /** Forgets the customer's subscription at `endpoint`; whether there was one. */
  remove(customerId: string, endpoint: string): Promise<boolean>;
  /**
   * The Unsubscribe button under an offer: the customer whose browser has `endpoint` gets no more offers
   * (customers.marketing_opted_out_at, as the bot's button sets it); order news still comes. Whether the
   * endpoint was known.
   */
  optOutOfOffers(endpoint: string, now: Date): Promise<boolean>;
}

/**
 * Whether the shop may send to `endpoint`. The server POSTs to whatever URL a page gives it, so only
 * https to a named host: never a literal IP address or localhost, which would point the server at its own
 * network. Plain http to this machine only when the shop itself runs on loopback (a developer's machine,
 * the tests' local push service).
 */
export function isAllowedPushEndpoint(endpoint: string, options: { allowLoopbackHttp: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  if (url.protocol === 'http:') return options.allowLoopbackHttp && loopback;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const literalIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  return !literalIp && host !== 'localhost' && !host.endsWith('.localhost') && host.includes('.');
}

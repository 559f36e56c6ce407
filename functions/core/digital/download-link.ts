import type { CryptoPort, HmacSha256Key } from '../crypto-port';
import { DomainError } from '../domain-error';
import { decodeBase64, encodeBase64 } from '../bytes/base64';
import { timingSafeEqual } from '../timing-safe-equal';

/** How long a download link works; the customer gets a new one from My orders whenever they like. */
export const DOWNLOAD_LINK_TTL_SECONDS = 24 * 60 * 60;

/** What a download link grants: one customer, one file of one of their orders, until `expiresAt`. */
export interface DownloadGrant {
  orderId: string;
  productId: string;
  customerId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** The link is not one the shop made (cut, edited, or signed with another secret). */
export class DownloadLinkInvalidError extends DomainError {
  constructor() {
    super('forbidden', 'DOWNLOAD_LINK_INVALID', 'This download link is not valid. Open My orders and get a new link.');
  }
}

/** The link's time ran out. */
export class DownloadLinkExpiredError extends DomainError {
  constructor() {
    super('forbidden', 'DOWNLOAD_LINK_EXPIRED', 'This download link has expired. Open My orders and tap “Get a new link”.');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signs and checks download links: `<orderId>.<productId>.<customerId>.<expiresAt>.<mac>`, the MAC being
 * HMAC-SHA256 under a key derived from a server secret (`HMAC("BazaarDownloadLinks", secret)`, as Telegram
 * derives its WebAppData key, so the secret itself never signs anything a customer sees), base64url.
 * Nothing is stored: a link is checked by recomputing its MAC, compared in constant time.
 */
export function createDownloadLinkSigner(input: { secret: string; crypto: CryptoPort }) {
  let keyPromise: Promise<HmacSha256Key> | null = null;
  const key = () =>
    (keyPromise ??= (async () => {
      const derivation = await input.crypto.importHmacSha256Key(new TextEncoder().encode('BazaarDownloadLinks'));
      return input.crypto.importHmacSha256Key(await derivation.sign(input.secret));
    })());

  const macOf = async (grant: DownloadGrant) => (await key()).sign(`download:v1:${grant.orderId}:${grant.productId}:${grant.customerId}:${grant.expiresAt}`);

  return {
    /** The token for `grant` (URL-safe: put it in a path as it is). */
    async sign(grant: DownloadGrant): Promise<string> {
      return `${grant.orderId}.${grant.productId}.${grant.customerId}.${grant.expiresAt}.${base64Url(await macOf(grant))}`;
    },

    /**
     * The grant a token carries, once its MAC verifies and its time has not run out.
     * @throws DownloadLinkInvalidError, DownloadLinkExpiredError (an expired link is only called so once its MAC verifies)
     */
    async verify(token: string, now: Date): Promise<DownloadGrant> {
      const parts = token.split('.');
      if (parts.length !== 5) throw new DownloadLinkInvalidError();
      const [orderId, productId, customerId, expires, mac] = parts as [string, string, string, string, string];
      if (![orderId, productId, customerId].every((id) => UUID.test(id)) || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) {
        throw new DownloadLinkInvalidError();
      }
      const grant = { orderId, productId, customerId, expiresAt: Number(expires) };
      if (!timingSafeEqual(await macOf(grant), decodeBase64(mac))) throw new DownloadLinkInvalidError();
      if (grant.expiresAt * 1000 <= now.getTime()) throw new DownloadLinkExpiredError();
      return grant;
    },
  };
}

export type DownloadLinkSigner = ReturnType<typeof createDownloadLinkSigner>;

/** The grant for a new link made at `now`. */
export function newDownloadGrant(input: Omit<DownloadGrant, 'expiresAt'>, now: Date, ttlSeconds = DOWNLOAD_LINK_TTL_SECONDS): DownloadGrant {
  return { ...input, expiresAt: Math.floor(now.getTime() / 1000) + ttlSeconds };
}

function base64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

import type { CryptoPort } from '../crypto-port';
import { buildDataCheckString } from './data-check-string';
import { encodeHex } from './encoding';
import { deriveWebAppSecretKey } from './secret-keys';

/**
 * Signs launch data the way Telegram does for a Mini App, for a bot whose token we hold: the server's
 * dev mode (a demo customer without Telegram) and tests. Returns a raw initData string, URL-encoded,
 * with `hash` last, that createInitDataVerifier accepts for the same token.
 *
 * `fields` are the decoded values; put `auth_date` and a `user` JSON in them for a shop customer.
 *
 * @throws TypeError if `fields` already holds a `hash`.
 */
export async function signInitData({
  fields,
  botToken,
  crypto,
}: {
  fields: Readonly<Record<string, string>>;
  botToken: string;
  crypto: CryptoPort;
}): Promise<string> {
  if (Object.hasOwn(fields, 'hash')) throw new TypeError('fields must not contain "hash": signInitData adds it');
  const entries = Object.entries(fields);
  const secretKey = await deriveWebAppSecretKey(crypto, botToken);
  const hash = encodeHex(await secretKey.sign(buildDataCheckString(entries, ['hash'])));
  return [...entries, ['hash', hash] as const].map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

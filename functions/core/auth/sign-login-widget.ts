import type { CryptoPort } from '../crypto-port';
import { buildDataCheckString } from '../init-data/data-check-string';
import { encodeHex } from '../init-data/encoding';
import { deriveLoginWidgetSecretKey } from '../init-data/secret-keys';

/**
 * Signs Login Widget data the way Telegram does for a bot whose token we hold (tests and the E2E
 * suite): hash = hex HMAC-SHA256(SHA-256(bot token), sorted `key=value` pairs joined by `\n`).
 * core.telegram.org/widgets/login#checking-authorization. Returns the fields with `hash` added.
 *
 * @throws TypeError if `fields` already holds a `hash`.
 */
export async function signLoginWidgetData(input: {
  fields: Readonly<Record<string, string>>;
  botToken: string;
  crypto: CryptoPort;
}): Promise<Record<string, string>> {
  if (Object.hasOwn(input.fields, 'hash')) throw new TypeError('fields must not contain "hash": it is added here');
  const secretKey = await deriveLoginWidgetSecretKey(input.crypto, input.botToken);
  const hash = encodeHex(await secretKey.sign(buildDataCheckString(Object.entries(input.fields), ['hash'])));
  return { ...input.fields, hash };
}

import type { CryptoPort } from '../crypto-port';
import { checkAuthDate, createFreshnessPolicy } from './auth-date';
import { buildDataCheckString } from './data-check-string';
import { InitDataMalformedError, InitDataSignatureInvalidError } from './errors';
import { assertBotToken, deriveLoginWidgetSecretKey, lazyKey } from './secret-keys';
import type { TelegramUser } from './telegram-user';
import { timingSafeEqualHex } from '../timing-safe-equal';

/** A person signed in on the open web with the Telegram Login Widget, authenticated and fresh. */
export type VerifiedLoginWidgetData = { user: TelegramUser; authDate: number };

/**
 * Builds a verifier for Telegram Login Widget data (the web sign-in), given as the decoded fields the
 * widget returned (`id`, `first_name`, …, `auth_date`, `hash`).
 * core.telegram.org/widgets/login#checking-authorization: secret = SHA-256(bot token), raw bytes;
 * hash = hex HMAC-SHA256(secret, sorted `key=value` pairs without `hash`, joined by `\n`). Compared in
 * constant time, then `auth_date` is bounded as for Mini App data; the errors are the same classes.
 *
 * @throws RangeError/TypeError at once for bad options.
 */
export function createLoginWidgetVerifier(options: {
  botToken: string;
  crypto: CryptoPort;
  maxAgeSeconds: number;
  /** Default DEFAULT_MAX_FUTURE_SKEW_SECONDS (60). */
  maxFutureSkewSeconds?: number;
}): (fields: Readonly<Record<string, string>>, nowSeconds: number) => Promise<VerifiedLoginWidgetData> {
  const { botToken, crypto } = options;
  assertBotToken(botToken);
  const policy = createFreshnessPolicy(options.maxAgeSeconds, options.maxFutureSkewSeconds);
  const secretKey = lazyKey(() => deriveLoginWidgetSecretKey(crypto, botToken));
  return async (fields, nowSeconds) => {
    const hashHex = fields.hash;
    if (typeof hashHex !== 'string') throw new InitDataMalformedError('it has no hash');
    const entries = Object.entries(fields);
    const expected = await (await secretKey()).sign(buildDataCheckString(entries, ['hash']));
    if (!timingSafeEqualHex(expected, hashHex)) throw new InitDataSignatureInvalidError();
    const authDate = checkAuthDate(fields.auth_date, nowSeconds, policy);
    return { user: readWidgetUser(fields), authDate };
  };
}

/** The widget sends the user flat, every value a string. */
function readWidgetUser(fields: Readonly<Record<string, string>>): TelegramUser {
  const idText = fields.id;
  const id = idText !== undefined && /^\d{1,15}$/.test(idText) ? Number(idText) : 0;
  if (id <= 0) throw new InitDataMalformedError("its user's id is not a positive whole number");
  const firstName = fields.first_name;
  if (firstName === undefined) throw new InitDataMalformedError('its user has no first_name');
  const user: TelegramUser = { id, firstName };
  if (fields.last_name !== undefined) user.lastName = fields.last_name;
  if (fields.username !== undefined) user.username = fields.username;
  if (fields.photo_url !== undefined) user.photoUrl = fields.photo_url;
  return user;
}

import type { CryptoPort, Ed25519PublicKey, HmacSha256Key } from '../crypto-port';
import { checkAuthDate, createFreshnessPolicy, type FreshnessPolicy } from './auth-date';
import { buildDataCheckString } from './data-check-string';
import { decodeBase64Url, decodeHex } from './encoding';
import { InitDataMalformedError, InitDataSignatureInvalidError } from './errors';
import { parseInitData } from './parse-init-data';
import { assertBotToken, deriveWebAppSecretKey, lazyKey } from './secret-keys';
import { timingSafeEqualHex } from '../timing-safe-equal';

/**
 * Telegram's published Ed25519 public keys for third-party validation.
 * core.telegram.org/bots/webapps#validating-data-for-third-party-use
 */
export const TELEGRAM_PUBLIC_KEY_HEX = {
  production: 'e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d',
  test: '40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec',
} as const;

/** Limits shared by both kinds of check. */
type FreshnessOptions = {
  crypto: CryptoPort;
  /** Oldest acceptable `auth_date`, in seconds before now. */
  maxAgeSeconds: number;
  /** How far `auth_date` may be ahead of now; default DEFAULT_MAX_FUTURE_SKEW_SECONDS (60). */
  maxFutureSkewSeconds?: number;
};

/**
 * How to check initData: `hmac` with the bot token (the usual case: we own the bot), or `ed25519` with
 * the bot id and Telegram's public key (we know only the bot id; see TELEGRAM_PUBLIC_KEY_HEX).
 */
export type InitDataCheckOptions =
  ({ kind: 'hmac'; botToken: string } & FreshnessOptions) | ({ kind: 'ed25519'; botId: number; publicKeyHex: string } & FreshnessOptions);

/** initData whose signature and `auth_date` have been checked; nothing else about it has. */
export type CheckedInitData = {
  /** Every received pair, decoded, in the order received (including `hash` and `signature`). */
  fields: ReadonlyMap<string, string>;
  authDate: number;
};

/** A built check: resolves to its result, or rejects with an InitDataError. */
export type InitDataCheck<Result> = (initDataRaw: string, nowSeconds: number) => Promise<Result>;

/**
 * Builds a check of raw initData: parse, authenticate, then bound `auth_date`. It does not look at the
 * content (a launch from an inline query may carry no `user`); createInitDataVerifier does, through
 * `read`, which turns the checked data into its result synchronously inside the same async step (no
 * second promise layer per request). Keys are derived once, on first use.
 *
 * Authentication comes before reading `auth_date`, so that only data Telegram really signed is
 * interpreted.
 *
 * @throws RangeError/TypeError at once for bad options.
 */
export function createInitDataChecker(options: InitDataCheckOptions): InitDataCheck<CheckedInitData>;
export function createInitDataChecker<Result>(options: InitDataCheckOptions, read: (checked: CheckedInitData) => Result): InitDataCheck<Result>;
export function createInitDataChecker<Result>(
  options: InitDataCheckOptions,
  read?: (checked: CheckedInitData) => Result,
): InitDataCheck<Result | CheckedInitData> {
  const policy = createFreshnessPolicy(options.maxAgeSeconds, options.maxFutureSkewSeconds);
  const finish: (checked: CheckedInitData) => Result | CheckedInitData = read ?? ((checked) => checked);
  return options.kind === 'hmac' ? createHmacCheck(options, policy, finish) : createEd25519Check(options, policy, finish);
}

function createHmacCheck<Result>(
  { botToken, crypto }: { botToken: string; crypto: CryptoPort },
  policy: FreshnessPolicy,
  finish: (checked: CheckedInitData) => Result,
): InitDataCheck<Result> {
  assertBotToken(botToken);
  const deriveKey = lazyKey(() => deriveWebAppSecretKey(crypto, botToken));
  let secretKey: HmacSha256Key | undefined; // once derived, used without a further await
  return async (initDataRaw, nowSeconds) => {
    const fields = parseInitData(initDataRaw);
    const hashHex = fields.get('hash');
    if (hashHex === undefined) throw new InitDataMalformedError('it has no hash');
    // Only `hash` is left out: `signature`, when present, is part of what the hash covers, and real
    // Telegram data verifies only that way.
    const dataCheckString = buildDataCheckString(fields, ['hash']);
    secretKey ??= await deriveKey();
    const expected = await secretKey.sign(dataCheckString);
    if (!timingSafeEqualHex(expected, hashHex)) throw new InitDataSignatureInvalidError();
    return finish({ fields, authDate: checkAuthDate(fields.get('auth_date'), nowSeconds, policy) });
  };
}

function createEd25519Check<Result>(
  { botId, publicKeyHex, crypto }: { botId: number; publicKeyHex: string; crypto: CryptoPort },
  policy: FreshnessPolicy,
  finish: (checked: CheckedInitData) => Result,
): InitDataCheck<Result> {
  if (!Number.isSafeInteger(botId) || botId <= 0) throw new RangeError(`botId must be a positive integer, got ${botId}`);
  const rawPublicKey = decodeHex(publicKeyHex);
  if (rawPublicKey?.length !== 32) throw new RangeError('publicKeyHex must be 32 bytes of hex');
  const importKey = lazyKey(() => crypto.importEd25519PublicKey(rawPublicKey));
  let publicKey: Ed25519PublicKey | undefined;
  // core.telegram.org/bots/webapps#validating-data-for-third-party-use: "<bot_id>:WebAppData\n" followed
  // by the sorted pairs without `hash` and `signature`.
  const prefix = `${botId}:WebAppData\n`;
  return async (initDataRaw, nowSeconds) => {
    const fields = parseInitData(initDataRaw);
    const signatureText = fields.get('signature');
    if (signatureText === undefined) throw new InitDataMalformedError('it has no signature');
    // Unpadded base64url; anything that does not decode to 64 bytes cannot be a valid signature.
    const signature = decodeBase64Url(signatureText);
    if (signature?.length !== 64) throw new InitDataSignatureInvalidError();
    const message = prefix + buildDataCheckString(fields, ['hash', 'signature']);
    publicKey ??= await importKey();
    if (!(await publicKey.verify(signature, message))) throw new InitDataSignatureInvalidError();
    return finish({ fields, authDate: checkAuthDate(fields.get('auth_date'), nowSeconds, policy) });
  };
}

import { createInitDataChecker, type CheckedInitData, type InitDataCheckOptions } from './check-init-data';
import { parseInitDataUser, type TelegramUser } from './telegram-user';

export type { TelegramUser } from './telegram-user';

/** Options of {@link createInitDataVerifier}: the same as those of the lower-level check. */
export type InitDataVerifierOptions = InitDataCheckOptions;

/** A shop customer's launch data, authenticated and fresh. */
export type VerifiedInitData = {
  user: TelegramUser;
  authDate: number;
  queryId?: string;
  startParam?: string;
  chatType?: string;
  chatInstance?: string;
};

/**
 * Builds the verifier the API uses on `Authorization: tma <initData>`: signature (HMAC with the bot
 * token, or Ed25519 with Telegram's public key), age and future skew, then a valid `user`, because every
 * shop call acts for a customer. Launch data without `user` (possible, and correctly signed, when a Mini
 * App is opened from an inline query) is refused here as malformed; createInitDataChecker accepts it.
 *
 * The secret key is derived once per verifier, on first use: create one verifier at start-up and reuse it.
 *
 * @throws RangeError/TypeError at once for bad options.
 * @returns `(initDataRaw, nowSeconds)` resolving to the verified data, or rejecting with
 *   InitDataMalformedError, InitDataSignatureInvalidError, InitDataExpiredError or InitDataFromFutureError.
 */
export function createInitDataVerifier(options: InitDataVerifierOptions): (initDataRaw: string, nowSeconds: number) => Promise<VerifiedInitData> {
  return createInitDataChecker(options, readVerifiedInitData);
}

function readVerifiedInitData({ fields, authDate }: CheckedInitData): VerifiedInitData {
  const verified: VerifiedInitData = { user: parseInitDataUser(fields.get('user')), authDate };
  // Names from core.telegram.org/bots/webapps#webappinitdata.
  const queryId = fields.get('query_id');
  if (queryId !== undefined) verified.queryId = queryId;
  const startParam = fields.get('start_param');
  if (startParam !== undefined) verified.startParam = startParam;
  const chatType = fields.get('chat_type');
  if (chatType !== undefined) verified.chatType = chatType;
  const chatInstance = fields.get('chat_instance');
  if (chatInstance !== undefined) verified.chatInstance = chatInstance;
  return verified;
}

import { InitDataExpiredError, InitDataFromFutureError, InitDataMalformedError } from './errors';

/**
 * Default tolerance for an `auth_date` ahead of our clock. `auth_date` is stamped by Telegram's servers,
 * not by the person's device, so the only honest source of "future" is drift between Telegram's clock
 * and ours; NTP keeps both within about a second. A minute absorbs a badly synced server without
 * locking customers out, and stays small next to any sensible max age, so future-dated data cannot buy
 * itself a noticeably longer life.
 */
export const DEFAULT_MAX_FUTURE_SKEW_SECONDS = 60;

/** When signed data may be used: the age bound and the future skew bound, both in seconds. */
export type FreshnessPolicy = { maxAgeSeconds: number; maxFutureSkewSeconds: number };

/**
 * Builds a {@link FreshnessPolicy}, refusing nonsense at start-up (a programming or configuration error,
 * hence RangeError rather than a domain error).
 */
export function createFreshnessPolicy(maxAgeSeconds: number, maxFutureSkewSeconds?: number): FreshnessPolicy {
  const skew = maxFutureSkewSeconds ?? DEFAULT_MAX_FUTURE_SKEW_SECONDS;
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds <= 0) {
    throw new RangeError(`maxAgeSeconds must be a positive integer, got ${maxAgeSeconds}`);
  }
  if (!Number.isSafeInteger(skew) || skew < 0) {
    throw new RangeError(`maxFutureSkewSeconds must be a non-negative integer, got ${skew}`);
  }
  return { maxAgeSeconds, maxFutureSkewSeconds: skew };
}

/**
 * Reads `auth_date` (unix seconds, decimal digits only) and checks it against `nowSeconds`: an age up
 * to and including `maxAgeSeconds` is accepted, as is a date up to `maxFutureSkewSeconds` ahead.
 *
 * @returns the auth date in unix seconds.
 * @throws InitDataMalformedError, InitDataExpiredError, InitDataFromFutureError
 */
export function checkAuthDate(authDateText: string | undefined, nowSeconds: number, policy: FreshnessPolicy): number {
  if (authDateText === undefined) throw new InitDataMalformedError('it has no auth_date');
  // Digits only: Number() would also accept " 12", "1e9", "0x1f" and "".
  const authDate = /^\d{1,15}$/.test(authDateText) ? Number(authDateText) : Number.NaN;
  if (!Number.isSafeInteger(authDate)) {
    throw new InitDataMalformedError('its auth_date is not a whole number of seconds');
  }
  if (nowSeconds - authDate > policy.maxAgeSeconds) {
    throw new InitDataExpiredError(authDate, nowSeconds, policy.maxAgeSeconds);
  }
  if (authDate - nowSeconds > policy.maxFutureSkewSeconds) {
    throw new InitDataFromFutureError(authDate, nowSeconds, policy.maxFutureSkewSeconds);
  }
  return authDate;
}

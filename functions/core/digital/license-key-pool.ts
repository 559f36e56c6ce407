import { DomainError } from '../domain-error';

/**
 * The life of one license key in its pool. A key is `available` until an order takes it, `reserved` by
 * an order awaiting payment (back to `available` when that order expires or is cancelled unpaid), `sold`
 * once the order is paid, and `revoked` when a paid order is refunded or cancelled: a key the customer has
 * seen is never sold again.
 */
export const LICENSE_KEY_STATUSES = ['available', 'reserved', 'sold', 'revoked'] as const;
export type LicenseKeyStatus = (typeof LICENSE_KEY_STATUSES)[number];

export type LicenseKeyEvent =
  /** An order is placed (or an expired order is paid in time and takes keys again). */
  | 'reserve'
  /** The order that holds the key expired or was cancelled before it was paid. */
  | 'release'
  /** The order that holds the key is paid. */
  | 'sell'
  /** The paid order is refunded or cancelled. */
  | 'revoke';

const KEY_MOVES: Readonly<Record<LicenseKeyStatus, Partial<Record<LicenseKeyEvent, LicenseKeyStatus>>>> = {
  available: { reserve: 'reserved' },
  reserved: { release: 'available', sell: 'sold', revoke: 'revoked' },
  sold: { revoke: 'revoked' },
  revoked: {},
};

/** The status a key moves to on `event`, or null when the event does not apply to a key in `status`. */
export function nextKeyStatus(status: LicenseKeyStatus, event: LicenseKeyEvent): LicenseKeyStatus | null {
  return KEY_MOVES[status][event] ?? null;
}

/** The statuses a key must be in for `event` to move it: what the repository's UPDATE selects on. */
export function keyStatusesFor(event: LicenseKeyEvent): LicenseKeyStatus[] {
  return LICENSE_KEY_STATUSES.filter((status) => nextKeyStatus(status, event) !== null);
}

/** A pool at or below this many available keys is shown to the merchant as running low. */
export const LOW_KEY_POOL_THRESHOLD = 5;

/** Longest key the shop keeps (a key is one line; Steam-style keys are 17–29 characters). */
export const MAX_LICENSE_KEY_LENGTH = 200;

/** Most keys one upload takes. */
export const MAX_KEYS_PER_UPLOAD = 5000;

/** How a pool stands, for the merchant: the counts and whether it is running low. */
export interface KeyPoolCounts {
  available: number;
  reserved: number;
  sold: number;
  revoked: number;
}

export function isKeyPoolLow(available: number, threshold = LOW_KEY_POOL_THRESHOLD): boolean {
  return available <= threshold;
}

/** A key upload the shop cannot take as it is. */
export class LicenseKeysInvalidError extends DomainError {
  constructor(message: string) {
    super('invalid', 'LICENSE_KEYS_INVALID', message);
  }
}

/**
 * The keys in a pasted text, one a line: lines trimmed, blank lines dropped, a key repeated in the same
 * paste kept once (counted in `repeated`). Refuses (LicenseKeysInvalidError) an upload with no key, with
 * more than MAX_KEYS_PER_UPLOAD, or with a line longer than MAX_LICENSE_KEY_LENGTH.
 */
export function parseLicenseKeys(text: string): { keys: string[]; repeated: number } {
  const seen = new Set<string>();
  let repeated = 0;
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    const key = line.trim();
    if (key === '') continue;
    if ([...key].length > MAX_LICENSE_KEY_LENGTH) throw new LicenseKeysInvalidError(`Line ${index + 1} is longer than ${MAX_LICENSE_KEY_LENGTH} characters.`);
    if (seen.has(key)) repeated++;
    else seen.add(key);
  }
  if (seen.size === 0) throw new LicenseKeysInvalidError('Paste at least one key, one a line.');
  if (seen.size > MAX_KEYS_PER_UPLOAD) throw new LicenseKeysInvalidError(`At most ${MAX_KEYS_PER_UPLOAD} keys at a time.`);
  return { keys: [...seen], repeated };
}

/**
 * Whether the keys an order was given match what it asked for: every key-backed line got exactly its
 * quantity. The pool is locked with the variants, so a shortfall means the stock and the pool disagree;
 * the order is refused then rather than sold without a key.
 */
export function keysCoverOrder(wanted: ReadonlyMap<string, number>, taken: ReadonlyMap<string, number>): boolean {
  for (const [variantId, quantity] of wanted) if ((taken.get(variantId) ?? 0) !== quantity) return false;
  return true;
}

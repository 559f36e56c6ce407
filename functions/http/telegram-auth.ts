import { messengerIdOf } from '../core/messenger/messenger-id';
import type { Customer, CustomerRepo, TelegramProfile } from '../core/customers/customer';
import type { TelegramUser } from '../core/init-data/telegram-user';
import type { VerifiedInitData } from '../core/init-data/verify-init-data';
import { sanitizeText } from '../core/text/storable-text';

export type InitDataVerifier = (initDataRaw: string, nowSeconds: number) => Promise<VerifiedInitData>;

/** `Authorization: tma <initDataRaw>` → the raw initData, or null when the header is another scheme. */
export function readTmaAuthorization(header: string | undefined): string | null {
  const match = /^tma\s+(.+)$/i.exec((header ?? '').trim());
  return match?.[1] ?? null;
}

/**
 * Verifies the Mini App's raw initData and returns the customer (created on first sight, profile kept
 * up to date). The user id comes only from the signed data, never from a request body.
 */
export async function customerFromInitData(
  deps: { verifyInitData: InitDataVerifier; customers: CustomerRepo; clock: () => Date },
  initDataRaw: string,
): Promise<{ customer: Customer; initData: VerifiedInitData }> {
  const nowSeconds = Math.floor(deps.clock().getTime() / 1000);
  const initData = await deps.verifyInitData(initDataRaw, nowSeconds);
  const customer = await deps.customers.upsertTelegramCustomer(telegramProfileOf(initData.user));
  return { customer, initData };
}

/**
 * The profile to store for a Telegram account whose data was verified (initData, the Login Widget).
 * Telegram signed these names, so they are the person's own: refusing them would lock the person out
 * over their name, so text the database cannot store (core/text/storable-text.ts) becomes U+FFFD.
 */
export function telegramProfileOf(user: TelegramUser): TelegramProfile {
  return {
    telegramId: messengerIdOf(user.id),
    firstName: sanitizeText(user.firstName),
    ...(user.lastName !== undefined && { lastName: sanitizeText(user.lastName) }),
    ...(user.username !== undefined && { username: sanitizeText(user.username) }),
    ...(user.languageCode !== undefined && { languageCode: sanitizeText(user.languageCode) }),
  };
}

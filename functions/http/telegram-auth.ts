import type { Customer, CustomerRepo } from '../core/customers/customer';
import type { VerifiedInitData } from '../core/init-data/verify-init-data';

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
  const { user } = initData;
  const customer = await deps.customers.upsertTelegramCustomer({
    telegramId: user.id,
    firstName: user.firstName,
    ...(user.lastName !== undefined && { lastName: user.lastName }),
    ...(user.username !== undefined && { username: user.username }),
    ...(user.languageCode !== undefined && { languageCode: user.languageCode }),
  });
  return { customer, initData };
}

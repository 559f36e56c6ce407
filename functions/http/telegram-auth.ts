import type { MiddlewareHandler } from 'hono';
import type { Customer, CustomerRepo } from '../core/customers/customer';
import type { VerifiedInitData } from '../core/init-data/verify-init-data';
import { HttpError } from './http-error';

export type InitDataVerifier = (initDataRaw: string, nowSeconds: number) => Promise<VerifiedInitData>;

export interface CustomerVariables {
  customer: Customer;
  initData: VerifiedInitData;
}

/**
 * Requires `Authorization: tma <initDataRaw>` (the Mini App's raw initData), verifies it, and puts the
 * customer (created on first sight) on the context. The user id comes only from the signed data, never
 * from a request body.
 */
export function requireTelegramCustomer(deps: {
  verifyInitData: InitDataVerifier;
  customers: CustomerRepo;
  clock: () => Date;
}): MiddlewareHandler<{ Variables: CustomerVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^tma\s+(.+)$/i.exec(header.trim());
    if (!match?.[1]) {
      throw new HttpError(
        401,
        'INIT_DATA_MISSING',
        'Open the shop from Telegram to continue: this request carries no Telegram sign-in.',
      );
    }
    const nowSeconds = Math.floor(deps.clock().getTime() / 1000);
    const initData = await deps.verifyInitData(match[1], nowSeconds);
    const { user } = initData;
    const customer = await deps.customers.upsertTelegramCustomer({
      telegramId: user.id,
      firstName: user.firstName,
      ...(user.lastName !== undefined && { lastName: user.lastName }),
      ...(user.username !== undefined && { username: user.username }),
      ...(user.languageCode !== undefined && { languageCode: user.languageCode }),
    });
    c.set('customer', customer);
    c.set('initData', initData);
    await next();
  };
}

import { DomainError } from '../domain-error';

/** The signed transfer does not pay this order: wrong recipient, too little, or another order's comment. */
export class PaymentMismatchError extends DomainError {
  constructor(code: 'PAYMENT_WRONG_DESTINATION' | 'PAYMENT_AMOUNT_TOO_LOW' | 'PAYMENT_WRONG_COMMENT', message: string) {
    super('unprocessable', code, message);
  }
}

/** The order is not awaiting payment any more (expired, cancelled); the submission was not recorded. */
export class OrderNotPayableError extends DomainError {
  constructor(status: string) {
    super(
      'conflict',
      'ORDER_NOT_PAYABLE',
      `This order is ${status} and can no longer be paid. If your wallet already sent the money, the shop sees it on the chain and will sort it out with you.`,
    );
  }
}

/** This very signed message was already submitted for a different order. */
export class PaymentAlreadySubmittedError extends DomainError {
  constructor() {
    super('conflict', 'PAYMENT_ALREADY_SUBMITTED', 'This payment was already submitted for another order.');
  }
}

/** The signed message would stay valid past the order's payment window: sign again from the order. */
export class PaymentValidTooLongError extends DomainError {
  constructor() {
    super(
      'unprocessable',
      'PAYMENT_VALID_TOO_LONG',
      'This signed transfer stays valid longer than the order allows. Start the payment again from the order, and approve it in your wallet.',
    );
  }
}

/** The shop does not take this asset (ACCEPTED_ASSETS). */
export class AssetNotAcceptedError extends DomainError {
  constructor(asset: string) {
    super('unprocessable', 'ASSET_NOT_ACCEPTED', `This shop does not take ${asset}. Pay in one of the assets the order shows.`);
  }
}

/** The order was placed before the shop took this asset: it has no amount in it to pay. */
export class AssetNotQuotedError extends DomainError {
  constructor(asset: string) {
    super('unprocessable', 'ASSET_NOT_QUOTED', `This order has no price in ${asset}. Pay it in an asset it shows, or place a new order.`);
  }
}

/** The USDT master gave no jetton wallet for the customer: the shop's USDT is misconfigured or unreachable. */
export class UsdtUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'USDT_UNAVAILABLE', 'USDT payments cannot be prepared right now. Please try again later, or pay in TON.');
  }
}

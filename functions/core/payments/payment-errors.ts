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

import { DomainError } from '../domain-error';

/** Only money that paid an order is refunded from the admin: the order was never paid. */
export class OrderNotRefundableError extends DomainError {
  constructor(status: string) {
    super('conflict', 'ORDER_NOT_REFUNDABLE', `Only a paid order can be refunded; this one is ${status}.`);
  }
}

export class RefundAmountInvalidError extends DomainError {
  constructor() {
    super('invalid', 'REFUND_AMOUNT_INVALID', 'A refund is a whole positive amount in the smallest unit of the asset that was paid.');
  }
}

/** All refunds together would give back more than was paid. */
export class RefundExceedsPaidError extends DomainError {
  constructor(readonly refundable: bigint) {
    super('conflict', 'REFUND_EXCEEDS_PAID', `At most ${refundable} more can be refunded on this order.`);
  }

  override get details() {
    return { refundable: this.refundable.toString() };
  }
}

/** A refund message is out and may still land: a second one could pay the customer twice. */
export class RefundInFlightError extends DomainError {
  constructor(readonly validUntil: number) {
    super(
      'conflict',
      'REFUND_IN_FLIGHT',
      'A refund on this order is waiting for the chain. Wait until it is confirmed, or until the message it was signed for expires, then try again.',
    );
  }

  override get details() {
    return { validUntil: this.validUntil };
  }
}

/** The wallet connected in the admin is not the shop's: its signature would move someone else's money. */
export class RefundWrongWalletError extends DomainError {
  constructor() {
    super('forbidden', 'REFUND_WRONG_WALLET', 'Connect the shop’s own wallet (MERCHANT_ADDRESS) to refund; this is a different wallet.');
  }
}

/** A BOC came back for a refund that is no longer waiting for one (already sent, confirmed or lapsed). */
export class RefundNotAwaitingSignatureError extends DomainError {
  constructor(status: string) {
    super('conflict', 'REFUND_NOT_AWAITING_SIGNATURE', `This refund is ${status}; request a new one to sign again.`);
  }
}

/** The signed message is not the refund Bazaar built: another transfer, or one that could land later. */
export class RefundMessageMismatchError extends DomainError {
  constructor(problem: string) {
    super('unprocessable', 'REFUND_MESSAGE_MISMATCH', `The signed message is not this refund (${problem}). Sign the refund as the shop asked.`);
  }
}

/** No such refund on this order. */
export class RefundNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'REFUND_NOT_FOUND', 'No such refund on this order.');
  }
}

/**
 * A USDT refund is a transfer through the merchant's own USDT jetton wallet, and that wallet is not known
 * now: the indexer is down, or no USDT master is configured on this network. Not a verdict: try again.
 */
export class RefundJettonWalletUnknownError extends DomainError {
  constructor() {
    super(
      'unavailable',
      'REFUND_JETTON_WALLET_UNKNOWN',
      'The shop’s USDT wallet could not be found on the chain just now, so a USDT refund cannot be built. Try again shortly.',
    );
  }
}

import { DomainError } from '../domain-error';

/**
 * Why an order cannot be paid in Stars. Telegram's rules put digital goods inside its apps on Stars and
 * leave physical goods to other payments, so a cart that mixes them is split, never invoiced whole.
 */
export class StarsDigitalOnlyError extends DomainError {
  constructor() {
    super(
      'unprocessable',
      'STARS_DIGITAL_ONLY',
      'Only an order of digital products can be paid in Telegram Stars. Order the physical items separately and pay for them in TON.',
    );
  }
}

/** A digital product of the order has no price in Stars: the merchant sells it for TON only. */
export class StarsPriceMissingError extends DomainError {
  constructor(readonly titles: readonly string[]) {
    super('unprocessable', 'STARS_PRICE_MISSING', `Not sold for Telegram Stars: ${titles.join(', ')}. Pay this order in TON.`);
  }
}

/** The order takes no payment now (paid, expired, cancelled…). */
export class StarsOrderNotPayableError extends DomainError {
  constructor(readonly status: string) {
    super('conflict', 'ORDER_NOT_PAYABLE', `This order cannot be paid any more (it is ${status}).`);
  }
}

/** Telegram refused to make the invoice, or could not be reached: the customer may try again. */
export class StarsInvoiceUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'STARS_INVOICE_UNAVAILABLE', 'Telegram could not make the invoice just now. Try again in a moment.');
  }
}

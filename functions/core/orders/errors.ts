import { DomainError } from '../domain-error';

/** The order asks for nothing. */
export class OrderEmptyError extends DomainError {
  constructor() {
    super('invalid', 'ORDER_EMPTY', 'The order has no items. Add something to the cart first.');
  }
}

export class TooManyItemsError extends DomainError {
  constructor(readonly maxLines: number) {
    super('invalid', 'TOO_MANY_ITEMS', `An order can hold at most ${maxLines} different products.`);
  }
}

export class QuantityInvalidError extends DomainError {
  constructor(
    readonly productId: string,
    readonly maxQuantity: number,
  ) {
    super('invalid', 'QUANTITY_INVALID', `Each product's quantity must be a whole number from 1 to ${maxQuantity}.`);
  }
}

export class ProductNotFoundError extends DomainError {
  constructor(readonly productIdOrSlug: string) {
    super('not_found', 'PRODUCT_NOT_FOUND', 'That product does not exist (it may have been removed).');
  }
}

export class ProductInactiveError extends DomainError {
  constructor(
    readonly productId: string,
    title: string,
  ) {
    super('conflict', 'PRODUCT_INACTIVE', `"${title}" is no longer sold. Remove it from the cart to continue.`);
  }
}

export class OutOfStockError extends DomainError {
  constructor(
    readonly productId: string,
    title: string,
    readonly available: number,
  ) {
    super(
      'conflict',
      'OUT_OF_STOCK',
      available === 0
        ? `"${title}" is sold out. Remove it from the cart to continue.`
        : `Only ${available} of "${title}" left. Lower the quantity to continue.`,
    );
  }
}

export class OrderNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'ORDER_NOT_FOUND', 'No such order among yours.');
  }
}

export class InvalidOrderTransitionError extends DomainError {
  constructor(
    readonly from: string,
    readonly event: string,
  ) {
    super('conflict', 'ORDER_TRANSITION_INVALID', `An order that is ${from} cannot be ${event}.`);
  }
}

/** The total does not fit an order (prices from before the price bound, core/catalog/product-limits.ts). */
export class OrderTotalTooLargeError extends DomainError {
  constructor() {
    super('unprocessable', 'ORDER_TOTAL_TOO_LARGE', 'This order is too large to pay in one transfer. Lower the quantities or split it into several orders.');
  }
}

/** The product has options (size, colour…): the order must name which variant. */
export class VariantRequiredError extends DomainError {
  constructor(readonly productId: string) {
    super('unprocessable', 'VARIANT_REQUIRED', 'Choose the options of this product (size, colour…) before ordering it.');
  }
}

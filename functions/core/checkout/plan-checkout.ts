import { DomainError } from '../domain-error';
import { resolveDelivery, type DeliveryFieldError, type DeliveryRequest, type DeliverySnapshot } from '../delivery/delivery-details';
import { deliverySettingsFor, methodsForCart, type DeliverySettings } from '../delivery/delivery-methods';
import type { PricedOrder } from '../orders/price-order';
import { applyPromoCode, PromoCodeRefusedError, type PromoCode } from '../promotions/promo-code';
import { computeOrderTotals, type OrderTotals } from './order-totals';

/** What the checkout sends besides the items. */
export interface CheckoutRequest {
  delivery?: DeliveryRequest | undefined;
  promoCode?: string | undefined;
  note?: string | undefined;
}

/** Fields of the checkout that are missing or wrong, each named (`address.postalCode`), all at once. */
export class CheckoutFieldsError extends DomainError {
  constructor(readonly fields: DeliveryFieldError[]) {
    super('unprocessable', 'CHECKOUT_FIELDS_INVALID', `Check the delivery details: ${fields.map((f) => f.field).join(', ')}.`);
  }

  /** Sent with the error, so the checkout can mark each field. */
  override get details() {
    return { fields: this.fields };
  }
}

export interface CheckoutPlan {
  totals: OrderTotals;
  delivery: DeliverySnapshot | null;
  /** The code that applied, when one was given. */
  promo: PromoCode | null;
}

/**
 * Everything the server decides about an order besides its lines, from the merchant's settings and the
 * database only: the discount a code gives (or why it does not), the delivery the cart needs and what it
 * costs, and the total. The client's word is taken for nothing but its choices.
 *
 * @param promo the code the customer typed, looked up (null: no such code), with its uses so far; absent
 *   when no code was typed
 * @throws PromoCodeRefusedError, CheckoutFieldsError
 */
export function planCheckout(input: {
  priced: PricedOrder;
  promo?: { code: PromoCode; usesTotal: number; usesByCustomer: number } | null;
  deliverySettings: DeliverySettings;
  delivery: DeliveryRequest | undefined;
  now: Date;
  /** The shop's country, for phone numbers written without a country code (courier orders). */
  defaultCountry?: string | undefined;
}): CheckoutPlan {
  const lines = input.priced.lines;
  let discountMinor = 0n;
  let promo: PromoCode | null = null;
  if (input.promo !== undefined) {
    if (input.promo === null) throw new PromoCodeRefusedError('PROMO_NOT_FOUND');
    const applied = applyPromoCode(input.promo.code, {
      lines,
      currency: input.priced.currency,
      now: input.now,
      usesTotal: input.promo.usesTotal,
      usesByCustomer: input.promo.usesByCustomer,
    });
    if (!applied.ok) throw applied.error;
    discountMinor = applied.discountMinor;
    promo = input.promo.code;
  }

  const itemsAfterDiscountMinor = input.priced.subtotalMinor - discountMinor;
  // Fees saved in another currency than the order's are not charged: no delivery is asked (delivery-methods.ts).
  const methods = methodsForCart(
    deliverySettingsFor(input.deliverySettings, input.priced.currency),
    lines.map((line) => line.kind),
  );
  let delivery: DeliverySnapshot | null = null;
  let deliveryFeeMinor = 0n;
  // A cart whose only ways are "nothing is sent" (digital goods) needs no choice from the customer.
  const request = input.delivery ?? (methods.length > 0 && methods.every((m) => m.kind === 'none') ? { methodId: methods[0]!.id } : undefined);
  if (methods.length > 0 || request !== undefined) {
    if (!request) throw new CheckoutFieldsError([{ field: 'methodId', code: 'required' }]);
    const resolved = resolveDelivery(methods, request, itemsAfterDiscountMinor, input.defaultCountry);
    if (!resolved.ok) throw new CheckoutFieldsError(resolved.errors);
    delivery = resolved.delivery;
    deliveryFeeMinor = resolved.feeMinor;
  }
  return { totals: computeOrderTotals({ lineTotalsMinor: lines.map((l) => l.lineTotalMinor), discountMinor, deliveryFeeMinor }), delivery, promo };
}

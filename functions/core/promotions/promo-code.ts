import { DomainError } from '../domain-error';
import type { PricingCurrency } from '../pricing/currencies';

/** A discount code the merchant made (admin: promo codes). Money in the shop's smallest unit. */
export interface PromoCode {
  id: string;
  /** Upper case; customers may type it in any case. */
  code: string;
  kind: 'percent' | 'fixed';
  /** `percent`: basis points, 1 to 10,000 (1500 = 15 %). `fixed`: an amount > 0. */
  value: bigint;
  minSubtotalMinor: bigint | null;
  /** What a fixed value and the minimum subtotal count: the shop's pricing currency when the code was saved. */
  currency: PricingCurrency;
  startsAt: Date | null;
  endsAt: Date | null;
  /** Uses in all (held by open orders, or by paid ones); null = unlimited. */
  maxUses: number | null;
  maxUsesPerCustomer: number | null;
  /** Only lines in these categories are discounted; null = the whole order. */
  categoryIds: string[] | null;
  active: boolean;
}

export type PromoRefusal =
  | 'PROMO_NOT_FOUND'
  | 'PROMO_INACTIVE'
  | 'PROMO_NOT_STARTED'
  | 'PROMO_EXPIRED'
  | 'PROMO_MINIMUM_NOT_MET'
  | 'PROMO_USED_UP'
  | 'PROMO_ALREADY_USED'
  | 'PROMO_NOT_FOR_THESE_ITEMS'
  | 'PROMO_CURRENCY_MISMATCH';

const MESSAGES: Record<PromoRefusal, string> = {
  PROMO_NOT_FOUND: 'There is no such promo code. Check how it is spelled.',
  PROMO_INACTIVE: 'This promo code is switched off.',
  PROMO_NOT_STARTED: 'This promo code is not valid yet.',
  PROMO_EXPIRED: 'This promo code has expired.',
  PROMO_MINIMUM_NOT_MET: 'Your order is below the minimum for this promo code.',
  PROMO_USED_UP: 'This promo code has been used up.',
  PROMO_ALREADY_USED: 'You have already used this promo code.',
  PROMO_NOT_FOR_THESE_ITEMS: 'This promo code does not apply to anything in your cart.',
  PROMO_CURRENCY_MISMATCH: 'This promo code was made for prices in another currency and no longer applies.',
};

/** The code does not apply; `code` says why (the checkout shows it in the customer's language). */
export class PromoCodeRefusedError extends DomainError {
  constructor(
    readonly reason: PromoRefusal,
    /** For PROMO_MINIMUM_NOT_MET: the minimum subtotal. */
    readonly minSubtotalMinor?: bigint,
  ) {
    super('unprocessable', reason, MESSAGES[reason]);
  }

  /** The checkout marks the code field, and shows the minimum when that is the reason. */
  override get details() {
    return {
      fields: [{ field: 'promoCode', code: this.reason }],
      ...(this.minSubtotalMinor !== undefined && { minSubtotalMinor: this.minSubtotalMinor.toString() }),
    };
  }
}

/** The code as the shop stores and compares it: trimmed, upper case. */
export function normalizePromoCode(text: string): string {
  return text.trim().toUpperCase();
}

export const BASIS_POINTS = 10_000n;

/**
 * The discount `promo` gives an order, or the reason it does not apply. A percentage is of the eligible
 * lines (the code's categories, or every line) and rounds down to the smallest unit: the shop never gives
 * a fraction away. A fixed amount is at most the eligible lines' total. Either way the discount never
 * exceeds what the eligible lines cost. `usesTotal` and `usesByCustomer` count uses held by open orders
 * and kept by paid ones, read with the code's row locked.
 *
 * A code saved in another currency than the order's (the shop changed PRICING_CURRENCY) applies only when
 * no amount of it counts that currency: a percentage without a minimum. A fixed value or a minimum would
 * be read in the wrong unit (10 TON off is not 10 cents off), so it is refused until the merchant saves
 * the code again in the shop's currency.
 */
export function applyPromoCode(
  promo: PromoCode,
  order: {
    lines: readonly { lineTotalMinor: bigint; categoryId: string | null }[];
    /** What the lines count: the order's currency. */
    currency: PricingCurrency;
    now: Date;
    usesTotal: number;
    usesByCustomer: number;
  },
): { ok: true; discountMinor: bigint } | { ok: false; error: PromoCodeRefusedError } {
  const refuse = (reason: PromoRefusal, minSubtotalMinor?: bigint) => ({ ok: false as const, error: new PromoCodeRefusedError(reason, minSubtotalMinor) });
  if (!promo.active) return refuse('PROMO_INACTIVE');
  if (promo.currency !== order.currency && (promo.kind === 'fixed' || promo.minSubtotalMinor !== null)) return refuse('PROMO_CURRENCY_MISMATCH');
  if (promo.startsAt && order.now.getTime() < promo.startsAt.getTime()) return refuse('PROMO_NOT_STARTED');
  if (promo.endsAt && order.now.getTime() >= promo.endsAt.getTime()) return refuse('PROMO_EXPIRED');
  const subtotal = order.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0n);
  if (promo.minSubtotalMinor !== null && subtotal < promo.minSubtotalMinor) return refuse('PROMO_MINIMUM_NOT_MET', promo.minSubtotalMinor);
  if (promo.maxUses !== null && order.usesTotal >= promo.maxUses) return refuse('PROMO_USED_UP');
  if (promo.maxUsesPerCustomer !== null && order.usesByCustomer >= promo.maxUsesPerCustomer) return refuse('PROMO_ALREADY_USED');
  const eligible = order.lines
    .filter((line) => promo.categoryIds === null || (line.categoryId !== null && promo.categoryIds.includes(line.categoryId)))
    .reduce((sum, line) => sum + line.lineTotalMinor, 0n);
  if (eligible === 0n) return refuse('PROMO_NOT_FOR_THESE_ITEMS');
  const discountMinor = promo.kind === 'percent' ? (eligible * promo.value) / BASIS_POINTS : promo.value < eligible ? promo.value : eligible;
  return { ok: true, discountMinor };
}

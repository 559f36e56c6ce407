import type { PromoCode } from '../../core/promotions/promo-code';
import type { promoCodes } from './schema';

export function toPromoCode(row: typeof promoCodes.$inferSelect): PromoCode {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    value: row.value,
    minSubtotalMinor: row.minSubtotalMinor,
    currency: row.currency,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    maxUses: row.maxUses,
    maxUsesPerCustomer: row.maxUsesPerCustomer,
    categoryIds: row.categoryIds,
    active: row.active,
  };
}

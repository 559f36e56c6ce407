import { describe, expect, it } from 'vitest';
import { applyPromoCode, normalizePromoCode, type PromoCode } from '../../../functions/core/promotions/promo-code';

const now = new Date('2026-12-02T12:00:00Z');
const promo = (changes: Partial<PromoCode> = {}): PromoCode => ({
  id: 'p1',
  code: 'WINTER',
  kind: 'percent',
  value: 1500n,
  minSubtotalMinor: null,
  currency: 'TON',
  startsAt: null,
  endsAt: null,
  maxUses: null,
  maxUsesPerCustomer: null,
  categoryIds: null,
  active: true,
  ...changes,
});
const lines = [
  { lineTotalMinor: 1_000_000_001n, categoryId: 'coffee' },
  { lineTotalMinor: 500_000_000n, categoryId: 'apparel' },
];
const order = (changes: Partial<Parameters<typeof applyPromoCode>[1]> = {}) => ({
  lines,
  currency: 'TON' as const,
  now,
  usesTotal: 0,
  usesByCustomer: 0,
  ...changes,
});

describe('applyPromoCode', () => {
  it.each<[string, PromoCode, bigint]>([
    ['takes a percentage of the whole order, rounding down to the smallest unit', promo(), (1_500_000_001n * 1500n) / 10_000n],
    ['takes a percentage of the chosen categories only', promo({ categoryIds: ['apparel'] }), 75_000_000n],
    ['takes a fixed amount', promo({ kind: 'fixed', value: 200_000_000n }), 200_000_000n],
    ['takes a fixed amount of at most what the eligible lines cost', promo({ kind: 'fixed', value: 900_000_000n, categoryIds: ['apparel'] }), 500_000_000n],
    ['takes all of it at 100 %', promo({ value: 10_000n }), 1_500_000_001n],
    ['applies at exactly the minimum', promo({ minSubtotalMinor: 1_500_000_001n }), 225_000_000n],
    ['applies on its first second', promo({ startsAt: now }), 225_000_000n],
    ['applies with one use left', promo({ maxUses: 3, maxUsesPerCustomer: 2 }), 225_000_000n],
  ])('%s', (_name, code, discountMinor) => {
    expect(applyPromoCode(code, order({ usesTotal: 2, usesByCustomer: 1 }))).toEqual({ ok: true, discountMinor });
  });

  it.each<[string, PromoCode, Partial<Parameters<typeof applyPromoCode>[1]>, string]>([
    ['switched off', promo({ active: false }), {}, 'PROMO_INACTIVE'],
    ['not started', promo({ startsAt: new Date(now.getTime() + 1000) }), {}, 'PROMO_NOT_STARTED'],
    ['expired (the end is exclusive)', promo({ endsAt: now }), {}, 'PROMO_EXPIRED'],
    ['below the minimum', promo({ minSubtotalMinor: 1_500_000_002n }), {}, 'PROMO_MINIMUM_NOT_MET'],
    ['used up', promo({ maxUses: 3 }), { usesTotal: 3 }, 'PROMO_USED_UP'],
    ['used by this customer already', promo({ maxUsesPerCustomer: 1 }), { usesByCustomer: 1 }, 'PROMO_ALREADY_USED'],
    ['for other categories', promo({ categoryIds: ['tea'] }), {}, 'PROMO_NOT_FOR_THESE_ITEMS'],
  ])('refuses a code that is %s', (_name, code, changes, reason) => {
    const result = applyPromoCode(code, order(changes));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(reason);
  });

  describe('in another currency than the order’s (the shop changed PRICING_CURRENCY)', () => {
    const usdOrder = order({ currency: 'USD' });

    it('applies a percentage without a minimum: no amount of it counts a currency', () => {
      expect(applyPromoCode(promo({ currency: 'TON' }), usdOrder)).toEqual({ ok: true, discountMinor: (1_500_000_001n * 1500n) / 10_000n });
    });

    it.each<[string, PromoCode]>([
      ['a fixed amount', promo({ kind: 'fixed', value: 200_000_000n, currency: 'TON' })],
      ['a percentage with a minimum subtotal', promo({ minSubtotalMinor: 1n, currency: 'TON' })],
    ])('refuses %s, whose figures would be read in the wrong unit', (_name, code) => {
      const result = applyPromoCode(code, usdOrder);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatchObject({
        code: 'PROMO_CURRENCY_MISMATCH',
        kind: 'unprocessable',
        details: { fields: [{ field: 'promoCode', code: 'PROMO_CURRENCY_MISMATCH' }] },
      });
    });

    it('applies a fixed amount saved in the order’s own currency', () => {
      expect(applyPromoCode(promo({ kind: 'fixed', value: 250n, currency: 'USD' }), usdOrder)).toEqual({ ok: true, discountMinor: 250n });
    });
  });

  it('compares codes as typed in any case with spaces around', () => {
    expect(normalizePromoCode('  winter ')).toBe('WINTER');
  });
});

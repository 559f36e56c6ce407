import { describe, expect, it } from 'vitest';
import { planCheckout } from '../../../functions/core/checkout/plan-checkout';
import { DEMO_DELIVERY } from '../../../functions/core/catalog/demo-delivery';
import { NO_DELIVERY_SETTINGS } from '../../../functions/core/delivery/delivery-methods';
import type { PricedLine, PricedOrder } from '../../../functions/core/orders/price-order';
import type { PromoCode } from '../../../functions/core/promotions/promo-code';

const now = new Date('2026-12-02T12:00:00Z');
const line = (lineTotalMinor: bigint, kind: PricedLine['kind'] = 'physical', categoryId: string | null = 'coffee'): PricedLine => ({
  productId: 'p',
  variantId: `v${lineTotalMinor}`,
  slug: 's',
  title: 't',
  variantLabel: '',
  sku: null,
  kind,
  categoryId,
  unitPriceMinor: lineTotalMinor,
  quantity: 1,
  lineTotalMinor,
});
const priced = (...lines: PricedLine[]): PricedOrder => ({ lines, subtotalMinor: lines.reduce((s, l) => s + l.lineTotalMinor, 0n), currency: 'TON' });
const code: PromoCode = {
  id: 'c',
  code: 'TEN',
  kind: 'percent',
  value: 1000n,
  minSubtotalMinor: null,
  currency: 'TON',
  startsAt: null,
  endsAt: null,
  maxUses: null,
  maxUsesPerCustomer: null,
  categoryIds: null,
  active: true,
};
const shipToIran = {
  methodId: 'post',
  address: { recipientName: 'Sara', phone: '09121234567', country: 'IR', city: 'Tehran', line1: 'Valiasr 12', postalCode: '1234567890' },
};

describe('planCheckout', () => {
  it('asks nothing of a shop without delivery methods: total = items', () => {
    expect(planCheckout({ priced: priced(line(5n)), deliverySettings: NO_DELIVERY_SETTINGS, delivery: undefined, now })).toEqual({
      totals: { subtotalMinor: 5n, discountMinor: 0n, deliveryFeeMinor: 0n, totalMinor: 5n },
      delivery: null,
      promo: null,
    });
  });

  it('requires a method for physical goods when the shop has some', () => {
    expect(() => planCheckout({ priced: priced(line(5n)), deliverySettings: DEMO_DELIVERY, delivery: undefined, now })).toThrowError(
      expect.objectContaining({ code: 'CHECKOUT_FIELDS_INVALID', fields: [{ field: 'methodId', code: 'required' }] }),
    );
  });

  it('prices items − discount + delivery, the free-shipping threshold read after the discount', () => {
    // 30 TON of items ships free in Iran; 10 % off takes it to 27 TON, which pays the 1 TON fee.
    const plan = planCheckout({
      priced: priced(line(30_000_000_000n)),
      promo: { code, usesTotal: 0, usesByCustomer: 0 },
      deliverySettings: DEMO_DELIVERY,
      delivery: shipToIran,
      now,
    });
    expect(plan.totals).toEqual({
      subtotalMinor: 30_000_000_000n,
      discountMinor: 3_000_000_000n,
      deliveryFeeMinor: 1_000_000_000n,
      totalMinor: 28_000_000_000n,
    });
    expect(plan.delivery).toMatchObject({ kind: 'shipping', zoneName: 'Iran', address: { phone: '+989121234567' } });
    expect(plan.promo?.code).toBe('TEN');
  });

  it('needs no choice for a cart of digital goods: "sent in the chat" is the only way', () => {
    const plan = planCheckout({ priced: priced(line(10n, 'digital')), deliverySettings: DEMO_DELIVERY, delivery: undefined, now });
    expect(plan.delivery).toMatchObject({ kind: 'none', methodId: 'in-chat' });
  });

  it('refuses a physical cart the method for digital goods', () => {
    expect(() => planCheckout({ priced: priced(line(10n)), deliverySettings: DEMO_DELIVERY, delivery: { methodId: 'in-chat' }, now })).toThrowError(
      expect.objectContaining({ fields: [{ field: 'methodId', code: 'unknown_choice' }] }),
    );
  });

  it('refuses a code that is not there, or does not apply, with its reason', () => {
    expect(() => planCheckout({ priced: priced(line(5n)), promo: null, deliverySettings: NO_DELIVERY_SETTINGS, delivery: undefined, now })).toThrowError(
      expect.objectContaining({ code: 'PROMO_NOT_FOUND' }),
    );
    expect(() =>
      planCheckout({
        priced: priced(line(5n)),
        promo: { code: { ...code, maxUses: 1 }, usesTotal: 1, usesByCustomer: 0 },
        deliverySettings: NO_DELIVERY_SETTINGS,
        delivery: undefined,
        now,
      }),
    ).toThrowError(expect.objectContaining({ code: 'PROMO_USED_UP', details: { fields: [{ field: 'promoCode', code: 'PROMO_USED_UP' }] } }));
  });

  it('uses the shop’s country for a courier phone written without a country code', () => {
    const plan = planCheckout({
      priced: priced(line(5n)),
      deliverySettings: DEMO_DELIVERY,
      delivery: { methodId: 'courier', areaId: 'north-tehran', address: { phone: '0912 123 4567', line1: 'Farmanieh 3' } },
      now,
      defaultCountry: 'IR',
    });
    expect(plan.totals.deliveryFeeMinor).toBe(600_000_000n);
    expect(plan.delivery?.address?.phone).toBe('+989121234567');
  });

  describe('when the delivery fees were saved in another currency than the order’s', () => {
    const inUsd = (...lines: PricedLine[]): PricedOrder => ({ ...priced(...lines), currency: 'USD' });

    it('asks for no delivery and charges no fee, as if none were set up', () => {
      const plan = planCheckout({ priced: inUsd(line(1250n)), deliverySettings: DEMO_DELIVERY, delivery: undefined, now });
      expect(DEMO_DELIVERY.currency).toBe('TON');
      expect(plan).toEqual({ totals: { subtotalMinor: 1250n, discountMinor: 0n, deliveryFeeMinor: 0n, totalMinor: 1250n }, delivery: null, promo: null });
    });

    it('refuses a method chosen from them', () => {
      expect(() => planCheckout({ priced: inUsd(line(1250n)), deliverySettings: DEMO_DELIVERY, delivery: shipToIran, now })).toThrowError(
        expect.objectContaining({ code: 'CHECKOUT_FIELDS_INVALID' }),
      );
    });

    it('uses them again once they are saved in the order’s currency', () => {
      const plan = planCheckout({ priced: inUsd(line(1250n)), deliverySettings: { ...DEMO_DELIVERY, currency: 'USD' }, delivery: shipToIran, now });
      expect(plan.totals.deliveryFeeMinor).toBe(1_000_000_000n);
    });

    it('refuses a fixed promo code saved in another currency with its own code', () => {
      expect(() =>
        planCheckout({
          priced: inUsd(line(1250n)),
          promo: { code: { ...code, kind: 'fixed', value: 100n }, usesTotal: 0, usesByCustomer: 0 },
          deliverySettings: NO_DELIVERY_SETTINGS,
          delivery: undefined,
          now,
        }),
      ).toThrowError(expect.objectContaining({ code: 'PROMO_CURRENCY_MISMATCH' }));
    });
  });
});

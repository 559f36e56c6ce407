import { describe, expect, it } from 'vitest';
import { resolveDelivery, toLatinDigits } from '../../../functions/core/delivery/delivery-details';
import {
  deliverySettingsFor,
  deliverySettingsSchema,
  deliverySettingsToJson,
  methodsForCart,
  readDeliverySettings,
} from '../../../functions/core/delivery/delivery-methods';

const settings = deliverySettingsSchema.parse({
  methods: [
    {
      id: 'post',
      kind: 'shipping',
      name: 'Post',
      zones: [
        {
          id: 'tehran',
          name: 'Tehran province',
          countries: ['IR'],
          regions: ['Tehran'],
          feeMinor: '500000000',
          freeAboveMinor: '20000000000',
          estimate: '1–2 days',
        },
        { id: 'eu', name: 'EU', countries: ['de', 'FR'], feeMinor: '3000000000', estimate: '5–8 days' },
      ],
    },
    { id: 'courier', kind: 'courier', name: 'Courier', areas: [{ id: 'north', name: 'North Tehran', feeMinor: '300000000' }] },
    { id: 'shop', kind: 'pickup', name: 'Pick up', points: [{ id: 'bazaar', name: 'Grand Bazaar stall 12', address: 'Grand Bazaar, Tehran', hours: '9–18' }] },
    { id: 'digital', kind: 'none', name: 'Sent in the chat' },
    { id: 'old', kind: 'none', name: 'Retired', active: false },
  ],
});

const fullAddress = {
  recipientName: 'Sara Ahmadi',
  phone: '۰۹۱۲۱۲۳۴۵۶۷',
  country: 'ir',
  region: 'tehran',
  city: 'Tehran',
  line1: 'Valiasr St 12',
  postalCode: '۱۲۳۴۵۶۷۸۹۰',
};

describe('resolveDelivery', () => {
  it('prices shipping by the zone the address falls in, and stores the phone in E.164 and the digits in Latin', () => {
    const result = resolveDelivery(settings.methods, { methodId: 'post', address: fullAddress }, 5_000_000_000n);
    expect(result).toEqual({
      ok: true,
      feeMinor: 500_000_000n,
      delivery: {
        methodId: 'post',
        kind: 'shipping',
        methodName: 'Post',
        zoneName: 'Tehran province',
        estimate: '1–2 days',
        address: {
          recipientName: 'Sara Ahmadi',
          phone: '+989121234567',
          country: 'IR',
          region: 'tehran',
          city: 'Tehran',
          line1: 'Valiasr St 12',
          line2: '',
          postalCode: '1234567890',
        },
      },
    });
  });

  it('ships free at or above the zone’s threshold (the items after the discount)', () => {
    const result = resolveDelivery(settings.methods, { methodId: 'post', address: fullAddress }, 20_000_000_000n);
    expect(result.ok && result.feeMinor).toBe(0n);
  });

  it('names every missing field at once', () => {
    const result = resolveDelivery(settings.methods, { methodId: 'post', address: { country: 'DE' } }, 1n);
    expect(result).toEqual({
      ok: false,
      errors: ['recipientName', 'phone', 'city', 'line1', 'postalCode'].map((f) => ({ field: `address.${f}`, code: 'required' })),
    });
  });

  it('refuses a country no zone covers, and a region outside the regional zone', () => {
    expect(resolveDelivery(settings.methods, { methodId: 'post', address: { ...fullAddress, country: 'US' } }, 1n)).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ field: 'address.country', code: 'not_delivered_here' }]),
    });
    expect(resolveDelivery(settings.methods, { methodId: 'post', address: { ...fullAddress, region: 'Isfahan' } }, 1n)).toMatchObject({
      ok: false,
      errors: [{ field: 'address.region', code: 'not_delivered_here' }],
    });
  });

  it('refuses a phone that is not one, and fields that are too long', () => {
    const result = resolveDelivery(settings.methods, { methodId: 'post', address: { ...fullAddress, phone: '123', line1: 'x'.repeat(201) } }, 1n);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'address.line1', code: 'too_long' },
        { field: 'address.phone', code: 'phone_invalid' },
      ],
    });
  });

  it('asks a courier order for its area, a street line and a phone only', () => {
    expect(resolveDelivery(settings.methods, { methodId: 'courier' }, 1n)).toEqual({
      ok: false,
      errors: [
        { field: 'areaId', code: 'required' },
        { field: 'address.phone', code: 'required' },
        { field: 'address.line1', code: 'required' },
      ],
    });
    const ok = resolveDelivery(settings.methods, { methodId: 'courier', areaId: 'north', address: { phone: '+98 912 123 4567', line1: 'Farmanieh 3' } }, 1n);
    expect(ok).toMatchObject({
      ok: true,
      feeMinor: 300_000_000n,
      delivery: { kind: 'courier', zoneName: 'North Tehran', address: { phone: '+989121234567', city: 'North Tehran' } },
    });
  });

  it('asks a pickup order for the point only, free', () => {
    expect(resolveDelivery(settings.methods, { methodId: 'shop', pickupPointId: 'bazaar' }, 1n)).toMatchObject({
      ok: true,
      feeMinor: 0n,
      delivery: { kind: 'pickup', pickupPoint: { name: 'Grand Bazaar stall 12', hours: '9–18' } },
    });
    expect(resolveDelivery(settings.methods, { methodId: 'shop', pickupPointId: 'nowhere' }, 1n)).toEqual({
      ok: false,
      errors: [{ field: 'pickupPointId', code: 'unknown_choice' }],
    });
  });

  it('asks nothing when nothing is sent, and refuses a method the shop does not have', () => {
    expect(resolveDelivery(settings.methods, { methodId: 'digital' }, 1n)).toMatchObject({ ok: true, feeMinor: 0n });
    expect(resolveDelivery(settings.methods, { methodId: 'teleport' }, 1n)).toEqual({ ok: false, errors: [{ field: 'methodId', code: 'unknown_choice' }] });
  });
});

describe('methodsForCart', () => {
  it('offers physical methods to a cart with something physical, and only "none" to a digital one, never inactive ones', () => {
    expect(methodsForCart(settings, ['physical', 'digital']).map((m) => m.id)).toEqual(['post', 'courier', 'shop']);
    expect(methodsForCart(settings, ['digital']).map((m) => m.id)).toEqual(['digital']);
  });
});

describe('toLatinDigits', () => {
  it('reads Persian and Arabic-Indic digits', () => {
    expect(toLatinDigits('۱۲۳-٤٥٦ 789')).toBe('123-456 789');
  });
});

describe('the delivery settings’ currency', () => {
  it('reads settings saved before fees had a currency as TON, and keeps a currency saved with them', () => {
    const stored = deliverySettingsToJson(settings);
    const { currency: _none, ...withoutCurrency } = stored;
    expect(readDeliverySettings(withoutCurrency).currency).toBe('TON');
    expect(readDeliverySettings({ ...stored, currency: 'EUR' })).toEqual({ ...settings, currency: 'EUR' });
  });

  it('gives a checkout in the settings’ currency every method, and one in another none', () => {
    expect(deliverySettingsFor(settings, 'TON')).toBe(settings);
    expect(deliverySettingsFor(settings, 'USD')).toEqual({ currency: 'USD', methods: [] });
  });
});

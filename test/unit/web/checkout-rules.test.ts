import { describe, expect, it } from 'vitest';
import {
  addressFieldsFor,
  checkoutBody,
  emptyAddress,
  emptyCheckoutForm,
  fieldErrorsOf,
  lowestFeeMinor,
  methodsForCart,
  missingFields,
  orderItems,
  quoteBody,
  readyToQuote,
  shippingCountries,
  shippingRegions,
  type CheckoutForm,
  type DeliveryMethod,
} from '../../../src/domain/checkout';

const post: DeliveryMethod = {
  id: 'post',
  name: 'Post',
  kind: 'shipping',
  zones: [
    { id: 'ir', name: 'Iran', countries: ['IR'], regions: [], feeMinor: '1000000000', freeAboveMinor: null, estimate: '' },
    { id: 'ru-msk', name: 'Moscow', countries: ['RU'], regions: ['Moscow'], feeMinor: '2000000000', freeAboveMinor: null, estimate: '' },
    { id: 'eu', name: 'EU', countries: ['DE', 'IR'], regions: [], feeMinor: '3000000000', freeAboveMinor: null, estimate: '' },
  ],
};
const courier: DeliveryMethod = {
  id: 'courier',
  name: 'Courier',
  kind: 'courier',
  estimate: '',
  areas: [{ id: 'north', name: 'North', feeMinor: '600000000' }],
};
const pickup: DeliveryMethod = {
  id: 'pickup',
  name: 'Pickup',
  kind: 'pickup',
  points: [{ id: 'stall', name: 'Stall', address: 'Bazaar', hours: '', mapUrl: null }],
};
const none: DeliveryMethod = { id: 'chat', name: 'In the chat', kind: 'none' };
const methods = [post, courier, pickup, none];

const form = (overrides: Partial<CheckoutForm> = {}): CheckoutForm => ({ ...emptyCheckoutForm(), ...overrides });
const tehran = { ...emptyAddress(), recipientName: 'Sara', phone: '۰۹۱۲۱۲۳۴۵۶۷', country: 'IR', city: 'Tehran', line1: 'Valiasr 1', postalCode: '1965843511' };

describe('the fields a method asks for', () => {
  it.each([
    ['shipping', ['recipientName', 'phone', 'country', 'region', 'city', 'line1', 'line2', 'postalCode']],
    ['courier', ['phone', 'line1', 'line2']],
    ['pickup', []],
    ['none', []],
  ] as const)('%s: %j', (kind, fields) => {
    expect(addressFieldsFor(kind)).toEqual(fields);
  });
});

describe('missingFields and readyToQuote', () => {
  it.each([
    ['no method chosen', form(), { methodId: 'required' }],
    ['pickup without a point', form({ methodId: 'pickup' }), { pickupPointId: 'required' }],
    ['pickup with its point', form({ methodId: 'pickup', pickupPointId: 'stall' }), {}],
    ['courier with nothing', form({ methodId: 'courier' }), { areaId: 'required', 'address.phone': 'required', 'address.line1': 'required' }],
    [
      'shipping with blanks only',
      form({ methodId: 'post', address: { ...tehran, city: '  ', recipientName: '' } }),
      { 'address.city': 'required', 'address.recipientName': 'required' },
    ],
    ['shipping filled in', form({ methodId: 'post', address: tehran }), {}],
    ['nothing to deliver', form({ methodId: 'chat' }), {}],
  ])('%s', (_name, value, missing) => {
    expect(missingFields(value, methods)).toEqual(missing);
    expect(readyToQuote(value, methods)).toBe(Object.keys(missing).length === 0);
  });

  it('asks for nothing when the shop has no delivery methods at all', () => {
    expect(readyToQuote(form(), [])).toBe(true);
  });
});

describe('the body sent', () => {
  it('carries only what the chosen method uses, trimmed, and no prices', () => {
    const chosen = form({ methodId: 'pickup', pickupPointId: 'stall', areaId: 'north', address: tehran, note: ' Ring twice ', promoCode: 'WELCOME10' });
    expect(checkoutBody(chosen, methods)).toEqual({ delivery: { methodId: 'pickup', pickupPointId: 'stall' }, promoCode: 'WELCOME10', note: 'Ring twice' });
  });

  it('sends a courier the area, phone and street, and a shipping address without its empty lines', () => {
    expect(checkoutBody(form({ methodId: 'courier', areaId: 'north', address: tehran, saveAddress: true }), methods)).toEqual({
      delivery: { methodId: 'courier', areaId: 'north', address: { phone: '۰۹۱۲۱۲۳۴۵۶۷', line1: 'Valiasr 1' } },
    });
    expect(checkoutBody(form({ methodId: 'post', address: tehran }), methods)).toEqual({
      delivery: {
        methodId: 'post',
        address: { recipientName: 'Sara', phone: '۰۹۱۲۱۲۳۴۵۶۷', country: 'IR', city: 'Tehran', line1: 'Valiasr 1', postalCode: '1965843511' },
      },
      saveAddress: true,
    });
  });

  it('asks for a quote without the note or the saved-address wish, which change no price', () => {
    expect(quoteBody(form({ methodId: 'chat', note: 'gift', promoCode: 'X' }), methods)).toEqual({ delivery: { methodId: 'chat' }, promoCode: 'X' });
  });

  it('names each line by its variant, or by its product for a line saved before variants', () => {
    expect(
      orderItems([
        { productId: 'p', variantId: 'v', quantity: 2 },
        { productId: 'q', variantId: '', quantity: 1 },
      ]),
    ).toEqual([
      { variantId: 'v', quantity: 2 },
      { productId: 'q', quantity: 1 },
    ]);
  });
});

describe('what the form offers', () => {
  it('offers physical carts a way to get there, and digital-only carts only "nothing to deliver"', () => {
    expect(methodsForCart(methods, ['physical', 'digital']).map((m) => m.id)).toEqual(['post', 'courier', 'pickup']);
    expect(methodsForCart(methods, ['digital']).map((m) => m.id)).toEqual(['chat']);
    expect(methodsForCart([{ ...pickup, active: false }], ['physical'])).toEqual([]);
  });

  it('lists each shipping country once and the regions its zones name', () => {
    expect(shippingCountries(post)).toEqual(['IR', 'RU', 'DE']);
    expect(shippingRegions(post, 'RU')).toEqual(['Moscow']);
    expect(shippingRegions(post, 'IR')).toEqual([]);
  });

  it('labels a method with its lowest fee', () => {
    expect(lowestFeeMinor(post)).toBe('1000000000');
    expect(lowestFeeMinor(courier)).toBe('600000000');
    expect(lowestFeeMinor(pickup)).toBe('0');
  });
});

describe('fieldErrorsOf', () => {
  it('reads the fields of a 422 and ignores anything else', () => {
    const body = { error: { code: 'CHECKOUT_FIELDS_INVALID', fields: [{ field: 'address.phone', code: 'phone_invalid' }, { field: 3 }, null] } };
    expect(fieldErrorsOf(body)).toEqual([{ field: 'address.phone', code: 'phone_invalid' }]);
    expect(fieldErrorsOf({ error: { code: 'OUT_OF_STOCK' } })).toEqual([]);
    expect(fieldErrorsOf(undefined)).toEqual([]);
  });
});

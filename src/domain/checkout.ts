// The checkout's wire shapes (docs/api.md: GET /api/delivery-methods, GET /api/me/checkout-details,
// POST /api/orders/quote and POST /api/orders) and the pure rules the form follows: which fields a delivery
// method asks for, when there is enough to ask the server for a quote, and the body sent. The server
// validates and prices everything again; nothing here is trusted by it.
import type { CartItem } from './cart-lines';
import type { AssetQuote } from './types';
import type { MoneyCurrency } from '../../contract/format-money';

import type {
  AddressField,
  DeliveryAddressJson as DeliveryAddress,
  DeliveryKind,
  DeliverySnapshotJson as DeliverySnapshot,
  PickupPointJson as PickupPoint,
} from '../../contract/order-json';

// The order's delivery shapes are the contract's (contract/order-json.ts), shared with the server.
export { ADDRESS_FIELDS } from '../../contract/order-json';
export type { AddressField, DeliveryAddress, DeliveryKind, DeliverySnapshot, PickupPoint };

export interface ShippingZone {
  id: string;
  name: string;
  countries: string[];
  regions: string[];
  feeMinor: string;
  freeAboveMinor: string | null;
  estimate: string;
}

export interface CourierArea {
  id: string;
  name: string;
  feeMinor: string;
}

export type DeliveryMethod = { id: string; name: string; active?: boolean } & (
  | { kind: 'shipping'; zones: ShippingZone[] }
  | { kind: 'courier'; areas: CourierArea[]; estimate: string }
  | { kind: 'pickup'; points: PickupPoint[] }
  | { kind: 'none' }
);

export interface CheckoutDetails {
  /** E.164, from the contact the customer shared with the bot; null until they do. */
  phone: string | null;
  addresses: DeliveryAddress[];
}

/** What the server says the order would cost now (POST /api/orders/quote). */
export interface Quote {
  /** What the amounts count: the shop's pricing currency (absent from an older server: TON). */
  currency?: MoneyCurrency;
  subtotalMinor: string;
  discountMinor: string;
  deliveryFeeMinor: string;
  totalMinor: string;
  delivery: DeliverySnapshot | null;
  promoCode: string | null;
  /** What it would cost now in each asset the shop accepts (absent from an older server). */
  quotes?: AssetQuote[];
}

/** The customer's choices on the form, as typed. */
export interface CheckoutForm {
  methodId: string | null;
  areaId: string;
  pickupPointId: string;
  address: DeliveryAddress;
  saveAddress: boolean;
  note: string;
  /** The code the customer applied (not what is being typed). */
  promoCode: string;
}

export const emptyAddress = (): DeliveryAddress => ({ recipientName: '', phone: '', country: '', region: '', city: '', line1: '', line2: '', postalCode: '' });

/** The form before the customer chose anything: no method, an empty address, the address to be saved. */
export const emptyCheckoutForm = (): CheckoutForm => ({
  methodId: null,
  areaId: '',
  pickupPointId: '',
  address: emptyAddress(),
  saveAddress: true,
  note: '',
  promoCode: '',
});

/** The address fields a method asks for, in the form's order; courier: the area is picked apart. */
export function addressFieldsFor(kind: DeliveryKind): AddressField[] {
  if (kind === 'shipping') return ['recipientName', 'phone', 'country', 'region', 'city', 'line1', 'line2', 'postalCode'];
  if (kind === 'courier') return ['phone', 'line1', 'line2'];
  return [];
}

/** Fields without which the server refuses the method for sure (it checks more: zones, postal codes). */
const REQUIRED: Record<DeliveryKind, AddressField[]> = {
  shipping: ['recipientName', 'phone', 'country', 'city', 'line1'],
  courier: ['phone', 'line1'],
  pickup: [],
  none: [],
};

/** The choices and fields still missing, each as the server would name it (`address.city: required`). */
export function missingFields(form: CheckoutForm, methods: readonly DeliveryMethod[]): Record<string, string> {
  if (methods.length === 0) return {};
  const method = methods.find((m) => m.id === form.methodId);
  if (!method) return { methodId: 'required' };
  const missing: Record<string, string> = {};
  if (method.kind === 'pickup' && !form.pickupPointId) missing.pickupPointId = 'required';
  if (method.kind === 'courier' && !form.areaId) missing.areaId = 'required';
  for (const field of REQUIRED[method.kind]) if (!form.address[field].trim()) missing[`address.${field}`] = 'required';
  return missing;
}

/**
 * Whether a quote can be asked for: the method's choices made and its required fields filled. Asking
 * earlier would only bring back "fill this in" for fields the customer has not reached yet.
 */
export function readyToQuote(form: CheckoutForm, methods: readonly DeliveryMethod[]): boolean {
  return Object.keys(missingFields(form, methods)).length === 0;
}

/** The methods a cart may use, as the server decides them: physical goods need a way to get there. */
export function methodsForCart(methods: readonly DeliveryMethod[], kinds: readonly string[]): DeliveryMethod[] {
  const physical = kinds.some((kind) => kind !== 'digital');
  return methods.filter((m) => m.active !== false && (physical ? m.kind !== 'none' : m.kind === 'none'));
}

/** The order's lines as sent: ids and counts only, the server prices every line from its own catalog. */
export const orderItems = (items: readonly CartItem[]) =>
  items.map(({ productId, variantId, quantity }) => (variantId ? { variantId, quantity } : { productId, quantity }));

/** The request body's checkout part: only what the chosen method uses. */
export function checkoutBody(form: CheckoutForm, methods: readonly DeliveryMethod[]) {
  const method = methods.find((m) => m.id === form.methodId);
  const fields = method ? addressFieldsFor(method.kind) : [];
  const address = Object.fromEntries(fields.map((field) => [field, form.address[field].trim()]).filter(([, value]) => value !== ''));
  return {
    ...(method && {
      delivery: {
        methodId: method.id,
        ...(method.kind === 'courier' && { areaId: form.areaId }),
        ...(method.kind === 'pickup' && { pickupPointId: form.pickupPointId }),
        ...(fields.length > 0 && { address }),
      },
    }),
    ...(form.promoCode && { promoCode: form.promoCode }),
    ...(form.note.trim() && { note: form.note.trim() }),
    ...(method?.kind === 'shipping' && form.saveAddress && { saveAddress: true }),
  };
}

/** What a quote is asked with: what prices the order (the note and keeping the address do not). */
export function quoteBody(form: CheckoutForm, methods: readonly DeliveryMethod[]) {
  return checkoutBody({ ...form, note: '', saveAddress: false }, methods);
}

/** A field's problem as the server names it: `{ field: 'address.phone', code: 'phone_invalid' }`. */
export interface FieldError {
  field: string;
  code: string;
}

/** The per-field problems in a 422's body (`error.fields`), or none. */
export function fieldErrorsOf(body: unknown): FieldError[] {
  const fields = (body as { error?: { fields?: unknown } } | undefined)?.error?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldError => typeof f?.field === 'string' && typeof f?.code === 'string');
}

/** The lowest fee a method may cost, for its choice's label (the quote says what it costs). */
export function lowestFeeMinor(method: DeliveryMethod): string {
  const fees = method.kind === 'shipping' ? method.zones.map((z) => z.feeMinor) : method.kind === 'courier' ? method.areas.map((a) => a.feeMinor) : ['0'];
  return fees.reduce((low, fee) => (BigInt(fee) < BigInt(low) ? fee : low), fees[0] ?? '0');
}

/** The countries a shipping method reaches, each once, in the merchant's order. */
export function shippingCountries(method: DeliveryMethod): string[] {
  return method.kind === 'shipping' ? [...new Set(method.zones.flatMap((z) => z.countries))] : [];
}

/** The regions a country's zones name (empty: the whole country is served). */
export function shippingRegions(method: DeliveryMethod, country: string): string[] {
  if (method.kind !== 'shipping') return [];
  return [...new Set(method.zones.filter((z) => z.countries.includes(country)).flatMap((z) => z.regions))];
}

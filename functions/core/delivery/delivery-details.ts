import { normalizePhoneNumber } from '../checkout/phone-number';
import { findShippingZone, type DeliveryMethod, type PickupPoint } from './delivery-methods';

/** What the customer filled in at checkout; every field as typed, none trusted. */
export interface DeliveryRequest {
  methodId: string;
  /** Courier: the city or district picked from the merchant's list. */
  areaId?: string | undefined;
  /** Pickup: the point picked. */
  pickupPointId?: string | undefined;
  address?: Partial<Record<AddressField, string | undefined>> | undefined;
}

export const ADDRESS_FIELDS = ['recipientName', 'phone', 'country', 'region', 'city', 'line1', 'line2', 'postalCode'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** A delivery address as it is kept on the order (and offered again next time). Phone in E.164. */
export interface DeliveryAddress {
  recipientName: string;
  phone: string;
  country: string;
  region: string;
  city: string;
  line1: string;
  line2: string;
  postalCode: string;
}

/** What the order keeps of its delivery: a snapshot, so a later edit of the methods changes nothing. */
export interface DeliverySnapshot {
  methodId: string;
  kind: DeliveryMethod['kind'];
  methodName: string;
  /** Shipping: the zone the address fell in. Courier: the area picked. */
  zoneName?: string;
  estimate?: string;
  pickupPoint?: PickupPoint;
  /** Shipping: the full address. Courier: name (if given), phone, area as city, and the street line. */
  address?: DeliveryAddress;
}

/** One field's problem: `field` is `methodId`, `areaId`, `pickupPointId` or `address.<name>`. */
export interface DeliveryFieldError {
  field: string;
  code: 'required' | 'too_long' | 'invalid' | 'phone_invalid' | 'not_delivered_here' | 'unknown_choice';
}

const LIMITS: Record<AddressField, number> = { recipientName: 100, phone: 40, country: 2, region: 100, city: 100, line1: 200, line2: 200, postalCode: 12 };

// Countries without postal codes, where asking for one would block the customer.
// (Not exhaustive: a merchant shipping there may add to it.)
const NO_POSTAL_CODE = new Set(['AE', 'QA', 'HK', 'MO', 'BS', 'BZ', 'FJ', 'GH', 'JM', 'PA', 'TZ', 'UG', 'ZW', 'YE', 'SY']);

const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
/** ۱۲۳ and ١٢٣ as 123: what postal codes and house numbers are compared and stored in. */
export function toLatinDigits(text: string): string {
  return text.replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * Checks what the chosen method needs and nothing else (shipping: a full address and phone; courier:
 * an area from the list, a street line and a phone; pickup: a point; none: nothing), and prices it from
 * the merchant's settings, never from the client: shipping by the zone the address falls in, free at
 * or above the zone's threshold (compared with the items' cost after the discount); courier by the area.
 * Every field's problem is reported at once.
 */
export function resolveDelivery(
  methods: readonly DeliveryMethod[],
  request: DeliveryRequest,
  itemsAfterDiscountMinor: bigint,
  /** The shop's country: a courier order's phone written without a country code is read as from there. */
  defaultCountry?: string,
): { ok: true; delivery: DeliverySnapshot; feeMinor: bigint } | { ok: false; errors: DeliveryFieldError[] } {
  const method = methods.find((m) => m.id === request.methodId);
  if (!method) return { ok: false, errors: [{ field: 'methodId', code: 'unknown_choice' }] };
  const base = { methodId: method.id, kind: method.kind, methodName: method.name };

  switch (method.kind) {
    case 'none':
      return { ok: true, delivery: base, feeMinor: 0n };

    case 'pickup': {
      const point = method.points.find((p) => p.id === request.pickupPointId);
      if (!point) return { ok: false, errors: [{ field: 'pickupPointId', code: request.pickupPointId ? 'unknown_choice' : 'required' }] };
      return { ok: true, delivery: { ...base, pickupPoint: point }, feeMinor: 0n };
    }

    case 'courier': {
      const errors: DeliveryFieldError[] = [];
      const area = method.areas.find((a) => a.id === request.areaId);
      if (!area) errors.push({ field: 'areaId', code: request.areaId ? 'unknown_choice' : 'required' });
      const fields = readAddress(request.address, { required: ['phone', 'line1'], country: defaultCountry ?? null }, errors);
      if (errors.length > 0 || !area) return { ok: false, errors };
      return {
        ok: true,
        delivery: { ...base, zoneName: area.name, estimate: method.estimate, address: { ...fields, city: area.name } },
        feeMinor: area.feeMinor,
      };
    }

    case 'shipping': {
      const errors: DeliveryFieldError[] = [];
      const country = toLatinDigits(request.address?.country ?? '')
        .trim()
        .toUpperCase();
      const required: AddressField[] = ['recipientName', 'phone', 'country', 'city', 'line1'];
      if (!NO_POSTAL_CODE.has(country)) required.push('postalCode');
      const fields = readAddress(request.address, { required, country }, errors);
      if (fields.country && !/^[A-Z]{2}$/.test(fields.country)) errors.push({ field: 'address.country', code: 'invalid' });
      if (fields.postalCode && !/^[A-Z0-9][A-Z0-9 -]{0,10}[A-Z0-9]?$/i.test(fields.postalCode)) errors.push({ field: 'address.postalCode', code: 'invalid' });
      const zone = fields.country ? findShippingZone(method.zones, fields.country, fields.region || null) : null;
      if (fields.country && /^[A-Z]{2}$/.test(fields.country) && !zone) {
        // Zones that name regions need one of them; otherwise the country itself is not served.
        const regional = method.zones.some((z) => z.countries.includes(fields.country) && z.regions.length > 0);
        errors.push({ field: regional ? 'address.region' : 'address.country', code: 'not_delivered_here' });
      }
      if (errors.length > 0 || !zone) return { ok: false, errors };
      const free = zone.freeAboveMinor !== null && itemsAfterDiscountMinor >= zone.freeAboveMinor;
      return { ok: true, delivery: { ...base, zoneName: zone.name, estimate: zone.estimate, address: fields }, feeMinor: free ? 0n : zone.feeMinor };
    }
  }
}

function readAddress(
  input: DeliveryRequest['address'],
  rules: { required: readonly AddressField[]; country: string | null },
  errors: DeliveryFieldError[],
): DeliveryAddress {
  const out = {} as DeliveryAddress;
  for (const field of ADDRESS_FIELDS) {
    const raw = input?.[field];
    let value = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
    if (field === 'postalCode' || field === 'country') value = toLatinDigits(value).toUpperCase();
    if (value === '') {
      if (rules.required.includes(field)) errors.push({ field: `address.${field}`, code: 'required' });
    } else if (field !== 'phone' && [...value].length > LIMITS[field]) {
      errors.push({ field: `address.${field}`, code: field === 'country' ? 'invalid' : 'too_long' });
    }
    out[field] = value;
  }
  if (out.phone) {
    const phone = normalizePhoneNumber(out.phone, rules.country ?? undefined);
    if (phone.ok) out.phone = phone.e164;
    else errors.push({ field: 'address.phone', code: 'phone_invalid' });
  }
  return out;
}

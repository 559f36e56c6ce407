import { z } from 'zod';
import { PRICING_CURRENCIES, type PricingCurrency } from '../pricing/currencies';

// How a shop gets goods to people, as the merchant sets it up in the admin (one settings document,
// `delivery`). Money in the smallest unit of the document's `currency`, as decimal strings on the wire
// and bigints here.

const money = z
  .string()
  .regex(/^\d{1,16}$/, 'must be a whole amount written in digits')
  .transform((v) => BigInt(v));
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use 1–40 lowercase letters, digits and hyphens');
const label = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as IR, RU, IN or DE'));

export const shippingZoneSchema = z.object({
  id,
  name: label,
  countries: z.array(countryCode).min(1, 'name at least one country').max(60),
  /** Empty: the whole of each country. Else only these regions (provinces, states), compared case-insensitively. */
  regions: z.array(label).max(200).default([]),
  feeMinor: money,
  /** Orders whose items (after the discount) cost at least this ship free; null: never free. */
  freeAboveMinor: money.nullable().default(null),
  /** What the customer is told, e.g. "3–5 days". */
  estimate: z.string().trim().max(60).default(''),
});

export const courierAreaSchema = z.object({ id, name: label, feeMinor: money });

export const pickupPointSchema = z.object({
  id,
  name: label,
  address: z.string().trim().min(1).max(300),
  hours: z.string().trim().max(200).default(''),
  mapUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/\S+$/, 'must be an https:// link')
    .nullable()
    .default(null),
});

const base = { id, name: label, active: z.boolean().default(true) };

export const deliveryMethodSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('shipping'), zones: z.array(shippingZoneSchema).min(1).max(50) }),
  z.object({ ...base, kind: z.literal('courier'), areas: z.array(courierAreaSchema).min(1).max(200), estimate: z.string().trim().max(60).default('') }),
  z.object({ ...base, kind: z.literal('pickup'), points: z.array(pickupPointSchema).min(1).max(50) }),
  /** Services and digital goods: nothing is sent, nothing is asked. */
  z.object({ ...base, kind: z.literal('none') }),
]);

const methodList = z.array(deliveryMethodSchema).max(20);

function refuseRepeatedIds(settings: { methods: readonly { id: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  settings.methods.forEach((method, index) => {
    if (seen.has(method.id)) ctx.addIssue({ code: 'custom', path: ['methods', index, 'id'], message: 'another method has this id' });
    seen.add(method.id);
  });
}

/**
 * The stored document. `currency` is what its fees count: the shop's pricing currency when the merchant
 * saved it; a document saved before fees had a currency has none and was in TON.
 */
export const deliverySettingsSchema = z.object({ currency: z.enum(PRICING_CURRENCIES).default('TON'), methods: methodList }).superRefine(refuseRepeatedIds);

/** What the admin saves: the methods; the server stamps the shop's currency (a `currency` given must be it). */
export const deliverySettingsBodySchema = z.object({ currency: z.enum(PRICING_CURRENCIES).optional(), methods: methodList }).superRefine(refuseRepeatedIds);

export type DeliveryMethod = z.output<typeof deliveryMethodSchema>;
export type DeliveryKind = DeliveryMethod['kind'];
export type ShippingZone = z.output<typeof shippingZoneSchema>;
export type CourierArea = z.output<typeof courierAreaSchema>;
export type PickupPoint = z.output<typeof pickupPointSchema>;
export type DeliverySettings = z.output<typeof deliverySettingsSchema>;

/** What the cart holds, as far as delivery is concerned. */
export type CartKind = 'physical' | 'digital';

/**
 * The methods a cart may use: something physical needs a way to get there (shipping, courier, pickup);
 * a cart of digital goods only needs none. Inactive methods are never offered.
 */
export function methodsForCart(settings: DeliverySettings, kinds: readonly CartKind[]): DeliveryMethod[] {
  const physical = kinds.includes('physical');
  return settings.methods.filter((method) => method.active && (physical ? method.kind !== 'none' : method.kind === 'none'));
}

/** The shipping zone that covers a country (and region), or null: the first that matches wins. */
export function findShippingZone(zones: readonly ShippingZone[], country: string, region: string | null): ShippingZone | null {
  const c = country.trim().toUpperCase();
  const r = region?.trim().toLowerCase() ?? '';
  return zones.find((zone) => zone.countries.includes(c) && (zone.regions.length === 0 || zone.regions.some((z) => z.toLowerCase() === r))) ?? null;
}

/** The shop_settings key the delivery methods are stored under. */
export const DELIVERY_SETTINGS_KEY = 'delivery';

/** A shop that has set up no delivery: nothing is asked at checkout, as before delivery methods existed. */
export const NO_DELIVERY_SETTINGS: DeliverySettings = { currency: 'TON', methods: [] };

/**
 * The settings a checkout in `currency` uses: the merchant's, or none when their fees count another
 * currency (the shop changed PRICING_CURRENCY and the fees were not saved again). Then the checkout asks
 * for no delivery, as before any was set up, rather than charge 5 TON's digits as 5 cents.
 */
export function deliverySettingsFor(settings: DeliverySettings, currency: PricingCurrency): DeliverySettings {
  return settings.currency === currency ? settings : { currency, methods: [] };
}

/**
 * The stored settings document read defensively: one written by an older version, or broken by hand,
 * reads as no delivery methods rather than breaking every checkout (the admin shows it for repair).
 */
export function readDeliverySettings(stored: unknown): DeliverySettings {
  const parsed = deliverySettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : NO_DELIVERY_SETTINGS;
}

/** The settings as JSON (money as decimal strings): what is stored and what the admin and checkout read. */
export function deliverySettingsToJson(settings: DeliverySettings) {
  return {
    currency: settings.currency,
    methods: settings.methods.map((method) => {
      switch (method.kind) {
        case 'shipping':
          return {
            ...method,
            zones: method.zones.map((zone) => ({ ...zone, feeMinor: zone.feeMinor.toString(), freeAboveMinor: zone.freeAboveMinor?.toString() ?? null })),
          };
        case 'courier':
          return { ...method, areas: method.areas.map((area) => ({ ...area, feeMinor: area.feeMinor.toString() })) };
        default:
          return method;
      }
    }),
  };
}

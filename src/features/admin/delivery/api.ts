// The delivery screen's calls to the admin API (docs/api.md, "Delivery"): the only place their URLs are written.
import { useResource } from '../../../platform/use-resource';
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import type { DeliveryKind } from '../common/admin-types';
import type { MoneyCurrency } from '../../../domain/format-money';

export interface ShippingZone {
  id: string;
  name: string;
  countries: string[];
  regions?: string[];
  feeMinor: string;
  freeAboveMinor?: string | null;
  estimate?: string;
}

export interface DeliveryMethod {
  id: string;
  name: string;
  active?: boolean;
  kind: DeliveryKind;
  zones?: ShippingZone[];
  areas?: { id: string; name: string; feeMinor: string }[];
  estimate?: string;
  points?: { id: string; name: string; address: string; hours?: string; mapUrl?: string | null }[];
}

/**
 * GET and PUT /api/admin/delivery's answer, cached as is under adminKeys.delivery (the orders screen reads
 * the method names from the same entry). `delivery.currency` is what the saved fees count; `pricingCurrency`
 * the shop's. Both are absent from an older server: TON.
 */
export interface DeliveryAnswer {
  delivery: { currency?: MoneyCurrency; methods: DeliveryMethod[] };
  pricingCurrency?: MoneyCurrency;
}

export function useDeliveryMethods() {
  const api = useAdminApi();
  return useResource<DeliveryAnswer>(adminKeys.delivery, () => api.get<DeliveryAnswer>('/api/admin/delivery'));
}

/** Saves the whole list; the server stamps the fees with the shop's pricing currency. */
export async function saveDeliveryMethods(api: AdminApi, methods: DeliveryMethod[]): Promise<DeliveryAnswer> {
  return api.send<DeliveryAnswer>('PUT', '/api/admin/delivery', { methods });
}

/** A 400 VALIDATION_FAILED names its fields as `methods.0.zones.1.feeMinor: …; …`: field path → message. */
export function fieldErrorsFromMessage(message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const part of message.split('; ')) {
    const match = /^((?:methods\.)?[\w.]+): (.+)$/.exec(part);
    if (match?.[1] && match[2]) errors[match[1].replace(/^(?!methods\.)/, 'methods.')] = match[2];
  }
  return errors;
}

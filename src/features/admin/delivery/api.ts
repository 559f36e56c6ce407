// The delivery screen's calls to the admin API (docs/api.md, "Delivery"): the only place their URLs are written.
import { useResource } from '../../../platform/use-resource';
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import type { DeliveryKind } from '../common/admin-types';

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

export function useDeliveryMethods() {
  const api = useAdminApi();
  return useResource<DeliveryMethod[]>(
    adminKeys.delivery,
    async () => (await api.get<{ delivery: { methods: DeliveryMethod[] } }>('/api/admin/delivery')).delivery.methods,
  );
}

export async function saveDeliveryMethods(api: AdminApi, methods: DeliveryMethod[]) {
  return (await api.send<{ delivery: { methods: DeliveryMethod[] } }>('PUT', '/api/admin/delivery', { methods })).delivery.methods;
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

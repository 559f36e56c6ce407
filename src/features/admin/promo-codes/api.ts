// The promo codes screen's calls to the admin API (docs/api.md, "Promo codes"): the only place their URLs are written.
import { useResource } from '../../../platform/use-resource';
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import type { MoneyCurrency } from '../../../domain/format-money';

export interface PromoCode {
  id: string;
  code: string;
  kind: 'percent' | 'fixed';
  /** What a fixed value and the minimum subtotal count (absent from an older server: TON). */
  currency?: MoneyCurrency;
  /** percent: basis points (1500 is 15 %); fixed: minor units of `currency`. */
  value: string;
  minSubtotalMinor: string | null;
  startsAt: string | null;
  endsAt: string | null;
  maxUses: number | null;
  maxUsesPerCustomer: number | null;
  categoryIds: string[] | null;
  active: boolean;
  usesHeld: number;
  usesUsed: number;
}

export type PromoCodeInput = Omit<PromoCode, 'id' | 'usesHeld' | 'usesUsed' | 'currency'>;

export function usePromoCodes() {
  const api = useAdminApi();
  return useResource<PromoCode[]>(adminKeys.promoCodes, async () => (await api.get<{ promoCodes: PromoCode[] }>('/api/admin/promo-codes')).promoCodes, {
    staleMs: 0,
  });
}

/** The shop's categories, for a code that applies to some of them only. */
export function usePromoCategories() {
  const api = useAdminApi();
  return useResource<{ id: string; title: string }[]>(
    adminKeys.categories,
    async () => (await api.get<{ categories: { id: string; title: string }[] }>('/api/admin/categories')).categories,
    { staleMs: 60_000 },
  );
}

export async function savePromoCode(api: AdminApi, id: string | null, input: Partial<PromoCodeInput>) {
  const answer = id
    ? await api.send<{ promoCode: PromoCode }>('PATCH', `/api/admin/promo-codes/${encodeURIComponent(id)}`, input)
    : await api.send<{ promoCode: PromoCode }>('POST', '/api/admin/promo-codes', input);
  return answer.promoCode;
}

/** Deletes a code, or only switches it off when orders used it (the server decides). */
export async function deletePromoCode(api: AdminApi, id: string) {
  return (await api.send<{ outcome: 'deleted' | 'deactivated' }>('DELETE', `/api/admin/promo-codes/${encodeURIComponent(id)}`)).outcome;
}

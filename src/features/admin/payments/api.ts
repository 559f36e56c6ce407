// The payments screens' calls to the admin API: the only place their URLs are written.
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useResource } from '../../../platform/use-resource';
import type { AttentionPayment } from '../common/admin-types';

export function useAttentionPayments() {
  const api = useAdminApi();
  return useResource<AttentionPayment[]>(
    adminKeys.payments,
    async () => (await api.get<{ payments: AttentionPayment[] }>('/api/admin/payments?status=attention')).payments,
    { staleMs: 0 },
  );
}

export const resolvePayment = (api: AdminApi, id: string, note: string) =>
  api.send('POST', `/api/admin/payments/${encodeURIComponent(id)}/resolve`, note ? { note } : {});

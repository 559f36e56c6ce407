// The sales screens' calls to the admin API: the only place their URLs are written.
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useResource } from '../../../platform/use-resource';
import type { SalesOverview } from '../common/admin-types';

export function useSales(days: number) {
  const api = useAdminApi();
  return useResource<SalesOverview>(adminKeys.sales(days), () => api.get(`/api/admin/sales?days=${days}`), { staleMs: 30_000 });
}

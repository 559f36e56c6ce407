// The orders screens' calls to the admin API: the only place their URLs are written.
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useResource } from '../../../platform/use-resource';
import type { AdminOrder, OrdersPage } from '../common/admin-types';

export function useAdminOrders(status: string, q: string) {
  const api = useAdminApi();
  const query = new URLSearchParams({ limit: '30' });
  if (status) query.set('status', status);
  if (q) query.set('q', q);
  return useResource<OrdersPage>(adminKeys.orders(status, q), () => api.get(`/api/admin/orders?${query}`), { staleMs: 0 });
}

export function useAdminOrder(id: string) {
  const api = useAdminApi();
  return useResource<AdminOrder>(adminKeys.order(id), async () => (await api.get<{ order: AdminOrder }>(`/api/admin/orders/${encodeURIComponent(id)}`)).order, {
    staleMs: 5_000,
  });
}

export function fetchOrdersPage(api: AdminApi, status: string, q: string, before: string) {
  const query = new URLSearchParams({ limit: '30', before });
  if (status) query.set('status', status);
  if (q) query.set('q', q);
  return api.get<OrdersPage>(`/api/admin/orders?${query}`);
}

export async function runOrderAction(api: AdminApi, id: string, action: string) {
  return (await api.send<{ order: AdminOrder }>('POST', `/api/admin/orders/${encodeURIComponent(id)}/actions`, { action })).order;
}

// The merchant's data, read through the shared resource cache under `admin:` keys (ResourceCache
// invalidates by prefix, so `invalidate('admin')` refreshes every admin screen).
import { usePlatform } from '../../platform/services';
import { useResource } from '../../platform/use-resource';
import { useAdminApi } from './admin-api';
import type { AdminOrder, AttentionPayment, OrdersPage, ProductsAndCategories, SalesOverview, ShopSettings } from './admin-types';

export const adminKeys = {
  session: 'admin:session',
  orders: (status: string, q: string) => `admin:orders:${status}:${q}`,
  order: (id: string) => `admin:order:${id}`,
  products: 'admin:products',
  settings: 'admin:settings',
  payments: 'admin:payments',
  sales: (days: number) => `admin:sales:${days}`,
} as const;

export interface AdminSession {
  admin: { telegramId: number; firstName: string };
}

/** The admin area's own check: 200 for admins, 403 for everyone else (without initData it isn't asked). */
export function useAdminSession() {
  const api = useAdminApi();
  const signedIn = usePlatform().initDataRaw !== '';
  return useResource<AdminSession>(signedIn ? adminKeys.session : null, () => api.get('/api/admin/session'), {
    staleMs: 5 * 60_000,
  });
}

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

export function useAdminProducts() {
  const api = useAdminApi();
  return useResource<ProductsAndCategories>(adminKeys.products, () => api.get('/api/admin/products'), { staleMs: 10_000 });
}

export function useShopSettings() {
  const api = useAdminApi();
  return useResource<ShopSettings>(adminKeys.settings, async () => (await api.get<{ settings: ShopSettings }>('/api/admin/settings')).settings);
}

export function useAttentionPayments() {
  const api = useAdminApi();
  return useResource<AttentionPayment[]>(
    adminKeys.payments,
    async () => (await api.get<{ payments: AttentionPayment[] }>('/api/admin/payments?status=attention')).payments,
    { staleMs: 0 },
  );
}

export function useSales(days: number) {
  const api = useAdminApi();
  return useResource<SalesOverview>(adminKeys.sales(days), () => api.get(`/api/admin/sales?days=${days}`), { staleMs: 30_000 });
}

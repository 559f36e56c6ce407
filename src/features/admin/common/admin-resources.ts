// The merchant's data, read through the shared resource cache under `admin:` keys (ResourceCache
// invalidates by prefix, so `invalidate('admin')` refreshes every admin screen).
import { usePlatform } from '../../../platform/services';
import { useResource } from '../../../platform/use-resource';
import { useAdminApi, type AdminApi } from './admin-api';

export const adminKeys = {
  session: 'admin:session',
  me: 'me',
  orders: (status: string, q: string) => `admin:orders:${status}:${q}`,
  order: (id: string) => `admin:order:${id}`,
  orderRefunds: (id: string) => `admin:order-refunds:${id}`,
  products: 'admin:products',
  settings: 'admin:settings',
  payments: 'admin:payments',
  sales: (days: number) => `admin:sales:${days}`,
  promoCodes: 'admin:promo-codes',
  categories: 'admin:categories',
  delivery: 'admin:delivery',
  digital: (productId: string) => `admin:digital:${productId}`,
} as const;

export interface AdminSession {
  admin: { telegramId: string; firstName: string };
}

/** The admin area's own check: 200 for admins, 403 for everyone else (without initData it isn't asked). */
export function useAdminSession() {
  const api = useAdminApi();
  const signedIn = usePlatform().initDataRaw !== '';
  return useResource<AdminSession>(signedIn ? adminKeys.session : null, () => api.get('/api/admin/session'), {
    staleMs: 5 * 60_000,
  });
}

/** Whether the signed-in person is an admin (`/api/me`); shares the customer screens' `me` cache key. */
export function fetchMe(api: AdminApi) {
  return api.get<{ isAdmin?: boolean }>('/api/me');
}

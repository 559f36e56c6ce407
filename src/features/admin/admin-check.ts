import { usePlatform } from '../../platform/services';
import { useResource } from '../../platform/use-resource';
import { useAdminApi } from './admin-api';

/**
 * Whether the signed-in person is one of the shop's admins, from `GET /api/me` (`isAdmin`): a 200 for
 * everyone, where /api/admin/session would answer each customer a 403 that browsers log as an error.
 * Only decides whether to offer the way in; the admin API checks ADMIN_IDS on every call.
 */
export function useIsAdmin(): boolean {
  const api = useAdminApi();
  const signedIn = usePlatform().initDataRaw !== '';
  const me = useResource<{ isAdmin?: boolean }>(signedIn ? 'me' : null, () => api.get('/api/me'), { staleMs: 5 * 60_000 });
  return me.data?.isAdmin === true;
}

import { adminKeys, fetchMe } from './admin-resources';
import { isWebMode } from '../../../platform/platform';
import { usePlatform } from '../../../platform/services';
import { useResource } from '../../../platform/use-resource';
import { useSignedIn } from '../../../platform/web-session';
import { useAdminApi } from './admin-api';

/**
 * Whether the signed-in person is one of the shop's admins, from `GET /api/me` (`isAdmin`): a 200 for
 * everyone, where /api/admin/session would answer each customer a 403 that browsers log as an error.
 * Only decides whether to offer the way in; the admin API checks ADMIN_IDS on every call.
 * Asks with Telegram's initData, or on the website once the signed-in flag is on (web-session.ts): an
 * anonymous visitor is not asked, so the browser logs no 401.
 */
export function useIsAdmin(): boolean {
  const api = useAdminApi();
  const platform = usePlatform();
  const webSignedIn = useSignedIn();
  const signedIn = platform.initDataRaw !== '' || (isWebMode(platform) && webSignedIn);
  const me = useResource<{ isAdmin?: boolean }>(signedIn ? adminKeys.me : null, () => fetchMe(api), { staleMs: 5 * 60_000 });
  return me.data?.isAdmin === true;
}

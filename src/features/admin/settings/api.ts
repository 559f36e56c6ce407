// The settings screens' calls to the admin API: the only place their URLs are written.
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useResource } from '../../../platform/use-resource';
import type { ShopSettings } from '../common/admin-types';

export function useShopSettings() {
  const api = useAdminApi();
  return useResource<ShopSettings>(adminKeys.settings, async () => (await api.get<{ settings: ShopSettings }>('/api/admin/settings')).settings);
}

export async function saveShopSettings(api: AdminApi, body: unknown) {
  return (await api.send<{ settings: ShopSettings }>('PUT', '/api/admin/settings', body)).settings;
}

import type { Catalog } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

export function useCatalog() {
  const api = useApi();
  return useResource<Catalog>(resourceKeys.catalog, () => api.getCatalog(), { staleMs: 60_000 });
}

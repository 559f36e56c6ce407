import type { Catalog } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

/** The catalog the cart joins its references with (same cache entry the catalog screen uses). */
export function useCartCatalog() {
  const api = useApi();
  return useResource<Catalog>(resourceKeys.catalog, () => api.getCatalog(), { staleMs: 60_000 });
}

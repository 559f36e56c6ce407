import type { Catalog, Product } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi, useResourceCache } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

export function useCatalog() {
  const api = useApi();
  return useResource<Catalog>(resourceKeys.catalog, () => api.getCatalog(), { staleMs: 60_000 });
}

/** One product; seeded from the loaded catalog so opening a card shows it at once. */
export function useProduct(slug: string) {
  const api = useApi();
  const cache = useResourceCache();
  return useResource<Product>(resourceKeys.product(slug), () => api.getProduct(slug), {
    initialData: () => cache.get<Catalog>(resourceKeys.catalog).data?.products.find((p) => p.slug === slug),
  });
}

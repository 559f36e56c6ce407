// The product screen's data; apart from api.ts (the catalog, on the first screen) so it loads with
// that screen's chunk rather than in the initial bundle.
import type { Catalog, Product } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi, useResourceCache } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

/** One product; seeded from the loaded catalog so opening a card shows it at once. */
export function useProduct(slug: string) {
  const api = useApi();
  const cache = useResourceCache();
  return useResource<Product>(resourceKeys.product(slug), () => api.getProduct(slug), {
    initialData: () => cache.get<Catalog>(resourceKeys.catalog).data?.products.find((p) => p.slug === slug),
  });
}

import type { ResourceCache } from '../../platform/resource-cache';
import { resourceKeys } from '../../platform/resource-keys';

/** The cache keys that belong to whoever is signed in; dropped whenever that changes. */
export const ME_KEY = 'me';

export function forgetPersonalData(cache: ResourceCache): void {
  cache.forget(ME_KEY);
  cache.forget(resourceKeys.orders);
  cache.forget('order');
}

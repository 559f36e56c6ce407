import type { Order } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

const LIVE_STATUSES = new Set(['pending', 'confirming']);

/** The order being checked out, refreshed every 10 s while its status can still change on its own. */
export function useCheckoutOrder(orderId: string) {
  const api = useApi();
  return useResource<Order>(resourceKeys.order(orderId), () => api.getOrder(orderId), {
    staleMs: 5_000,
    pollMs: 10_000,
    shouldPoll: (order) => order !== undefined && LIVE_STATUSES.has(order.status),
  });
}

import type { Order } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

export function useOrders() {
  const api = useApi();
  return useResource<Order[]>(resourceKeys.orders, () => api.listOrders(), { staleMs: 0 });
}

export function useOrder(orderId: string) {
  const api = useApi();
  return useResource<Order>(resourceKeys.order(orderId), () => api.getOrder(orderId), { staleMs: 5_000 });
}

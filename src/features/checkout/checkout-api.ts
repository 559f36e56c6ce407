// The checkout form's calls, through the API client's one HTTP layer (`call`): they ship with the form's
// lazy chunk, not with the first screen's API client.
import type { CartItem } from '../../domain/cart-lines';
import { orderItems, type CheckoutDetails, type DeliveryMethod, type Quote, type checkoutBody } from '../../domain/checkout';
import type { Catalog, Order } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

export type CheckoutBody = ReturnType<typeof checkoutBody>;

export function useDeliveryMethods() {
  const api = useApi();
  return useResource<{ methods: DeliveryMethod[] }>('delivery-methods', () => api.call('/api/delivery-methods'), { staleMs: 60_000 });
}

export function useCheckoutDetails() {
  const api = useApi();
  return useResource<CheckoutDetails>('checkout-details', () => api.call('/api/me/checkout-details', { auth: true }), { staleMs: 0 });
}

/** The catalog the form reads the products' kinds from (the cart screen's entry). */
export function useCheckoutCatalog() {
  const api = useApi();
  return useResource<Catalog>(resourceKeys.catalog, () => api.getCatalog(), { staleMs: 60_000 });
}

export function useCheckoutCalls() {
  const api = useApi();
  return {
    quote: (items: readonly CartItem[], body: CheckoutBody) =>
      api.call<Quote>('/api/orders/quote', { method: 'POST', body: { items: orderItems(items), ...body }, auth: true }),
    placeOrder: (items: readonly CartItem[], body: CheckoutBody) =>
      api.call<Order>('/api/orders', { method: 'POST', body: { items: orderItems(items), ...body }, auth: true }),
    readDetails: () => api.call<CheckoutDetails>('/api/me/checkout-details', { auth: true }),
  };
}

// The orders screens' calls to the admin API: the only place their URLs are written.
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useResource } from '../../../platform/use-resource';
import type { AdminOrder, AdminRefund, OrderRefunds, OrdersPage } from '../common/admin-types';
import type { WalletTransaction } from '../../../domain/merchant-wallet';

/** The list's filters: a status, a search, a delivery method's kind or id (each '' for any). */
export interface OrderFilters {
  status: string;
  q: string;
  delivery: string;
}

function ordersQuery({ status, q, delivery }: OrderFilters, before?: string) {
  const query = new URLSearchParams({ limit: '30' });
  if (before) query.set('before', before);
  if (status) query.set('status', status);
  if (q) query.set('q', q);
  if (delivery) query.set('delivery', delivery);
  return `/api/admin/orders?${query}`;
}

export function useAdminOrders(filters: OrderFilters) {
  const api = useAdminApi();
  return useResource<OrdersPage>(adminKeys.orders(filters.status, `${filters.q}:${filters.delivery}`), () => api.get(ordersQuery(filters)), { staleMs: 0 });
}

/** The shop's delivery methods by id and name, for the list's filter (the delivery screen edits them). */
export function useDeliveryMethodNames(): { id: string; kind: string; name: string }[] | undefined {
  const api = useAdminApi();
  // The delivery screen caches the whole answer under the same key (delivery/api.ts): so does this.
  const answer = useResource<{ delivery: { methods: { id: string; kind: string; name: string }[] } }>(
    adminKeys.delivery,
    () => api.get('/api/admin/delivery'),
    { staleMs: 60_000 },
  );
  return answer.data?.delivery.methods;
}

export function useAdminOrder(id: string) {
  const api = useAdminApi();
  return useResource<AdminOrder>(adminKeys.order(id), async () => (await api.get<{ order: AdminOrder }>(`/api/admin/orders/${encodeURIComponent(id)}`)).order, {
    staleMs: 5_000,
  });
}

export function fetchOrdersPage(api: AdminApi, filters: OrderFilters, before: string) {
  return api.get<OrdersPage>(ordersQuery(filters, before));
}

export async function runOrderAction(api: AdminApi, id: string, action: string) {
  return (await api.send<{ order: AdminOrder }>('POST', `/api/admin/orders/${encodeURIComponent(id)}/actions`, { action })).order;
}

/** Gives the order's Telegram Stars back (POST …/stars-refund); answers the order, now refunded. */
export async function refundStarsOrder(api: AdminApi, id: string) {
  return (await api.send<{ order: AdminOrder }>('POST', `/api/admin/orders/${encodeURIComponent(id)}/stars-refund`)).order;
}

/** An order's refunds from the merchant's wallet; polled while one waits for the chain. */
export function useOrderRefunds(id: string, enabled: boolean) {
  const api = useAdminApi();
  return useResource<OrderRefunds>(enabled ? adminKeys.orderRefunds(id) : null, () => api.get(`/api/admin/orders/${encodeURIComponent(id)}/refunds`), {
    staleMs: 0,
    pollMs: 3_000,
    shouldPoll: (data) => data?.refunds.some((r) => r.status === 'requested' || r.status === 'sent') ?? false,
  });
}

/** Asks the shop for a refund (POST …/refunds): the stored refund and the transaction the wallet is to sign. */
export function requestRefund(api: AdminApi, orderId: string, amountNano: string, wallet: string) {
  return api.send<{ refund: AdminRefund; transaction: WalletTransaction }>('POST', `/api/admin/orders/${encodeURIComponent(orderId)}/refunds`, {
    amount: amountNano,
    wallet,
  });
}

/** Hands the shop what the wallet signed (POST …/refunds/:refundId/boc): the refund, now sent. */
export async function submitRefundBoc(api: AdminApi, orderId: string, refundId: string, boc: string) {
  return (
    await api.send<{ refund: AdminRefund }>('POST', `/api/admin/orders/${encodeURIComponent(orderId)}/refunds/${encodeURIComponent(refundId)}/boc`, { boc })
  ).refund;
}

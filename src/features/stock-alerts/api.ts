import type { ApiClient } from '../../platform/api-client';
import { useApi } from '../../platform/services';
import { useResource } from '../../platform/use-resource';

/** A "Notify me" the customer set (GET /api/stock-alerts). */
export interface StockAlert {
  variantId: string;
  productId: string;
  createdAt: string;
}

export const STOCK_ALERTS_KEY = 'stock-alerts';

/**
 * The signed-in customer's alerts; nothing is asked for while `signedIn` is false (on the web a call
 * that needs a session would send the person to sign in just for looking at a product).
 */
export function useStockAlerts(signedIn: boolean) {
  const api = useApi();
  return useResource<StockAlert[]>(
    signedIn ? STOCK_ALERTS_KEY : null,
    async () => (await api.call<{ alerts: StockAlert[] }>('/api/stock-alerts', { auth: true })).alerts,
    { staleMs: 60_000 },
  );
}

/** Sets "Notify me" on a sold-out variant (the web sends a visitor who is not signed in to sign in first). */
export async function subscribeToStock(api: ApiClient, variantId: string): Promise<StockAlert> {
  return (await api.call<{ alert: StockAlert }>(`/api/stock-alerts/${encodeURIComponent(variantId)}`, { method: 'PUT', auth: true })).alert;
}

export async function unsubscribeFromStock(api: ApiClient, variantId: string): Promise<void> {
  await api.call(`/api/stock-alerts/${encodeURIComponent(variantId)}`, { method: 'DELETE', auth: true });
}

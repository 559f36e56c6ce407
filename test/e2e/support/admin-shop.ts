// Helpers for the admin E2E: a paid order made through the shop's own API and its local dev chain
// (the wallet signs a real V5R1 transfer carrying the order's comment; the shop reads it off the chain),
// and the admin API read back from the test to check what the screens did.
import { devChain, mintDevUsdt } from './dev-chain';

export interface PlacedOrder {
  id: string;
  code: string;
  status: string;
  totalMinor: string;
  payment: { address: string; amountNano: string; payload: string; validUntil: number } | null;
  /** What the order costs in each accepted asset, locked at checkout (USDT in micro-USDT). */
  quotes: { asset: string; amount: string }[];
}

/** A paid order and the customer's dev wallet that paid it (with its USDT jetton wallet when it paid in USDT). */
export interface OrderPaidByDevWallet extends PlacedOrder {
  payer: { id: string; address: string; jettonWallet: string | null };
}

interface DevTransfer {
  messages: { address: string; amount: string; payload?: string; stateInit?: string }[];
  validUntil: number;
}

/** A JSON call to the shop's API as the Mini App makes it (`Authorization: tma …`); a non-2xx answer throws with its body. */
export async function call<T>(baseUrl: string, path: string, init: { initData: string; method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method: init.method ?? 'GET',
    headers: { Authorization: `tma ${init.initData}`, ...(init.body !== undefined && { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Places an order as the customer and pays it from a fresh dev wallet, the way TON Connect would: the
 * wallet sends the transfer, the app hands the BOC to the shop, the shop finds it on the chain. In TON the
 * wallet pays the order's payment intent; in USDT it is first given the order's USDT quote by the faucet,
 * then sends the jetton transfer the shop's payment request asks for (POST /api/orders/:id/payment-request).
 * Resolves once the shop says the order is paid.
 */
export async function placePaidOrder(
  baseUrl: string,
  initData: string,
  items: { productId: string; quantity: number }[],
  /** The rest of the order body (docs/api.md): delivery, note, promoCode. */
  extra: Record<string, unknown> = {},
  asset: 'TON' | 'USDT' = 'TON',
): Promise<OrderPaidByDevWallet> {
  const order = await call<PlacedOrder>(baseUrl, '/api/orders', { initData, method: 'POST', body: { items, ...extra } });
  const intent = order.payment;
  if (!intent) throw new Error(`order ${order.code} was created without a payment intent: ${JSON.stringify(order)}`);
  const wallet = await devChain<{ id: string; address: string }>(baseUrl, '/wallets', {});
  let jettonWallet: string | null = null;
  let transfer: DevTransfer = { messages: [{ address: intent.address, amount: intent.amountNano, payload: intent.payload }], validUntil: intent.validUntil };
  if (asset === 'USDT') {
    const quote = order.quotes.find((q) => q.asset === 'USDT');
    if (!quote) throw new Error(`order ${order.code} has no USDT quote: is USDT in ACCEPTED_ASSETS? ${JSON.stringify(order.quotes)}`);
    ({ jettonWallet } = await mintDevUsdt(baseUrl, wallet.address, quote.amount));
    const body = { asset, wallet: wallet.address };
    transfer = (await call<{ request: DevTransfer }>(baseUrl, `/api/orders/${order.id}/payment-request`, { initData, method: 'POST', body })).request;
  }
  const { boc } = await devChain<{ boc: string }>(baseUrl, `/wallets/${wallet.id}/send-transaction`, transfer);
  await call(baseUrl, `/api/orders/${order.id}/payment`, { initData, method: 'POST', body: { boc } });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await call<PlacedOrder>(baseUrl, `/api/orders/${order.id}`, { initData });
    if (now.status === 'paid') return { ...now, payer: { ...wallet, jettonWallet } };
    if (Date.now() > deadline) throw new Error(`order ${order.code} is still ${now.status} 20 s after its payment`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface AdminOrderView {
  id: string;
  code: string;
  status: string;
}

export function fetchAdminOrder(baseUrl: string, initData: string, id: string): Promise<AdminOrderView> {
  return call<{ order: AdminOrderView }>(baseUrl, `/api/admin/orders/${id}`, { initData }).then((r) => r.order);
}

export interface CatalogEntry {
  id: string;
  slug: string;
  title: string;
  priceMinor: string;
  stock: number;
}

export async function fetchProduct(baseUrl: string, slug: string): Promise<CatalogEntry> {
  const response = await fetch(`${baseUrl}/api/products/${encodeURIComponent(slug)}`);
  if (!response.ok) throw new Error(`GET /api/products/${slug} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CatalogEntry;
}

/** A product as the admin API answers it (docs/api.md, Admin: products). */
export interface AdminProduct extends CatalogEntry {
  currency: string;
  active: boolean;
}

/**
 * Creates a product as the merchant (`POST /api/admin/products`): `priceMinor` in the smallest unit of the
 * shop's PRICING_CURRENCY (cents for USD), which `currency` names; a shop pricing in another refuses it.
 */
export async function createProduct(
  baseUrl: string,
  adminInitData: string,
  product: { slug: string; title: string; priceMinor: string; currency: string; stock: number; description?: string },
): Promise<AdminProduct> {
  const made = await call<{ product: AdminProduct }>(baseUrl, '/api/admin/products', { initData: adminInitData, method: 'POST', body: product });
  return made.product;
}

/**
 * Replaces the shop's delivery methods as the admin (`PUT /api/admin/delivery`, docs/api.md); `currency`,
 * when given, names what the fees count (it must be the shop's PRICING_CURRENCY).
 */
export function putDeliveryMethods(baseUrl: string, initData: string, methods: unknown[], currency?: string): Promise<unknown> {
  return call(baseUrl, '/api/admin/delivery', { initData, method: 'PUT', body: { methods, ...(currency && { currency }) } });
}

// The shop's HTTP API (docs/api.md), read from the test to check what the UI did on the server.

export interface CatalogProduct {
  id: string;
  slug: string;
  title: string;
  /** What priceMinor counts (the shop's PRICING_CURRENCY for every product the catalog lists). */
  currency: string;
  priceMinor: string;
  stock: number;
}

export interface OrderItem {
  productId: string;
  slug: string;
  quantity: number;
  unitPriceMinor: string;
  lineTotalMinor: string;
}

export interface Order {
  id: string;
  code: string;
  status: string;
  items: OrderItem[];
  totalMinor: string;
}

export async function fetchCatalog(baseUrl: string): Promise<CatalogProduct[]> {
  const response = await fetch(`${baseUrl}/api/catalog`);
  if (!response.ok) throw new Error(`GET /api/catalog answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { products: CatalogProduct[] }).products;
}

/** The caller's orders, newest first, as the Mini App would ask for them. */
export async function fetchOrders(baseUrl: string, initData: string): Promise<Order[]> {
  const response = await fetch(`${baseUrl}/api/orders`, { headers: { Authorization: `tma ${initData}` } });
  if (!response.ok) throw new Error(`GET /api/orders answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { orders: Order[] }).orders;
}

/**
 * The page Telegram opens must be the Mini App's HTML. Checked once up front, so that a server serving
 * something else at `/` fails every test with this message instead of a browser's "Download is starting".
 */
export async function expectMiniAppPage(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/`);
  const type = response.headers.get('content-type') ?? '(none)';
  const body = await response.text().catch((error: unknown) => `(body unreadable: ${String(error)})`);
  if (response.status !== 200 || !type.startsWith('text/html') || !body.includes('<div id="root">')) {
    throw new Error(`GET ${baseUrl}/ should answer the built Mini App's index.html, but answered ${response.status} ${type}: ` + body.slice(0, 200));
  }
}

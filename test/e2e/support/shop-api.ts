// The shop's HTTP API (docs/api.md), read from the test to check what the UI did on the server.

export interface CatalogProduct {
  id: string;
  slug: string;
  title: string;
  priceNano: string;
  stock: number;
}

export interface OrderItem {
  productId: string;
  slug: string;
  quantity: number;
  unitPriceNano: string;
  lineTotalNano: string;
}

export interface Order {
  id: string;
  code: string;
  status: string;
  items: OrderItem[];
  totalNano: string;
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

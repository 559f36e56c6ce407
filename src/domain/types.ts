// The shapes the HTTP API sends (docs/api.md). Money fields are nanoton decimal strings.

export interface Category {
  id: string;
  slug: string;
  title: string;
  position: number;
}

export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  priceNano: string;
  compareAtPriceNano: string | null;
  images: string[];
  categoryId: string | null;
  stock: number;
}

export interface Catalog {
  categories: Category[];
  products: Product[];
}

export const ORDER_STATUSES = [
  'pending',
  'confirming',
  'paid',
  'shipped',
  'ready_for_pickup',
  'completed',
  'expired',
  'cancelled',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItem {
  productId: string;
  slug: string;
  title: string;
  quantity: number;
  unitPriceNano: string;
  lineTotalNano: string;
}

export interface OrderPayment {
  address: string;
  amountNano: string;
  comment: string;
  validUntil: string;
  network: string;
}

export interface Order {
  id: string;
  code: string;
  status: OrderStatus;
  items: OrderItem[];
  totalNano: string;
  createdAt: string;
  expiresAt: string;
  payment: OrderPayment | null;
}

// The shapes the HTTP API sends (docs/api.md). Money fields are nanoton decimal strings.
import type { DeliverySnapshot } from './checkout';

export interface Category {
  id: string;
  slug: string;
  title: string;
  position: number;
}

/** A product's option (Size, Colour, Grind) and its values, in the merchant's order. */
export interface ProductOption {
  name: string;
  values: string[];
}

/** A combination that is sold: one value per option (none for a product without options). */
export interface ProductVariant {
  id: string;
  optionValues: string[];
  sku: string | null;
  /** The variant's own price, or the product's. */
  priceNano: string;
  stock: number;
  /** Null: the product's pictures. */
  image: string | null;
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
  /** The sum of the variants' stock. */
  stock: number;
  kind?: 'physical' | 'digital';
  options?: ProductOption[];
  /** Active variants only; a product without options has one, with no option values. */
  variants?: ProductVariant[];
}

export interface Catalog {
  categories: Category[];
  products: Product[];
}

export const ORDER_STATUSES = ['pending', 'confirming', 'paid', 'shipped', 'ready_for_pickup', 'completed', 'expired', 'cancelled'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItem {
  productId: string;
  variantId?: string;
  /** "M / Black"; '' for a product without options. */
  variantLabel?: string;
  slug: string;
  title: string;
  quantity: number;
  unitPriceNano: string;
  lineTotalNano: string;
}

export type TonNetwork = 'mainnet' | 'testnet' | 'local';

/** What the wallet is asked to send for a pending order (the payment intent, docs/api.md). */
export interface OrderPayment {
  /** The merchant's address, user-friendly form. */
  address: string;
  amountNano: string;
  /** `bz:<CODE>`: the text comment that names the order. */
  comment: string;
  /** Unix seconds: a wallet must not send the payment after this. */
  validUntil: number;
  network: TonNetwork;
  /** The comment as a cell (op 0 + text), base64 BOC: the TON Connect message payload. */
  payload: string;
}

/** A chain transaction the server recorded for an order (order detail only). */
export interface PaymentRecord {
  txHash: string;
  lt: string;
  payerAddress: string;
  amountNano: string;
  overpaymentNano: string;
  status: 'applied' | 'attention';
  reason: string | null;
}

export interface Order {
  id: string;
  code: string;
  status: OrderStatus;
  items: OrderItem[];
  /** total = subtotal − discount + delivery fee, as the server priced it. */
  subtotalNano?: string;
  discountNano?: string;
  deliveryFeeNano?: string;
  totalNano: string;
  delivery?: DeliverySnapshot | null;
  note?: string | null;
  promoCode?: string | null;
  createdAt: string;
  expiresAt: string;
  /** Changes with every status change: tells a fresh answer from a stale one. */
  updatedAt?: string;
  paidAt?: string | null;
  /** The payment intent while the order can be paid (status pending), else null. */
  payment: OrderPayment | null;
  payments?: PaymentRecord[];
}

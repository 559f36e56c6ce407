// The shapes of the merchant's API (docs/api.md, "Admin"). Money fields are decimal strings of integer minor
// units of the shop's pricing currency (an order's: its `currency`; payments and refunds: their asset's).
import type { MoneyCurrency } from '../../../domain/format-money';
import type { Category, OrderStatus } from '../../../domain/types';

export interface AdminCustomer {
  id: string;
  telegramId: string | null;
  firstName: string;
  lastName: string | null;
  username: string | null;
}

export interface AdminOrderSummary {
  id: string;
  code: string;
  status: OrderStatus;
  /** What the order's amounts count (absent from an older server: TON). */
  currency?: MoneyCurrency;
  subtotalMinor: string;
  discountMinor: string;
  deliveryFeeMinor: string;
  totalMinor: string;
  delivery: { kind: DeliveryKind; methodName: string } | null;
  createdAt: string;
  paidAt: string | null;
  itemCount: number;
  customer: AdminCustomer;
}

export type DeliveryKind = 'shipping' | 'courier' | 'pickup' | 'none';
export const DELIVERY_KINDS: readonly DeliveryKind[] = ['shipping', 'courier', 'pickup', 'none'];

export interface DeliveryAddress {
  recipientName: string;
  phone: string;
  country: string;
  region: string | null;
  city: string;
  line1: string;
  line2: string | null;
  postalCode: string | null;
}

export interface PickupPoint {
  name: string;
  address: string;
  hours: string | null;
  mapUrl: string | null;
}

/** What the order keeps of its delivery as it was at checkout (docs/api.md: the delivery snapshot). */
export interface OrderDelivery {
  methodId: string;
  kind: DeliveryKind;
  methodName: string;
  zoneName?: string | null;
  estimate?: string | null;
  address?: DeliveryAddress | null;
  pickupPoint?: PickupPoint | null;
}

export interface AdminOrderItem {
  productId: string;
  variantId?: string | null;
  variantLabel?: string | null;
  sku?: string | null;
  slug: string;
  title: string;
  unitPriceMinor: string;
  quantity: number;
  lineTotalMinor: string;
}

export interface AdminOrderPayment {
  id: string;
  txHash: string;
  explorerUrl: string | null;
  /** TON or USDT: the amounts are in its smallest unit. */
  asset?: string;
  amountNano: string;
  overpaymentNano: string;
  status: string;
  reason: string | null;
  chainTime: string;
}

export type OrderAction = 'ship' | 'mark_ready' | 'cancel' | 'complete';

export interface AdminOrder extends Omit<AdminOrderSummary, 'delivery'> {
  items: AdminOrderItem[];
  delivery: OrderDelivery | null;
  note: string | null;
  promoCode: string | null;
  expiresAt: string;
  payments: AdminOrderPayment[];
  allowedActions: OrderAction[];
  /** Telegram Stars charges recorded for the order. */
  starCharges: { chargeId: string; amountStars: number; status: string; reason: string | null }[];
  /** A credited Stars charge the merchant may give back now. */
  starsRefundable: boolean;
  /** Refunds from the merchant's own wallet. */
  refunds: AdminRefund[];
}

/** A refund from the merchant's own wallet (docs/api.md, "Refunds from the merchant's own wallet"). */
export interface AdminRefund {
  id: string;
  asset: 'TON' | 'USDT';
  /** In the asset's smallest unit (nanotons). */
  amount: string;
  recipient: string;
  status: 'requested' | 'sent' | 'confirmed' | 'lapsed';
  validUntil: number;
  messageHash: string | null;
  transactionHash: string | null;
  explorerUrl: string | null;
  createdAt: string;
}

export interface OrderRefunds {
  refunds: AdminRefund[];
  /** What was paid and what is left to refund; null when no payment was applied. */
  refundable: { asset: 'TON' | 'USDT'; paid: string; left: string; payer: string } | null;
  wallet: { network: 'mainnet' | 'testnet' | 'local'; merchant: string; merchantFriendly: string };
}

export interface OrdersPage {
  orders: AdminOrderSummary[];
  nextCursor: string | null;
}

/** Languages a product's texts can be translated into; English is the product's own title and description. */
export const TRANSLATION_LANGUAGES = ['ru', 'fa', 'hi'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];
export type ProductTranslations = Partial<Record<string, { title?: string; description?: string }>>;

export interface AdminProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** What its prices count: the shop's pricing currency when last priced (absent from an older server: TON). */
  currency?: MoneyCurrency;
  priceMinor: string;
  compareAtPriceMinor: string | null;
  /** `digital` goods ask for no delivery and may be sold for Telegram Stars. */
  kind: 'physical' | 'digital';
  /** Whole Telegram Stars, for a digital product paid inside Telegram; null: not sold for Stars. */
  priceStars: number | null;
  stock: number;
  active: boolean;
  categoryId: string | null;
  images: string[];
  options?: { name: string; values: string[] }[];
  /** Every variant, switched-off ones too (docs/api.md); see products/variants-draft.ts. */
  variants?: AdminVariant[];
  translations?: ProductTranslations;
  createdAt: string;
  updatedAt: string;
}

/** What the editor sends: POST takes all of it, PATCH any subset (docs/api.md). */
export type ProductInput = Pick<
  AdminProduct,
  'slug' | 'title' | 'description' | 'priceMinor' | 'compareAtPriceMinor' | 'kind' | 'priceStars' | 'stock' | 'active' | 'categoryId' | 'images'
> & { translations: ProductTranslations };

export interface ProductsAndCategories {
  products: AdminProduct[];
  categories: Category[];
  /** What the shop prices in now (absent from an older server: TON); a product in another currency is not sold. */
  pricingCurrency?: MoneyCurrency;
}

export const SHOP_LANGUAGES = ['en', 'ru', 'fa', 'hi'] as const;
export type ShopLanguage = (typeof SHOP_LANGUAGES)[number];

export interface ShopSettings {
  name: string;
  description: string;
  currencyDisplay: 'code' | 'symbol';
  defaultLanguage: ShopLanguage;
  languages: ShopLanguage[];
  /** What the bot answers to /paysupport (Telegram's Stars terms); '' for its default line. */
  paySupportText: string;
  /** Hours a signed-in customer's cart waits without an order before its one reminder; 0: off. */
  abandonedCartHours: number;
}

export type AttentionReason =
  | 'underpaid'
  | 'late'
  | 'unknown_comment'
  | 'already_paid'
  | 'order_cancelled'
  | 'paid_in_time_out_of_stock'
  | 'unrecordable'
  | 'forged'
  | 'jetton_malformed'
  | 'not_quoted';

export interface AttentionPayment {
  id: string;
  txHash: string;
  orderId: string | null;
  orderCode: string | null;
  payerAddress: string;
  /** TON or USDT: the amounts are in its smallest unit. */
  asset?: string;
  amountNano: string;
  overpaymentNano: string;
  comment: string | null;
  status: string;
  reason: AttentionReason | string | null;
  chainTime: string;
  recordedAt: string;
  explorerUrl: string | null;
}

export interface SalesDay {
  date: string;
  revenueMinor: string;
  orders: number;
}

export interface SalesOverview {
  /** What the revenue counts: the shop's pricing currency (absent from an older server: TON). */
  currency?: MoneyCurrency;
  days: SalesDay[];
  topProducts: { productId: string; title: string; quantity: number; revenueMinor: string }[];
  totals: { revenueMinor: string; orders: number };
}

export type ExportKind = 'catalog' | 'orders' | 'customers';
export type ExportFormat = 'csv' | 'json';

export interface ImportResult {
  created: number;
  updated: number;
  categoriesCreated: number;
}

export interface ImportRowError {
  row: number;
  section?: string;
  field: string;
  message: string;
}

/** One sold combination of a product's options, as the admin API sends it (docs/api.md). */
export interface AdminVariant {
  id: string;
  optionValues: string[];
  sku: string | null;
  priceOverrideMinor: string | null;
  stock: number;
  image: string | null;
  active: boolean;
}

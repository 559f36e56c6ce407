// An order as the HTTP API sends it to its customer (docs/api.md: POST /api/orders, GET /api/orders,
// GET /api/orders/:id). The server's presenters (functions/api/present.ts) are typed by these and the
// Mini App reads them. Money is a decimal string of integer minor units of the order's
// `currency` (quotes and payments: of their asset); times are ISO-8601.
import type { MoneyCurrency } from './format-money';
import type { OrderStatus } from './order-status';

export type DeliveryKind = 'shipping' | 'courier' | 'pickup' | 'none';

export const ADDRESS_FIELDS = ['recipientName', 'phone', 'country', 'region', 'city', 'line1', 'line2', 'postalCode'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type DeliveryAddressJson = Record<AddressField, string>;

export interface PickupPointJson {
  id: string;
  name: string;
  address: string;
  hours: string;
  mapUrl: string | null;
}

/** What an order keeps of its delivery (a snapshot of the method, zone or area, point and address). */
export interface DeliverySnapshotJson {
  methodId: string;
  kind: DeliveryKind;
  methodName: string;
  zoneName?: string;
  estimate?: string;
  pickupPoint?: PickupPointJson;
  address?: DeliveryAddressJson;
}

export interface OrderItemJson {
  productId: string;
  variantId: string;
  slug: string;
  title: string;
  /** "M / Black"; '' for a product without options. */
  variantLabel: string;
  sku: string | null;
  quantity: number;
  unitPriceMinor: string;
  lineTotalMinor: string;
}

export type TonNetwork = 'mainnet' | 'testnet' | 'local';

/** What the wallet is asked to send for a pending order (the payment intent). */
export interface OrderPaymentJson {
  /** The merchant's address, user-friendly form. */
  address: string;
  /** The order's TON quote in nanotons; null when the order cannot be paid in TON (a fiat order quoted in USDT only). */
  amountNano: string | null;
  /** `bz:<CODE>`: the text comment that names the order. */
  comment: string;
  /** Unix seconds: a wallet must not send the payment after this. */
  validUntil: number;
  network: TonNetwork;
  /** The comment as a cell (op 0 + text), base64 BOC: the TON Connect message payload. */
  payload: string;
}

/** A chain transaction the server recorded for an order. */
export interface PaymentRecordJson {
  txHash: string;
  lt: string;
  orderId: string | null;
  orderCode: string | null;
  /** Null when the transaction had no sender to name (the payment arrived without an in-message source). */
  payerAddress: string | null;
  /** What arrived: `amountNano` and `overpaymentNano` are in its smallest unit (nanotons; micro-USDT for USDT). */
  asset: PaymentAssetJson;
  amountNano: string;
  overpaymentNano: string;
  comment: string | null;
  /** `resolved`: an attention row the merchant has dealt with. */
  status: 'applied' | 'attention' | 'resolved';
  reason: string | null;
  chainTime: string;
  recordedAt: string;
}

export type PaymentAssetJson = 'TON' | 'USDT';

/** What the order costs in one accepted asset, fixed when it was placed and locked for its reservation. */
export interface OrderQuoteJson {
  asset: PaymentAssetJson;
  /** In the asset's smallest unit (nanotons, micro-USDT), a decimal string. */
  amount: string;
  /** One whole asset in the shop's pricing currency, "numerator/denominator"; null when priced in the asset. */
  rate: string | null;
  source: string;
  fetchedAt: string;
  lockedUntil: string;
}

/** POST /api/orders/:id/payment-request: what to hand to TON Connect's sendTransaction as it is. */
export interface PaymentRequestJson {
  asset: PaymentAssetJson;
  /** In the asset's smallest unit, a decimal string. */
  amount: string;
  request: {
    validUntil: number;
    network: '-239' | '-3';
    from?: string;
    messages: [{ address: string; amount: string; payload: string }];
  };
}

export interface OrderJson {
  id: string;
  code: string;
  status: OrderStatus;
  items: OrderItemJson[];
  /** What every amount of the order and its lines counts: the shop's pricing currency when it was placed. */
  currency: MoneyCurrency;
  /** total = subtotal − discount + delivery fee, as the server priced it. */
  subtotalMinor: string;
  discountMinor: string;
  deliveryFeeMinor: string;
  totalMinor: string;
  delivery: DeliverySnapshotJson | null;
  note: string | null;
  promoCode: string | null;
  createdAt: string;
  expiresAt: string;
  /** Changes with every status change: tells a fresh answer from a stale one. */
  updatedAt: string;
  paidAt: string | null;
  /** The payment intent while the order can be paid (status pending), else null. */
  payment: OrderPaymentJson | null;
  /** One per asset the shop accepted when the order was placed (empty for older orders). */
  quotes: OrderQuoteJson[];
  /** Order detail only: the chain transactions recorded for it. */
  payments?: PaymentRecordJson[];
  /** Order detail only, once paid: what its digital products hand over. */
  digital?: DigitalItemJson[];
}

/**
 * What one digital product of a paid order hands over (order detail only): the license keys sold to the
 * order, the text the merchant wrote, or a file (its link comes from POST /api/orders/:id/download-links).
 */
export type DigitalItemJson =
  | { productId: string; title: string; kind: 'file'; fileName: string; sizeBytes: number }
  | { productId: string; title: string; kind: 'license_keys'; keys: string[] }
  | { productId: string; title: string; kind: 'text'; text: string };

/** A signed download link of one file of the customer's order, good until `expiresAt`. */
export interface DownloadLinkJson {
  productId: string;
  url: string;
  expiresAt: string;
}

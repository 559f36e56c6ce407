// The shapes the HTTP API sends (docs/api.md). Money fields are decimal strings of integer minor units of the
// catalog's, product's or order's `currency` (quotes and payments: of their asset).

export type {
  CategoryJson as Category,
  ProductOptionJson as ProductOption,
  ProductVariantJson as ProductVariant,
  ProductJson as Product,
  CatalogJson as Catalog,
} from '../../contract/catalog-json';

export { ORDER_STATUSES, type OrderStatus } from '../../contract/order-status';

export type {
  OrderItemJson as OrderItem,
  TonNetwork,
  OrderPaymentJson as OrderPayment,
  PaymentRecordJson as PaymentRecord,
  OrderJson as Order,
} from '../../contract/order-json';

export type { PaymentAssetJson as PaymentAsset, OrderQuoteJson as AssetQuote, PaymentRequestJson as PaymentRequest } from '../../contract/order-json';

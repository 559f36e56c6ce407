import type { MessengerId } from '../messenger/messenger-id';
import type { OrderTotals } from '../checkout/order-totals';
import type { Customer } from '../customers/customer';
import type { DeliverySnapshot } from '../delivery/delivery-details';
import type { OrderLine } from '../orders/order';
import type { PricingCurrency } from '../pricing/currencies';
import type { CatalogCategoryRecord, CatalogProductRecord } from './catalog-records';

// What the exit door hands the merchant: their catalog, orders and customers, with the shop's ids.

export interface ExportedCategory extends CatalogCategoryRecord {
  id: string;
}

export interface ExportedProduct extends CatalogProductRecord {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExportedOrder extends OrderTotals {
  id: string;
  code: string;
  status: string;
  /** What the order's totals and its lines' prices count. */
  currency: PricingCurrency;
  delivery: DeliverySnapshot | null;
  note: string;
  promoCode: string | null;
  createdAt: Date;
  paidAt: Date | null;
  customerId: string;
  customerTelegramId: MessengerId | null;
  items: OrderLine[];
  /** Refunds from the merchant's wallet, oldest first (amounts in the asset's smallest unit). */
  refunds: ExportedRefund[];
}

export interface ExportedRefund {
  asset: string;
  amount: bigint;
  status: string;
  messageHash: string | null;
  transactionHash: string | null;
  createdAt: Date;
}

export interface ExportedCustomer extends Customer {
  createdAt: Date;
}

const ORDER_COLUMNS = [
  'orderId',
  'orderCode',
  'status',
  'createdAt',
  'paidAt',
  'currency',
  'orderSubtotalMinor',
  'orderDiscountMinor',
  'orderDeliveryFeeMinor',
  'orderTotalMinor',
  'promoCode',
  'deliveryMethod',
  'deliveryKind',
  'recipientName',
  'phone',
  'country',
  'region',
  'city',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'pickupPoint',
  'note',
  'customerId',
  'customerTelegramId',
  'productId',
  'productSlug',
  'title',
  'variantId',
  'variant',
  'sku',
  'quantity',
  'unitPriceMinor',
  'lineTotalMinor',
  // Every refund of the order in one cell: `<asset> <amount> <status> <message hash|-> <transaction hash|->`, `; ` between.
  'refunds',
];

/** Orders as CSV records: one row per order line with the order's fields repeated (as Shopify exports). */
export function ordersToCsvRecords(orders: readonly ExportedOrder[]): string[][] {
  return [
    ORDER_COLUMNS,
    ...orders.flatMap((order) =>
      order.items.map((item) => [
        order.id,
        order.code,
        order.status,
        order.createdAt.toISOString(),
        order.paidAt?.toISOString() ?? '',
        order.currency,
        order.subtotalMinor.toString(),
        order.discountMinor.toString(),
        order.deliveryFeeMinor.toString(),
        order.totalMinor.toString(),
        order.promoCode ?? '',
        order.delivery?.methodName ?? '',
        order.delivery?.kind ?? '',
        order.delivery?.address?.recipientName ?? '',
        order.delivery?.address?.phone ?? '',
        order.delivery?.address?.country ?? '',
        order.delivery?.address?.region ?? '',
        order.delivery?.address?.city ?? '',
        order.delivery?.address?.line1 ?? '',
        order.delivery?.address?.line2 ?? '',
        order.delivery?.address?.postalCode ?? '',
        order.delivery?.pickupPoint ? `${order.delivery.pickupPoint.name}, ${order.delivery.pickupPoint.address}` : '',
        order.note,
        order.customerId,
        order.customerTelegramId?.toString() ?? '',
        item.productId,
        item.slug,
        item.title,
        item.variantId,
        item.variantLabel,
        item.sku ?? '',
        String(item.quantity),
        item.unitPriceMinor.toString(),
        item.lineTotalMinor.toString(),
        refundsCell(order.refunds),
      ]),
    ),
  ];
}

function refundsCell(refunds: readonly ExportedRefund[]): string {
  return refunds.map((r) => [r.asset, r.amount.toString(), r.status, r.messageHash ?? '-', r.transactionHash ?? '-'].join(' ')).join('; ');
}

const CUSTOMER_COLUMNS = ['id', 'telegramId', 'firstName', 'lastName', 'username', 'languageCode', 'walletAddress', 'createdAt'];

/** Customers as CSV records, one row each. */
export function customersToCsvRecords(customers: readonly ExportedCustomer[]): string[][] {
  return [
    CUSTOMER_COLUMNS,
    ...customers.map((c) => [
      c.id,
      c.telegramId?.toString() ?? '',
      c.firstName,
      c.lastName ?? '',
      c.username ?? '',
      c.languageCode ?? '',
      c.walletAddress ?? '',
      c.createdAt.toISOString(),
    ]),
  ];
}

/**
 * A value made JSON-safe for an export: bigints become decimal strings (money, never floats), dates ISO.
 * Use as JSON.stringify's replacer.
 */
export function exportJsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

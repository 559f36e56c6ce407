import type { Customer } from '../customers/customer';
import type { OrderLine } from '../orders/order';
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

export interface ExportedOrder {
  id: string;
  code: string;
  status: string;
  totalNano: bigint;
  createdAt: Date;
  paidAt: Date | null;
  customerId: string;
  customerTelegramId: number | null;
  items: OrderLine[];
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
  'orderTotalNano',
  'customerId',
  'customerTelegramId',
  'productId',
  'productSlug',
  'title',
  'quantity',
  'unitPriceNano',
  'lineTotalNano',
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
        order.totalNano.toString(),
        order.customerId,
        order.customerTelegramId?.toString() ?? '',
        item.productId,
        item.slug,
        item.title,
        String(item.quantity),
        item.unitPriceNano.toString(),
        item.lineTotalNano.toString(),
      ]),
    ),
  ];
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

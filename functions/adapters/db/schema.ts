import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Money columns are bigint in the smallest unit (nanotons): never numeric-with-decimals, never floats.
// `mode: 'bigint'` makes Drizzle hand us JS bigints whatever the driver returns (PGlite: bigint,
// postgres.js: string).

export const categories = pgTable('categories', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  position: integer('position').notNull().default(0),
});

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    priceNano: bigint('price_nano', { mode: 'bigint' }).notNull(),
    compareAtPriceNano: bigint('compare_at_price_nano', { mode: 'bigint' }),
    images: jsonb('images').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    categoryId: text('category_id').references(() => categories.id, { onDelete: 'set null' }),
    // The CHECK is the last line of defence against overselling: even a buggy code path cannot drive
    // stock below zero, the transaction fails instead.
    stock: integer('stock').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_price_positive', sql`${t.priceNano} > 0`),
    check('products_stock_non_negative', sql`${t.stock} >= 0`),
    index('products_category_idx').on(t.categoryId),
  ],
);

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Nullable: a later sign-in path (TON wallet on the open web) makes customers with no Telegram account.
  telegramId: bigint('telegram_id', { mode: 'number' }).unique(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name'),
  username: text('username'),
  languageCode: text('language_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    totalNano: bigint('total_nano', { mode: 'bigint' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    check('orders_total_positive', sql`${t.totalNano} > 0`),
    check(
      'orders_status_known',
      sql.raw(`status in (${ORDER_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
    index('orders_customer_created_idx').on(t.customerId, t.createdAt),
    // The expiry sweep looks for pending orders past their time; keep that a cheap index range scan.
    index('orders_status_expires_idx').on(t.status, t.expiresAt),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    position: integer('position').notNull(),
    // A snapshot of what was sold: the product may be renamed or repriced later.
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    unitPriceNano: bigint('unit_price_nano', { mode: 'bigint' }).notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalNano: bigint('line_total_nano', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    index('order_items_order_idx').on(t.orderId),
  ],
);

/**
 * A payment the customer's wallet says it sent (the BOC from TON Connect). Only a lookup aid: the order is
 * paid from the merchant account's incoming transaction, never from this row.
 */
export const paymentSubmissions = pgTable(
  'payment_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    walletAddress: text('wallet_address').notNull(),
    messageHashRaw: text('message_hash_raw').notNull(),
    messageHashNorm: text('message_hash_norm').notNull().unique(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_submissions_order_idx').on(t.orderId)],
);

export const PAYMENT_STATUSES = ['applied', 'attention', 'resolved'] as const;
export const PAYMENT_ATTENTION_REASONS = ['underpaid', 'late', 'unknown_comment', 'already_paid'] as const;

/**
 * Every incoming transaction on the merchant account that carried money for the shop, applied to an order
 * or set aside for the merchant. The unique transaction hash is what makes a payment count once.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    txHash: text('tx_hash').notNull().unique(),
    txLt: bigint('tx_lt', { mode: 'bigint' }).notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    payerAddress: text('payer_address'),
    amountNano: bigint('amount_nano', { mode: 'bigint' }).notNull(),
    overpaymentNano: bigint('overpayment_nano', { mode: 'bigint' }).notNull().default(sql`0`),
    comment: text('comment'),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    reason: text('reason', { enum: PAYMENT_ATTENTION_REASONS }),
    chainTime: timestamp('chain_time', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId),
    index('payments_status_idx').on(t.status),
    // One applied payment per order: a second transaction for a paid order is set aside, never applied.
    uniqueIndex('payments_one_applied_per_order').on(t.orderId).where(sql`status = 'applied'`),
  ],
);

/** How far the reconciler has read an account's history: the last (lt, hash) it processed. */
export const chainCursors = pgTable('chain_cursors', {
  account: text('account').primaryKey(),
  lastLt: bigint('last_lt', { mode: 'bigint' }).notNull(),
  lastHash: text('last_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const schema = {
  categories,
  products,
  customers,
  orders,
  orderItems,
  paymentSubmissions,
  payments,
  chainCursors,
};
export type Schema = typeof schema;

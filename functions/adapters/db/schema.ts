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

export const schema = { categories, products, customers, orders, orderItems };
export type Schema = typeof schema;

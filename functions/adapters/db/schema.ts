import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MAX_PRICE_MINOR, MAX_PRICE_STARS, MAX_STOCK } from '../../core/catalog/product-limits';
import { STAR_PAYMENT_STATUSES } from '../../core/stars/star-payment';
import { ATTENTION_REASONS } from '../../core/orders/order-lifecycle';
import { ORDER_STATUSES } from '../../core/orders/order-status';
import { PAYMENT_ASSETS, PRICING_CURRENCIES } from '../../core/pricing/currencies';
import { REFUND_STATUSES } from '../../core/refunds/refund';
import type { ProductOption } from '../../core/catalog/variants';
import { PRODUCT_KINDS } from '../../core/catalog/catalog';
import { DIGITAL_CONTENT_KINDS } from '../../core/digital/digital-content';
import { LICENSE_KEY_STATUSES } from '../../core/digital/license-key-pool';
import type { DeliveryAddress, DeliverySnapshot } from '../../core/delivery/delivery-details';

// Money columns are bigint in the smallest unit of the currency in the row's `currency` column (cents,
// kopecks, nanotons; core/pricing/currencies.ts): never numeric-with-decimals, never floats.
// `mode: 'bigint'` makes Drizzle hand us JS bigints whatever the driver returns (PGlite: bigint,
// postgres.js: string).

const CURRENCY_LIST = PRICING_CURRENCIES.map((c) => `'${c}'`).join(', ');

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
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    compareAtPriceMinor: bigint('compare_at_price_minor', { mode: 'bigint' }),
    /**
     * What the prices (and the variants' prices) are counted in: the shop's pricing currency when the merchant
     * saved them. A product in another currency than the shop's is not sold until repriced (core/catalog/priced-in.ts).
     */
    currency: text('currency', { enum: PRICING_CURRENCIES }).notNull().default('TON'),
    images: jsonb('images')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Merchant-entered translations by locale ({ "ru": { "title": …, "description": … } }); the
    // title/description columns hold the shop's default language and are the fallback.
    translations: jsonb('translations')
      .$type<Record<string, { title?: string; description?: string }>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    categoryId: text('category_id').references(() => categories.id, { onDelete: 'set null' }),
    /** `physical` goods are delivered; `digital` ones ask for no address (core/delivery). */
    kind: text('kind', { enum: PRODUCT_KINDS }).notNull().default('physical'),
    /**
     * The price in Telegram Stars (whole Stars: XTR has no fractions), for a digital product paid inside
     * Telegram; null: not sold for Stars. Beside price_minor, never derived from it.
     */
    priceStars: integer('price_stars'),
    /** Up to three options ([{ name: "Size", values: ["S", "M"] }]); [] for a product sold as it is. */
    options: jsonb('options')
      .$type<ProductOption[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_price_positive', sql`${t.priceMinor} > 0`),
    check('products_currency_known', sql.raw(`currency in (${CURRENCY_LIST})`)),
    // The bounds of core/catalog/product-limits.ts: every sum of stock and of money stays in its column.
    check('products_price_bounded', sql.raw(`price_minor <= ${MAX_PRICE_MINOR}`)),
    check('products_kind_known', sql.raw(`kind in (${PRODUCT_KINDS.map((k) => `'${k}'`).join(', ')})`)),
    check('products_price_stars_bounded', sql.raw(`price_stars is null or (price_stars > 0 and price_stars <= ${MAX_PRICE_STARS})`)),
    index('products_category_idx').on(t.categoryId),
  ],
);

/**
 * What is actually sold and stocked: one row per combination of a product's options (core/catalog/
 * variants.ts), or exactly one, the default (`option_values` []), for a product without options. Stock
 * lives here, reserved per variant with row locks like the products' stock before.
 */
export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** One value per option, in the product's option order. */
    optionValues: jsonb('option_values')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    sku: text('sku'),
    /** Null: the product's price. */
    priceMinor: bigint('price_minor', { mode: 'bigint' }),
    // The CHECK is the last line of defence against overselling: even a buggy code path cannot drive
    // stock below zero, the transaction fails instead.
    stock: integer('stock').notNull().default(0),
    /** Null: the product's pictures. */
    image: text('image'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('product_variants_stock_non_negative', sql`${t.stock} >= 0`),
    check('product_variants_stock_bounded', sql.raw(`stock <= ${MAX_STOCK}`)),
    check('product_variants_price_bounded', sql.raw(`price_minor is null or (price_minor > 0 and price_minor <= ${MAX_PRICE_MINOR})`)),
    uniqueIndex('product_variants_combination_unique').on(t.productId, t.optionValues),
    uniqueIndex('product_variants_sku_unique').on(t.sku),
    index('product_variants_product_idx').on(t.productId),
  ],
);

/**
 * What a digital product hands over once paid (core/digital/digital-content.ts): a private file in the
 * BlobStore (`file_key`, never under /media), a pool of license keys (the `license_keys` rows of its
 * variants), or a text revealed after payment. One row per product; none: nothing set up yet.
 */
export const digitalContents = pgTable(
  'digital_contents',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DIGITAL_CONTENT_KINDS }).notNull(),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileContentType: text('file_content_type'),
    fileSizeBytes: integer('file_size_bytes'),
    text: text('text'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [check('digital_contents_kind_known', sql.raw(`kind in (${DIGITAL_CONTENT_KINDS.map((k) => `'${k}'`).join(', ')})`))],
);

/**
 * One license key of a variant's pool (core/digital/license-key-pool.ts). The variant's `stock` is kept
 * equal to its available keys in every transaction that moves one, so the checkout's stock check and
 * row locks are the pool's too. A key has an order exactly when it is not available; a revoked key keeps
 * its order and is never sold again.
 */
export const licenseKeys = pgTable(
  'license_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    status: text('status', { enum: LICENSE_KEY_STATUSES }).notNull().default('available'),
    orderId: uuid('order_id').references(() => orders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('license_keys_status_known', sql.raw(`status in (${LICENSE_KEY_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    check('license_keys_order_iff_taken', sql`(${t.status} = 'available') = (${t.orderId} is null)`),
    // The same key uploaded twice to one pool is one key: it can be sold once only.
    uniqueIndex('license_keys_variant_key_unique').on(t.variantId, t.key),
    index('license_keys_pool_idx').on(t.variantId, t.status),
    index('license_keys_order_idx').on(t.orderId),
  ],
);

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Nullable: a later sign-in path (TON wallet on the open web) makes customers with no Telegram account.
  // Text, not bigint: other messengers' ids need not be numbers (core/messenger/messenger-id.ts).
  telegramId: text('telegram_id').unique(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name'),
  username: text('username'),
  languageCode: text('language_code'),
  // A TON wallet that signed in with ton_proof (raw form 0:…); links the open-web sign-in to this row.
  walletAddress: text('wallet_address').unique(),
  /** Set when Telegram answered 403 (the customer blocked the bot): no more messages are attempted. */
  botBlockedAt: timestamp('bot_blocked_at', { withTimezone: true }),
  /**
   * E.164, from the contact the customer shared with the bot (Telegram delivers it as an update, which only
   * Telegram can sign): the checkout prefills it. Never taken from the page's word.
   */
  phone: text('phone'),
  phoneSharedAt: timestamp('phone_shared_at', { withTimezone: true }),
  /**
   * Set when the customer said no to offers (the Unsubscribe button under an announcement, or /stop):
   * marketing messages skip them from then on; order messages (paid, shipped) still go.
   */
  marketingOptedOutAt: timestamp('marketing_opted_out_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    /** The shop's pricing currency when the order was placed: every amount of the order and its lines is in it. */
    currency: text('currency', { enum: PRICING_CURRENCIES }).notNull().default('TON'),
    /** subtotal − discount + delivery fee (core/checkout/order-totals.ts), checked below. */
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    subtotalMinor: bigint('subtotal_minor', { mode: 'bigint' }).notNull(),
    discountMinor: bigint('discount_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    deliveryFeeMinor: bigint('delivery_fee_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** A snapshot of the method, the zone or pickup point, and the address (core/delivery); null: none asked. */
    delivery: jsonb('delivery').$type<DeliverySnapshot>(),
    /** The customer's note to the merchant ("ring twice"). */
    note: text('note').notNull().default(''),
    promoCodeId: uuid('promo_code_id').references(() => promoCodes.id),
    /** The code as the customer used it, kept even if the merchant later deletes or renames it. */
    promoCode: text('promo_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /**
     * The order's price in Stars, fixed by the server the first time it makes a Stars invoice for the
     * order (core/stars/stars-total.ts) and never changed after: every invoice, pre-checkout and payment of
     * the order is checked against it. Null: never offered in Stars.
     */
    totalStars: integer('total_stars'),
  },
  (t) => [
    check('orders_total_stars_positive', sql`${t.totalStars} is null or ${t.totalStars} > 0`),
    check('orders_total_positive', sql`${t.totalMinor} > 0`),
    check('orders_total_adds_up', sql`${t.totalMinor} = ${t.subtotalMinor} - ${t.discountMinor} + ${t.deliveryFeeMinor}`),
    check('orders_discount_bounded', sql`${t.discountMinor} >= 0 and ${t.discountMinor} <= ${t.subtotalMinor}`),
    check('orders_delivery_fee_non_negative', sql`${t.deliveryFeeMinor} >= 0`),
    check('orders_currency_known', sql.raw(`currency in (${CURRENCY_LIST})`)),
    check('orders_status_known', sql.raw(`status in (${ORDER_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    index('orders_customer_created_idx').on(t.customerId, t.createdAt),
    // The expiry sweep looks for pending orders past their time; keep that a cheap index range scan.
    index('orders_status_expires_idx').on(t.status, t.expiresAt),
  ],
);

const ASSET_LIST = PAYMENT_ASSETS.map((a) => `'${a}'`).join(', ');

/**
 * What an order costs in each asset the shop accepted when it was placed (core/pricing/quote-order.ts):
 * fixed at checkout and locked until the reservation ends, so the payment is compared with what the
 * customer was asked for, never with a rate of later. One per asset per order.
 */
export const orderQuotes = pgTable(
  'order_quotes',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    asset: text('asset', { enum: PAYMENT_ASSETS }).notNull(),
    /** In the asset's smallest unit (nanotons, micro-USDT). */
    amount: numeric('amount', { precision: 40, scale: 0, mode: 'bigint' }).notNull(),
    /** One whole asset in the pricing currency, "numerator/denominator" (exact); null: priced in the asset itself. */
    rate: text('rate'),
    /** Which rate sources the median was of ("coingecko+tonapi", "fixed"), or "same currency". */
    source: text('source').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.asset] }),
    check('order_quotes_asset_known', sql.raw(`asset in (${ASSET_LIST})`)),
    check('order_quotes_amount_positive', sql`${t.amount} > 0`),
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
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id),
    position: integer('position').notNull(),
    // A snapshot of what was sold: the product may be renamed or repriced later.
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** "M / Black": the variant's option values; '' for a product without options. */
    variantLabel: text('variant_label').notNull().default(''),
    sku: text('sku'),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'bigint' }).notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalMinor: bigint('line_total_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    index('order_items_order_idx').on(t.orderId),
    index('order_items_variant_idx').on(t.variantId),
  ],
);

/** Discount codes the merchant makes (core/promotions/promo-code.ts). */
export const promoCodes = pgTable(
  'promo_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Upper case. */
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: ['percent', 'fixed'] }).notNull(),
    /** percent: basis points (1500 = 15 %); fixed: an amount in the smallest unit. */
    value: bigint('value', { mode: 'bigint' }).notNull(),
    minSubtotalMinor: bigint('min_subtotal_minor', { mode: 'bigint' }),
    /** What a fixed value and the minimum subtotal are counted in; a code in another currency than the shop's does not apply. */
    currency: text('currency', { enum: PRICING_CURRENCIES }).notNull().default('TON'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    maxUses: integer('max_uses'),
    maxUsesPerCustomer: integer('max_uses_per_customer'),
    /** Null: the whole order. */
    categoryIds: jsonb('category_ids').$type<string[] | null>(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('promo_codes_currency_known', sql.raw(`currency in (${CURRENCY_LIST})`)),
    check('promo_codes_kind_known', sql`${t.kind} in ('percent', 'fixed')`),
    check('promo_codes_value_positive', sql`${t.value} > 0`),
    check('promo_codes_percent_bounded', sql`${t.kind} <> 'percent' or ${t.value} <= 10000`),
  ],
);

/**
 * One order's use of a code. `held` by an open order (freed when it expires or is cancelled), `used` once
 * paid, `released` when freed: the limits count held and used ones, read with the code's row locked.
 */
export const promoCodeUses = pgTable(
  'promo_code_uses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    promoCodeId: uuid('promo_code_id')
      .notNull()
      .references(() => promoCodes.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id')
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status', { enum: ['held', 'used', 'released'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('promo_code_uses_status_known', sql`${t.status} in ('held', 'used', 'released')`),
    index('promo_code_uses_code_idx').on(t.promoCodeId, t.status),
  ],
);

/** Addresses a customer delivered to before, offered again at checkout (the newest first). */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    address: jsonb('address').$type<DeliveryAddress>().notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('customer_addresses_unique').on(t.customerId, t.address), index('customer_addresses_customer_idx').on(t.customerId, t.lastUsedAt)],
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
    /** What arrived: TON (amounts in nanotons) or USDT (a jetton notification; amounts in micro-USDT). */
    asset: text('asset', { enum: PAYMENT_ASSETS }).notNull().default('TON'),
    // The amounts are in the asset's smallest unit whatever the column's name says (renamed with fiat pricing).
    // numeric, not bigint: a message's value is a VarUInteger 16 (up to 2^120), and whatever arrives must be
    // recordable; a jetton's amounts exceed int64 easily.
    amountNano: numeric('amount_nano', { precision: 40, scale: 0, mode: 'bigint' }).notNull(),
    overpaymentNano: numeric('overpayment_nano', { precision: 40, scale: 0, mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** For display: control characters removed (functions/core/payments/stored-comment.ts). */
    comment: text('comment'),
    /** The comment's bytes as the chain carried them, hex. */
    commentRawHex: text('comment_raw_hex'),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    reason: text('reason', { enum: ATTENTION_REASONS }),
    chainTime: timestamp('chain_time', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('payments_asset_known', sql.raw(`asset in (${ASSET_LIST})`)),
    index('payments_order_idx').on(t.orderId),
    index('payments_status_idx').on(t.status),
    // One applied payment per order: a second transaction for a paid order is set aside, never applied.
    uniqueIndex('payments_one_applied_per_order')
      .on(t.orderId)
      .where(sql`status = 'applied'`),
  ],
);

/**
 * Money the merchant sent back from their own wallet (core/refunds/refund.ts): built here, signed in the
 * merchant's wallet through TON Connect, confirmed from the chain. The server never holds a key. The sum
 * of an order's refunds that went or may still go never exceeds what was paid: the request locks the
 * order's row and checks that sum (core/refunds/refund-rules.ts) in the same transaction.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    asset: text('asset', { enum: PAYMENT_ASSETS }).notNull(),
    /** In the asset's smallest unit (nanotons, micro-USDT); numeric like payments.amount_nano. */
    amount: numeric('amount', { precision: 40, scale: 0, mode: 'bigint' }).notNull(),
    /** Raw `0:<hex>`: who paid (the applied payment's payer). */
    recipient: text('recipient').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    /** Unix seconds: the merchant's wallet refuses the message after it. */
    validUntil: bigint('valid_until', { mode: 'number' }).notNull(),
    /** TEP-467 normalized hash of the signed external message, once the BOC came back. */
    messageHash: text('message_hash').unique(),
    /** The signed BOC as the wallet returned it (never re-broadcast: the wallet already sent it). */
    boc: text('boc'),
    /** The merchant-wallet transaction that carried it, once confirmed. */
    transactionHash: text('transaction_hash').unique(),
    /**
     * The merchant account's reconciler cursor (lt) when the refund was requested: the refund's transaction
     * comes after it, so a refund whose BOC never came back is looked for from there before it lapses.
     */
    scanFromLt: bigint('scan_from_lt', { mode: 'bigint' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('refunds_amount_positive', sql`${t.amount} > 0`),
    check('refunds_status_known', sql.raw(`status in (${REFUND_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    check('refunds_asset_known', sql.raw(`asset in (${PAYMENT_ASSETS.map((s) => `'${s}'`).join(', ')})`)),
    check('refunds_sent_has_hash', sql`${t.status} <> 'sent' or ${t.messageHash} is not null`),
    check('refunds_confirmed_has_tx', sql`${t.status} <> 'confirmed' or ${t.transactionHash} is not null`),
    index('refunds_order_idx').on(t.orderId),
    // The confirmation job reads the open ones.
    index('refunds_status_idx').on(t.status),
  ],
);

/** How far the reconciler has read an account's history: the last (lt, hash) it processed. */
export const chainCursors = pgTable('chain_cursors', {
  account: text('account').primaryKey(),
  lastLt: bigint('last_lt', { mode: 'bigint' }).notNull(),
  lastHash: text('last_hash').notNull(),
  /**
   * When the latest scan that read the account to its head started: every transaction the indexer had by
   * then has been read. The expiry sweep waits for it to pass an order's deadline (order-lifecycle.ts).
   */
  headReadAt: timestamp('head_read_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Every Telegram Stars payment the bot was told of (a `successful_payment` message, or the reconciler
 * reading getStarTransactions), keyed on Telegram's charge id: the same charge read twice is one row, so
 * it credits once. `credited` paid its order; `refunded_duplicate` came for an order another charge had
 * already paid; `refunded` came for an order it could no longer pay (expired and sold out, cancelled,
 * the wrong amount, no such order). Both refunded kinds enqueue their refundStarPayment in the outbox in
 * the same transaction (dedupe key `stars_refund:<charge id>`), so the refund happens exactly once.
 */
export const starPayments = pgTable(
  'star_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    telegramPaymentChargeId: text('telegram_payment_charge_id').notNull().unique(),
    /** Null when the payload named no order of this shop. */
    orderId: uuid('order_id').references(() => orders.id),
    /** The invoice payload as Telegram carried it (the order id, when it is one of ours). */
    invoicePayload: text('invoice_payload').notNull(),
    amountStars: integer('amount_stars').notNull(),
    payerTelegramId: text('payer_telegram_id').notNull(),
    status: text('status', { enum: STAR_PAYMENT_STATUSES }).notNull(),
    /** Why a refunded payment did not pay its order (order-lifecycle.ts AttentionReason, or `wrong_currency`). */
    reason: text('reason'),
    /** Where the shop learnt of it. */
    source: text('source', { enum: ['update', 'reconciler'] }).notNull(),
    /** Telegram's time of the payment (the message's or the transaction's date). */
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('star_payments_amount_positive', sql`${t.amountStars} > 0`),
    check('star_payments_status_known', sql.raw(`status in (${STAR_PAYMENT_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    index('star_payments_order_idx').on(t.orderId),
    // One credited charge per order: a second one is refunded, never credited.
    uniqueIndex('star_payments_one_credited_per_order')
      .on(t.orderId)
      .where(sql`status = 'credited'`),
  ],
);

/**
 * How far the Stars reconciler has read the bot's getStarTransactions list (chronological): the number of
 * transactions read, which is the `offset` of its next call. One row per bot (`bot` = its id from the token).
 */
export const starTransactionCursors = pgTable('star_transaction_cursors', {
  bot: text('bot').primaryKey(),
  transactionsRead: integer('transactions_read').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Bot API updates already handled: Telegram retries a webhook call until it gets a 2xx. */
export const telegramUpdates = pgTable('telegram_updates', {
  updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});

export const OUTBOX_STATUSES = ['pending', 'sent', 'blocked', 'failed'] as const;

/**
 * A browser that agreed to Web Push for a customer (the web storefront's "Get order updates in this
 * browser"): where its push service takes messages (`endpoint`) and the keys they are encrypted to
 * (RFC 8291). One customer may have several browsers; one browser's endpoint belongs to one customer
 * (the last one signed in there). Deleted when the push service answers 404/410: the browser let it go.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    /** The browser's P-256 public key and auth secret, base64url as PushSubscription.toJSON() gives them. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** The page's language when the customer subscribed: a wallet customer has no Telegram language. */
    languageCode: text('language_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('push_subscriptions_customer_idx').on(t.customerId)],
);

/**
 * Messages to send through the Bot API, or by Web Push (kind `web_push`), written in the same transaction
 * as the change they announce and delivered by a worker. `dedupe_key` makes each announcement happen once
 * however often it is enqueued. A Telegram message names its chat; a Web Push one names the browser's
 * subscription instead (and no chat): set null when that subscription is deleted, and then skipped.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    kind: text('kind').notNull(),
    chatId: text('chat_id'),
    pushSubscriptionId: uuid('push_subscription_id').references(() => pushSubscriptions.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'cascade' }),
    /** What the message needs besides the order (rendered at delivery, in the recipient's language). */
    payload: jsonb('payload')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  // sent_at: the send-rate guards ask what went out in the last second or minute (core/notifications/send-rate.ts).
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_sent_at_idx').on(t.sentAt),
    check('outbox_recipient', sql`${t.chatId} is not null or ${t.kind} = 'web_push'`),
  ],
);

/**
 * A message the merchant sends to many customers at once. Its deliveries are outbox rows (kind
 * `announcement`, dedupe `announcement:<id>:<customer id>`), written with it in one transaction.
 */
export const announcements = pgTable('announcements', {
  id: uuid('id').primaryKey(),
  text: text('text').notNull(),
  photoUrl: text('photo_url'),
  buttonText: text('button_text'),
  buttonUrl: text('button_url'),
  /** Who it was for: `{ "kind": "all" }`, `{ "kind": "language", "language": "fa" }`, `{ "kind": "category", "categoryId" }`. */
  audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
  recipients: integer('recipients').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * The signed-in customer's cart as the Mini App last reported it (PUT /api/cart): variant/product ids and
 * quantities only, never prices. What the abandoned-cart reminder reads (core/reminders/abandoned-cart.ts).
 * One row per customer while the cart holds something; emptied, or an order placed, deletes it, so a new
 * cart (a new row, a new `started_at`) may be reminded of again, the same one never twice (`reminded_at`).
 */
export const carts = pgTable(
  'carts',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    items: jsonb('items').$type<{ productId: string; variantId: string | null; quantity: number }[]>().notNull(),
    /** When this cart got its first item (since the last order or emptying). */
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** The last change the Mini App reported. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When the one reminder for this cart was enqueued; null: not yet. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  // The reminder job looks for carts not reminded yet and quiet since the cut-off.
  (t) => [
    index('carts_due_idx')
      .on(t.updatedAt)
      .where(sql`reminded_at is null`),
  ],
);

/**
 * "Notify me" on a sold-out variant: one row per customer and variant, consumed (deleted) in the same
 * statement that enqueues its one `back_in_stock` message once the variant is on sale again.
 */
export const stockAlerts = pgTable(
  'stock_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('stock_alerts_customer_variant_unique').on(t.customerId, t.variantId), index('stock_alerts_variant_idx').on(t.variantId)],
);

/** The shop's own settings, one JSON document per key (edited by the merchant in the admin screens). */
export const shopSettings = pgTable('shop_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A signed-in web visitor's session (cookie holds the id and a secret; only its hash is stored). */
export const webSessions = pgTable(
  'web_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    method: text('method', { enum: ['telegram', 'ton'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('web_sessions_customer_idx').on(t.customerId)],
);

/** ton_proof payloads the server issued: single use, short-lived. */
export const tonProofPayloads = pgTable(
  'ton_proof_payloads',
  {
    payload: text('payload').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  // Issuing a payload (open to anyone) first forgets long-expired ones: a range on this index, not a scan.
  (t) => [index('ton_proof_payloads_expires_idx').on(t.expiresAt)],
);

/** Uploaded images when the BlobStore is the database (platforms without a file system or bucket). */
export const blobs = pgTable('blobs', {
  key: text('key').primaryKey(),
  contentType: text('content_type').notNull(),
  bytes: text('bytes_base64').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * The catalog's version, as the sum of `version` over a few shards: every transaction that writes
 * categories, products or variants (an admin edit, an order's stock, an expiry's release) adds 1 to one
 * shard at its commit, by a trigger (migration 0006), so no writer can forget it. Shards keep orders for
 * different products from queueing on one row. The catalog routes compare it to their snapshot's.
 */
export const catalogVersion = pgTable('catalog_version', {
  shard: smallint('shard').primaryKey(),
  version: bigint('version', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
});

export const schema = {
  catalogVersion,
  categories,
  products,
  productVariants,
  digitalContents,
  licenseKeys,
  promoCodes,
  promoCodeUses,
  customerAddresses,
  customers,
  orders,
  orderItems,
  orderQuotes,
  paymentSubmissions,
  payments,
  refunds,
  starPayments,
  starTransactionCursors,
  chainCursors,
  telegramUpdates,
  pushSubscriptions,
  outboxMessages,
  announcements,
  carts,
  stockAlerts,
  shopSettings,
  webSessions,
  tonProofPayloads,
  blobs,
};
export type Schema = typeof schema;

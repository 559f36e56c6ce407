import { and, asc, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { readShopSettings } from '../../core/admin/shop-settings';
import { variantPrice } from '../../core/catalog/variants';
import { planCheckout } from '../../core/checkout/plan-checkout';
import type { DeliveryAddress } from '../../core/delivery/delivery-details';
import { DELIVERY_SETTINGS_KEY, readDeliverySettings } from '../../core/delivery/delivery-methods';
import { checkCustomerOrderLimits, CUSTOMER_ORDER_LIMITS } from '../../core/orders/customer-order-limits';
import { ProductNotFoundError, VariantRequiredError } from '../../core/orders/errors';
import { makeOrderCode } from '../../core/orders/order-code';
import { planTransition, statusesAllowing } from '../../core/orders/order-lifecycle';
import { orderExpiresAt, type Order } from '../../core/orders/order';
import type { CheckoutInput, OrderItemRequest, OrderRepo } from '../../core/orders/order-repo';
import { normalizeRequestedItems, priceOrder, type PricedLine, type RequestedItem, type VariantForPricing } from '../../core/orders/price-order';
import { normalizePromoCode } from '../../core/promotions/promo-code';
import type { Db, DbExecutor } from './connect';
import { reserveKeys } from './license-key-store';
import { clearCart } from './cart-repo';
import { applyTransition } from './order-transitions';
import { isUniqueViolation } from './pg-errors';
import { toPromoCode } from './promo-code-rows';
import { customerAddresses, customers, digitalContents, orderItems, orderQuotes, orders, productVariants, products, promoCodes, promoCodeUses } from './schema';
import type { AssetQuote } from '../../core/pricing/quote-order';
import { readSettings } from './settings-repo';

// An order the customer can still pay: what the open-order limit counts.
const OPEN_STATUSES = statusesAllowing('submit_payment');

/** Orders over Postgres: the one place where stock is reserved and released. */
export function createOrderRepo(db: Db): OrderRepo {
  return {
    async createOrder(input) {
      const { customerId, now, ttlSeconds } = input;
      // A fresh code is drawn on the (astronomically rare) collision with an existing one.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(async (tx) => {
            // Round trips are what an order costs (bench/orders-floor.bench.ts), and those after the
            // variants are locked are what other checkouts of the same products wait for. Statements
            // that do not need each other's answers are sent together: one connection runs them one
            // after another, in the order sent (postgres.js pipelines; PGlite and pg queue), so the
            // customer's row is locked before their orders are counted, and the order before its lines.
            const [, settings] = await Promise.all([checkLimits(tx, customerId, now), readCheckoutSettings(tx)]);
            const { priced, plan, keyBacked } = await priceCheckout(tx, input, { lock: true, settings });

            // The id is made here so that the order and its lines go in one round trip with the stock.
            const orderId = crypto.randomUUID();
            const expiresAt = orderExpiresAt(now, ttlSeconds);
            // Pure arithmetic on rates taken before the transaction (core/pricing/checkout-quotes.ts).
            const quotes = input.quote ? await input.quote({ totalMinor: plan.totals.totalMinor, lockedUntil: expiresAt }) : [];
            const [, [order], lines] = await Promise.all([
              reserveVariants(tx, priced.lines, now),
              tx
                .insert(orders)
                .values({
                  id: orderId,
                  code: makeOrderCode(crypto.getRandomValues(new Uint8Array(32))),
                  customerId,
                  status: 'pending',
                  currency: priced.currency,
                  ...plan.totals,
                  delivery: plan.delivery,
                  note: input.checkout?.note?.trim() ?? '',
                  promoCodeId: plan.promo?.id ?? null,
                  promoCode: plan.promo?.code ?? null,
                  createdAt: now,
                  expiresAt,
                  updatedAt: now,
                })
                .returning(),
              tx
                .insert(orderItems)
                .values(priced.lines.map((line, position) => ({ ...toItemRow(line), orderId, position })))
                .returning(),
              // The cart became this order: it is no longer abandoned, and the next one is a new cart.
              clearCart(tx, customerId),
            ]);
            // License keys of key-backed lines, reserved with the order (after its row, which they name); a
            // round trip only orders with such lines make.
            const keyLines = priced.lines.filter((line) => keyBacked.has(line.variantId));
            if (keyLines.length > 0) await reserveKeys(tx, orderId, keyLines, now);
            if (!order) throw new Error('order insert returned no row');
            const quoteRows =
              quotes.length > 0
                ? await tx
                    .insert(orderQuotes)
                    .values(quotes.map((q) => toQuoteRow(orderId, q)))
                    .returning()
                : [];
            if (plan.promo)
              await tx.insert(promoCodeUses).values({ promoCodeId: plan.promo.id, orderId: order.id, customerId, status: 'held', createdAt: now });
            if (input.checkout?.saveAddress && plan.delivery?.kind === 'shipping' && plan.delivery.address) {
              await saveAddress(tx, customerId, plan.delivery.address, now);
            }
            return toOrder(order, lines, quoteRows);
          });
        } catch (error) {
          if (attempt < 3 && isUniqueViolation(error, 'orders_code_unique')) continue;
          throw error;
        }
      }
    },

    async quoteOrder(input) {
      const { priced, plan } = await priceCheckout(db, input, { lock: false, settings: await readCheckoutSettings(db) });
      return { lines: priced.lines, ...plan };
    },

    async listCustomerOrders(customerId, limit) {
      const rows = await db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.createdAt), desc(orders.id)).limit(limit);
      return withItems(db, rows);
    },

    async findCustomerOrder(customerId, orderId) {
      const rows = await db
        .select()
        .from(orders)
        .where(and(eq(orders.id, orderId), eq(orders.customerId, customerId)))
        .limit(1);
      const [order] = await withItems(db, rows);
      return order ?? null;
    },

    async hasOrdersDue(before) {
      const [row] = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(inArray(orders.status, statusesAllowing('expire')), lte(orders.expiresAt, before)))
        .limit(1);
      return row !== undefined;
    },

    async expireDueOrders({ cutoff, now }) {
      return db.transaction(async (tx) => {
        // Rows another sweep (or a payment) holds are skipped, not waited for; the status condition in
        // applyTransition makes overlapping sweeps put stock back exactly once.
        let expired: string[] = [];
        for (const from of statusesAllowing('expire')) {
          const due = await tx
            .select({ id: orders.id })
            .from(orders)
            .where(and(eq(orders.status, from), lte(orders.expiresAt, cutoff)))
            .orderBy(asc(orders.id))
            .for('update', { skipLocked: true });
          expired = expired.concat(
            await applyTransition(
              tx,
              due.map((row) => row.id),
              planTransition(from, 'expire'),
              { now },
            ),
          );
        }
        return expired;
      });
    },
  };
}

/**
 * The customer's limits (customer-order-limits.ts), read with the customer's row locked so that one
 * customer's parallel checkouts are counted one after another.
 */
async function checkLimits(tx: DbExecutor, customerId: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - CUSTOMER_ORDER_LIMITS.windowSeconds * 1000);
  // Sent together, run in this order on the transaction's connection: the count waits for the lock.
  const [, rows] = await Promise.all([
    tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update'),
    tx
      .select({ status: orders.status, createdAt: orders.createdAt, expiresAt: orders.expiresAt })
      .from(orders)
      .where(and(eq(orders.customerId, customerId), or(inArray(orders.status, OPEN_STATUSES), gt(orders.createdAt, windowStart)))),
  ]);
  checkCustomerOrderLimits({
    openOrderExpiries: rows.filter((row) => OPEN_STATUSES.includes(row.status)).map((row) => row.expiresAt),
    recentCreatedAt: rows.map((row) => row.createdAt),
    now,
  });
}

/** Loads the lines of the given order rows and assembles the orders. */
export async function withItems(db: DbExecutor, rows: (typeof orders.$inferSelect)[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [items, quotes] = await Promise.all([
    db.select().from(orderItems).where(inArray(orderItems.orderId, ids)).orderBy(asc(orderItems.orderId), asc(orderItems.position)),
    db.select().from(orderQuotes).where(inArray(orderQuotes.orderId, ids)).orderBy(asc(orderQuotes.orderId), asc(orderQuotes.asset)),
  ]);
  return rows.map((row) =>
    toOrder(
      row,
      items.filter((item) => item.orderId === row.id),
      quotes.filter((quote) => quote.orderId === row.id),
    ),
  );
}

function toQuoteRow(orderId: string, quote: AssetQuote): typeof orderQuotes.$inferInsert {
  return {
    orderId,
    asset: quote.asset,
    amount: quote.amount,
    rate: quote.rate,
    source: quote.source,
    fetchedAt: new Date(quote.fetchedAt),
    lockedUntil: new Date(quote.lockedUntil),
  };
}

function toQuote(row: typeof orderQuotes.$inferSelect): AssetQuote {
  return {
    asset: row.asset,
    amount: row.amount,
    rate: row.rate,
    source: row.source,
    fetchedAt: row.fetchedAt.getTime(),
    lockedUntil: row.lockedUntil.getTime(),
  };
}

function toOrder(row: typeof orders.$inferSelect, items: (typeof orderItems.$inferSelect)[], quotes: (typeof orderQuotes.$inferSelect)[]): Order {
  return {
    id: row.id,
    code: row.code,
    customerId: row.customerId,
    status: row.status,
    currency: row.currency,
    items: [...items]
      .sort((a, b) => a.position - b.position)
      .map((item) => ({
        productId: item.productId,
        variantId: item.variantId,
        slug: item.slug,
        title: item.title,
        variantLabel: item.variantLabel,
        sku: item.sku,
        unitPriceMinor: item.unitPriceMinor,
        quantity: item.quantity,
        lineTotalMinor: item.lineTotalMinor,
      })),
    subtotalMinor: row.subtotalMinor,
    discountMinor: row.discountMinor,
    deliveryFeeMinor: row.deliveryFeeMinor,
    totalMinor: row.totalMinor,
    delivery: row.delivery,
    note: row.note,
    promoCode: row.promoCode,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    updatedAt: row.updatedAt,
    paidAt: row.paidAt,
    quotes: quotes.map(toQuote).sort((a, b) => a.asset.localeCompare(b.asset)),
  };
}

function toItemRow(line: PricedLine) {
  return {
    productId: line.productId,
    variantId: line.variantId,
    slug: line.slug,
    title: line.title,
    variantLabel: line.variantLabel,
    sku: line.sku,
    unitPriceMinor: line.unitPriceMinor,
    quantity: line.quantity,
    lineTotalMinor: line.lineTotalMinor,
  };
}

/**
 * Prices the items and plans the rest of the checkout (core/checkout/plan-checkout.ts) from the database:
 * the variants and their products, the promo code and its uses, the shop's delivery settings. With
 * `lock`, inside the order's transaction, the variants' rows and the code's row are locked (in that order,
 * variants by id): concurrent buyers of the same variant, or users of the same code, queue here, and a fixed
 * order means two checkouts cannot deadlock.
 */
/**
 * The settings a checkout reads, in one statement, before the variants are locked: they are not locked
 * themselves (an edit racing a checkout applies to it or not, either way one whole version), and every
 * statement after the lock is time other checkouts of the same products wait (#14).
 */
function readCheckoutSettings(tx: DbExecutor) {
  return readSettings(tx, ['shop', DELIVERY_SETTINGS_KEY]);
}

async function priceCheckout(
  tx: DbExecutor,
  input: CheckoutInput,
  { lock, settings }: { lock: boolean; settings: Awaited<ReturnType<typeof readCheckoutSettings>> },
) {
  const requested = normalizeRequestedItems(await resolveItems(tx, input.items));
  const variantIds = requested.map((item) => item.variantId);
  const query = tx
    .select({
      variant: productVariants,
      product: products,
      // Sold from a pool of license keys (core/digital): the order reserves its keys too.
      keyBacked: sql<boolean>`exists (select 1 from ${digitalContents} where ${digitalContents.productId} = ${products.id} and ${digitalContents.kind} = 'license_keys')`,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(inArray(productVariants.id, variantIds))
    .orderBy(asc(productVariants.id));
  const rows = lock ? await query.for('update', { of: productVariants }) : await query;
  const byId = new Map<string, VariantForPricing>(rows.map(({ variant, product }) => [variant.id, forPricing(product, variant)]));
  const priced = priceOrder(requested, byId, input.currency);
  const keyBacked = new Set(rows.filter((row) => row.keyBacked === true || String(row.keyBacked) === 'true').map((row) => row.variant.id));

  const code = input.checkout?.promoCode?.trim();
  const promo = code ? await findPromo(tx, normalizePromoCode(code), input.customerId, lock) : undefined;
  const shop = readShopSettings(settings.shop, '');
  const plan = planCheckout({
    priced,
    ...(promo !== undefined && { promo }),
    deliverySettings: readDeliverySettings(settings[DELIVERY_SETTINGS_KEY]),
    delivery: input.checkout?.delivery,
    now: input.now,
    defaultCountry: shop.country || undefined,
  });
  return { priced, plan, keyBacked };
}

function forPricing(product: typeof products.$inferSelect, variant: typeof productVariants.$inferSelect): VariantForPricing {
  return {
    variantId: variant.id,
    productId: product.id,
    slug: product.slug,
    title: product.title,
    kind: product.kind,
    categoryId: product.categoryId,
    optionValues: variant.optionValues,
    sku: variant.sku,
    unitPriceMinor: variantPrice(product.priceMinor, variant),
    currency: product.currency,
    stock: variant.stock,
    active: product.active && variant.active,
  };
}

/**
 * The variant each requested item names. An item may name a product instead (a cart saved before
 * products had options, an older client): that is its one variant when it has exactly the default one.
 */
async function resolveItems(tx: DbExecutor, items: readonly OrderItemRequest[]): Promise<RequestedItem[]> {
  const byProduct = items.filter((item) => !item.variantId && item.productId).map((item) => item.productId!);
  const defaults = new Map<string, { id: string; optionValues: string[] }[]>();
  if (byProduct.length > 0) {
    const rows = await tx
      .select({ id: productVariants.id, productId: productVariants.productId, optionValues: productVariants.optionValues, title: products.title })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(inArray(productVariants.productId, byProduct));
    for (const row of rows) defaults.set(row.productId, [...(defaults.get(row.productId) ?? []), row]);
  }
  return items.map((item) => {
    if (item.variantId) return { variantId: item.variantId, quantity: item.quantity };
    const variants = defaults.get(item.productId ?? '') ?? [];
    if (variants.length === 0) throw new ProductNotFoundError(item.productId ?? '');
    const [only] = variants;
    if (variants.length > 1 || !only || only.optionValues.length > 0) throw new VariantRequiredError(item.productId ?? '');
    return { variantId: only.id, quantity: item.quantity };
  });
}

/**
 * Takes the lines' units off the shelf, all in one statement (one round trip while the rows are locked).
 * The rows were locked by priceCheckout, in id order, so this takes no new lock and cannot deadlock.
 */
async function reserveVariants(tx: DbExecutor, lines: readonly PricedLine[], now: Date): Promise<void> {
  const taken = new Map<string, number>();
  for (const line of lines) taken.set(line.variantId, (taken.get(line.variantId) ?? 0) + line.quantity);
  if (taken.size === 0) return;
  const values = sql.join(
    [...taken].map(([id, quantity]) => sql`(${id}::uuid, ${quantity}::integer)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${productVariants} set "stock" = ${productVariants.stock} - "taken"."quantity", "updated_at" = ${now.toISOString()}::timestamptz from (values ${values}) as "taken"("id", "quantity") where ${productVariants.id} = "taken"."id"`,
  );
}

/** The code and its uses so far (held by open orders or kept by paid ones); null when there is no such code. */
async function findPromo(tx: DbExecutor, code: string, customerId: string, lock: boolean) {
  const query = tx.select().from(promoCodes).where(eq(promoCodes.code, code));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const [uses] = await tx
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      mine: sql<number>`count(*) filter (where ${promoCodeUses.customerId} = ${customerId})`.mapWith(Number),
    })
    .from(promoCodeUses)
    .where(and(eq(promoCodeUses.promoCodeId, row.id), inArray(promoCodeUses.status, ['held', 'used'])));
  return { code: toPromoCode(row), usesTotal: uses?.total ?? 0, usesByCustomer: uses?.mine ?? 0 };
}

/** Keeps the address for the customer's next checkout: the newest first, at most MAX_SAVED_ADDRESSES. */
async function saveAddress(tx: DbExecutor, customerId: string, address: DeliveryAddress, now: Date): Promise<void> {
  await tx
    .insert(customerAddresses)
    .values({ customerId, address, lastUsedAt: now })
    .onConflictDoUpdate({ target: [customerAddresses.customerId, customerAddresses.address], set: { lastUsedAt: now } });
  await tx.execute(sql`delete from ${customerAddresses} where ${customerAddresses.customerId} = ${customerId} and ${customerAddresses.id} not in (
    select id from ${customerAddresses} where ${customerAddresses.customerId} = ${customerId} order by ${customerAddresses.lastUsedAt} desc limit ${MAX_SAVED_ADDRESSES})`);
}

const MAX_SAVED_ADDRESSES = 5;

import { asc, eq, inArray } from 'drizzle-orm';
import { listTranslatedTitles } from '../../core/catalog/localize-product';
import type { OutboxKind } from '../../core/notifications/outbox';
import type { NotifiedOrder, OutboxMessage } from '../../core/notifications/outbox-message';
import type { DbExecutor } from './connect';
import { loadDigitalDeliveries } from './digital-deliveries';
import { carts, customers, orderItems, orders, type outboxMessages, products, pushSubscriptions } from './schema';
import { readSetting } from './settings-repo';

type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * Loads what claimed outbox rows need to be rendered, from the current data, in a fixed number of queries
 * whatever the batch size: their orders with lines, customers and translated titles, the recipients'
 * languages, the browsers' push subscriptions, and the shop's default language for merchant chats.
 */
export async function loadOutboxMessages(db: DbExecutor, rows: readonly OutboxRow[]): Promise<OutboxMessage[]> {
  if (rows.length === 0) return [];
  const orderIds = unique(rows.map((row) => row.orderId).filter((id): id is string => id !== null));
  const ordersById = await loadOrders(db, orderIds);
  const chatIds = unique(rows.flatMap((row) => (row.kind !== 'order_paid_merchant' && row.chatId !== null ? [row.chatId] : [])));
  const languageByChat = new Map(
    chatIds.length === 0
      ? []
      : (
          await db
            .select({ telegramId: customers.telegramId, languageCode: customers.languageCode, optedOutAt: customers.marketingOptedOutAt })
            .from(customers)
            .where(inArray(customers.telegramId, chatIds))
        ).map((row) => [row.telegramId!, row] as const),
  );
  const subscriptionIds = unique(rows.flatMap((row) => (row.pushSubscriptionId ? [row.pushSubscriptionId] : [])));
  const subscriptionById = new Map(
    subscriptionIds.length === 0
      ? []
      : (
          await db
            .select({ subscription: pushSubscriptions, languageCode: customers.languageCode, optedOutAt: customers.marketingOptedOutAt })
            .from(pushSubscriptions)
            .innerJoin(customers, eq(customers.id, pushSubscriptions.customerId))
            .where(inArray(pushSubscriptions.id, subscriptionIds))
        ).map((row) => [row.subscription.id, row] as const),
  );
  const deliveries = await loadDigitalDeliveries(
    db,
    rows.filter((row) => row.kind === 'digital_delivery' && row.orderId).map((row) => row.orderId!),
  );
  const openCarts = await loadOpenCarts(db, rows);
  const merchantLanguage = rows.some((row) => row.kind === 'order_paid_merchant') ? await readShopDefaultLanguage(db) : null;

  return rows.map((row): OutboxMessage => {
    const common = {
      id: row.id,
      orderId: row.orderId,
      payload: row.payload,
      attempts: row.attempts,
      leaseUntil: row.lockedUntil!,
      order: row.orderId ? (ordersById.get(row.orderId) ?? null) : null,
    };
    if (row.kind === 'web_push' || row.chatId === null) {
      // A subscription deleted since (its browser let it go) leaves the row with none: it is skipped.
      const found = row.pushSubscriptionId ? subscriptionById.get(row.pushSubscriptionId) : undefined;
      return {
        ...common,
        kind: 'web_push',
        chatId: null,
        push: found
          ? { id: found.subscription.id, endpoint: found.subscription.endpoint, keys: { p256dh: found.subscription.p256dh, auth: found.subscription.auth } }
          : null,
        languageCode: found?.subscription.languageCode ?? found?.languageCode ?? null,
        marketingOptedOut: found?.optedOutAt != null,
      };
    }
    return {
      ...common,
      // Unknown kinds (written by a newer version) fail at rendering, with the reason kept on the row.
      kind: row.kind as Exclude<OutboxKind, 'web_push'>,
      chatId: row.chatId,
      languageCode: row.kind === 'order_paid_merchant' ? merchantLanguage : (languageByChat.get(row.chatId)?.languageCode ?? null),
      marketingOptedOut: languageByChat.get(row.chatId)?.optedOutAt != null,
      ...(row.kind === 'digital_delivery' && { digital: deliveries.get(`${row.orderId}:${String(row.payload.productId)}`) ?? null }),
      ...(row.kind === 'abandoned_cart' && { cartStillOpen: openCarts.has(cartKey(row.payload.customerId, row.payload.startedAt)) }),
    };
  });
}

/**
 * The carts that cart reminders in `rows` name, still there as they were (the same start): an order or
 * emptying deletes a cart, and a new cart starts later. Keys from {@link cartKey}.
 */
async function loadOpenCarts(db: DbExecutor, rows: readonly OutboxRow[]): Promise<Set<string>> {
  const customerIds = unique(
    rows
      .filter((row) => row.kind === 'abandoned_cart')
      .map((row) => row.payload.customerId)
      .filter((id) => typeof id === 'string'),
  );
  if (customerIds.length === 0) return new Set();
  const open = await db.select({ customerId: carts.customerId, startedAt: carts.startedAt }).from(carts).where(inArray(carts.customerId, customerIds));
  return new Set(open.map((cart) => cartKey(cart.customerId, cart.startedAt.toISOString())));
}

function cartKey(customerId: unknown, startedAt: unknown): string {
  return `${String(customerId)} ${String(startedAt)}`;
}

/** The merchant's language for chats with the shop: shop settings `shop.defaultLanguage`, if set. */
async function readShopDefaultLanguage(db: DbExecutor): Promise<string | null> {
  const value = (await readSetting(db, 'shop')) as { defaultLanguage?: unknown } | null | undefined;
  return typeof value?.defaultLanguage === 'string' ? value.defaultLanguage : null;
}

async function loadOrders(db: DbExecutor, orderIds: string[]): Promise<Map<string, NotifiedOrder>> {
  if (orderIds.length === 0) return new Map();
  const orderRows = await db
    .select({ order: orders, customer: customers })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(inArray(orders.id, orderIds));
  const lines = await db
    .select({ item: orderItems, translations: products.translations })
    .from(orderItems)
    .leftJoin(products, eq(products.id, orderItems.productId))
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(orderItems.orderId), asc(orderItems.position));
  return new Map(
    orderRows.map(({ order, customer }) => [
      order.id,
      {
        id: order.id,
        code: order.code,
        status: order.status,
        currency: order.currency,
        subtotalMinor: order.subtotalMinor,
        discountMinor: order.discountMinor,
        deliveryFeeMinor: order.deliveryFeeMinor,
        totalMinor: order.totalMinor,
        delivery: order.delivery,
        note: order.note,
        expiresAt: order.expiresAt,
        items: lines
          .filter(({ item }) => item.orderId === order.id)
          .map(({ item, translations }) => ({
            title: item.title,
            variantLabel: item.variantLabel,
            quantity: item.quantity,
            lineTotalMinor: item.lineTotalMinor,
            titles: listTranslatedTitles(translations),
          })),
        customer: { telegramId: customer.telegramId, firstName: customer.firstName, lastName: customer.lastName, username: customer.username },
      },
    ]),
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

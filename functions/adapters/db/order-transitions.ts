import type { MessengerId } from '../../core/messenger/messenger-id';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { MAX_STOCK } from '../../core/catalog/product-limits';
import { digitalDeliveryEntries } from '../../core/digital/delivery-entries';
import { orderPaidEntries } from '../../core/notifications/order-paid-entries';
import type { OrderEffect, OrderTransition } from '../../core/orders/order-lifecycle';
import type { DbExecutor } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { releaseKeys, reserveKeysAgain, revokeKeys, sellKeys } from './license-key-store';
import { enqueuePushForOrder } from './push-enqueue';
import { customers, digitalContents, orderItems, orders, products, productVariants, promoCodeUses } from './schema';

export interface TransitionContext {
  now: Date;
  /** MERCHANT_CHAT_IDS: who hears of a paid order besides the customer. */
  merchantChatIds?: readonly MessengerId[];
}

/**
 * Carries out a transition the order lifecycle planned (functions/core/orders/order-lifecycle.ts) for
 * the given orders, inside the caller's transaction, with the orders' rows locked by the caller: the new
 * status, then each effect. Decides nothing: whether the move is allowed was the lifecycle's call.
 * Returns the ids whose status actually moved (a row no longer in `from` is left alone).
 */
export async function applyTransition(tx: DbExecutor, orderIds: readonly string[], transition: OrderTransition, context: TransitionContext): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const { now } = context;
  const moved = await tx
    .update(orders)
    .set({ status: transition.to, updatedAt: now, ...(transition.to === 'paid' && { paidAt: now }) })
    .where(and(inArray(orders.id, [...orderIds]), eq(orders.status, transition.from)))
    .returning({ id: orders.id });
  const ids = moved.map((row) => row.id);
  for (const effect of transition.effects) await runEffect(tx, effect, ids, transition, context);
  return ids;
}

async function runEffect(tx: DbExecutor, effect: OrderEffect, ids: string[], transition: OrderTransition, context: TransitionContext): Promise<void> {
  if (ids.length === 0) return;
  switch (effect) {
    case 'release_stock':
      return releaseStock(tx, ids, context.now);
    case 'reserve_stock':
      return reserveStock(tx, ids, context.now);
    case 'release_code_use':
      await tx.update(promoCodeUses).set({ status: 'released' }).where(inArray(promoCodeUses.orderId, ids));
      return;
    case 'keep_code_use':
      // A paid order keeps its discount: the use counts for good, even one freed while it had expired.
      await tx.update(promoCodeUses).set({ status: 'used' }).where(inArray(promoCodeUses.orderId, ids));
      return;
    case 'announce_paid': {
      for (const { orderId, telegramId } of await customerChats(tx, ids)) {
        await enqueueOutbox(tx, orderPaidEntries({ orderId, customerTelegramId: telegramId, merchantChatIds: context.merchantChatIds ?? [] }), context.now);
        // And to each browser the customer turned Web Push on in (a wallet customer has no other way to hear).
        await enqueuePushForOrder(tx, { orderId, dedupeKey: `order_paid:customer:${orderId}`, payload: { about: 'order_paid' }, now: context.now });
      }
      return;
    }
    case 'deliver_digital': {
      await sellKeys(tx, ids, context.now);
      const lines = await digitalLines(tx, ids);
      for (const { orderId, telegramId } of await customerChats(tx, ids)) {
        const productIds = lines.filter((line) => line.orderId === orderId).map((line) => line.productId);
        await enqueueOutbox(tx, digitalDeliveryEntries({ orderId, customerTelegramId: telegramId, productIds }), context.now);
      }
      return;
    }
    case 'revoke_digital':
      return revokeKeys(tx, ids, context.now);
    case 'notify_customer': {
      const status = transition.to;
      for (const { orderId, telegramId } of await customerChats(tx, ids)) {
        const dedupeKey = `order_status:${orderId}:${status}`;
        await enqueuePushForOrder(tx, { orderId, dedupeKey, payload: { about: 'order_status', status }, now: context.now });
        // A customer who signed in on the web with a wallet only has no Telegram chat to tell.
        if (telegramId === null) continue;
        await enqueueOutbox(tx, [{ kind: 'order_status_customer', dedupeKey, chatId: telegramId, orderId, payload: { status } }], context.now);
      }
      return;
    }
  }
}

async function customerChats(tx: DbExecutor, orderIds: string[]) {
  return tx
    .select({ orderId: orders.id, telegramId: customers.telegramId })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(inArray(orders.id, orderIds));
}

/** The orders' lines whose product is digital and has its content set: what deliver_digital hands over. */
function digitalLines(tx: DbExecutor, orderIds: string[]) {
  return tx
    .selectDistinct({ orderId: orderItems.orderId, productId: orderItems.productId })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .innerJoin(digitalContents, eq(digitalContents.productId, orderItems.productId))
    .where(and(inArray(orderItems.orderId, orderIds), eq(products.kind, 'digital')));
}

/** The units the orders hold, summed per variant, in variant id order (the order stock rows are locked in). */
function unitsOf(tx: DbExecutor, orderIds: string[]) {
  return tx
    .select({ variantId: orderItems.variantId, quantity: sql<string>`sum(${orderItems.quantity})`.mapWith(Number) })
    .from(orderItems)
    .where(inArray(orderItems.orderId, orderIds))
    .groupBy(orderItems.variantId)
    .orderBy(asc(orderItems.variantId));
}

/**
 * Puts the orders' units back on the shelf, variant by variant in id order (the order every writer locks
 * products in, so no two transactions deadlock). Saturates at MAX_STOCK: a merchant who filled the shelf
 * to the bound while units were reserved loses nothing sellable, and the column never overflows.
 */
export async function releaseStock(tx: DbExecutor, orderIds: string[], now: Date): Promise<void> {
  const units = await unitsOf(tx, orderIds);
  for (const { variantId, quantity } of units) {
    await tx
      .update(productVariants)
      .set({ stock: sql`least(${productVariants.stock} + ${quantity}, ${MAX_STOCK})`, updatedAt: now })
      .where(eq(productVariants.id, variantId));
  }
  // License keys: reserved ones back in the pool, sold ones revoked; their variants' stock follows the pool.
  await releaseKeys(
    tx,
    orderIds,
    units.map((unit) => unit.variantId),
    now,
  );
}

/** Takes the orders' units off the shelf again. The CHECK on stock refuses to go below zero. */
async function reserveStock(tx: DbExecutor, orderIds: string[], now: Date): Promise<void> {
  for (const { variantId, quantity } of await unitsOf(tx, orderIds)) {
    await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} - ${quantity}`, updatedAt: now })
      .where(eq(productVariants.id, variantId));
  }
  await reserveKeysAgain(tx, orderIds, now);
}

/**
 * Whether every unit the order holds is on the shelf now, with those variants' rows locked (in id order)
 * until the caller's transaction ends: what paying an expired order needs to know before it takes them.
 */
export async function lockStockAvailable(tx: DbExecutor, orderId: string): Promise<boolean> {
  const units = await unitsOf(tx, [orderId]);
  if (units.length === 0) return false;
  const rows = await tx
    .select({ id: productVariants.id, stock: productVariants.stock })
    .from(productVariants)
    .where(
      inArray(
        productVariants.id,
        units.map((u) => u.variantId),
      ),
    )
    .orderBy(asc(productVariants.id))
    .for('update');
  const stockById = new Map(rows.map((row) => [row.id, row.stock]));
  return units.every((unit) => (stockById.get(unit.variantId) ?? 0) >= unit.quantity);
}

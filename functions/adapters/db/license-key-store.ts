import { and, eq, inArray, sql } from 'drizzle-orm';
import { keyStatusesFor, keysCoverOrder, nextKeyStatus } from '../../core/digital/license-key-pool';
import { OutOfStockError } from '../../core/orders/errors';
import type { DbExecutor } from './connect';
import { rowsOf } from './result-rows';
import { licenseKeys, orderItems, productVariants } from './schema';

// License keys inside the transactions that move orders (order-repo.ts, order-transitions.ts). Every
// function here runs with the variants' rows already locked by the caller (the checkout's FOR UPDATE, or
// the stock update of a transition), in variant id order, so key rows are always locked after variant
// rows and no two transactions deadlock. A variant's `stock` is its available keys: each function that
// moves keys out of or into `available` leaves the two equal.

/**
 * Reserves, for a new order (or an expired one paid in time), as many available keys of each key-backed
 * variant as its lines ask for: `FOR UPDATE SKIP LOCKED`, so a buyer never waits on a key another buyer
 * is taking, and a key is handed to exactly one order. Key-backed: the product's digital content is
 * `license_keys`. Lines of other variants take none. Throws OutOfStockError when the pool had fewer keys
 * than the stock said (the transaction then rolls back and nothing is sold without a key).
 */
export async function reserveKeys(tx: DbExecutor, orderId: string, lines: readonly { variantId: string; quantity: number }[], now: Date): Promise<void> {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.variantId, (wanted.get(line.variantId) ?? 0) + line.quantity);
  if (wanted.size === 0) return;
  const values = sql.join(
    [...wanted].map(([id, quantity]) => sql`(${id}::uuid, ${quantity}::integer)`),
    sql`, `,
  );
  // One statement: which variants are key-backed, the keys picked for each, their reservation, and the count.
  const rows = rowsOf<{ variant_id: string; quantity: number; taken: number; product_id: string; title: string }>(
    await tx.execute(sql`
      with wanted(variant_id, quantity) as (values ${values}),
      backed as (
        select w.variant_id, w.quantity, v.product_id, p.title from wanted w
        join product_variants v on v.id = w.variant_id
        join products p on p.id = v.product_id
        join digital_contents d on d.product_id = v.product_id and d.kind = 'license_keys'
      ),
      picked as (
        select k.id from backed b cross join lateral (
          select id from license_keys
          where variant_id = b.variant_id and status = 'available'
          order by created_at, id
          limit b.quantity
          for update skip locked
        ) k
      ),
      reserved as (
        update license_keys set status = 'reserved', order_id = ${orderId}::uuid, updated_at = ${now.toISOString()}::timestamptz
        from picked where license_keys.id = picked.id
        returning license_keys.variant_id
      )
      select b.variant_id, b.quantity, b.product_id, b.title, (select count(*) from reserved r where r.variant_id = b.variant_id)::integer as taken
      from backed b`),
  );
  const backed = new Map(rows.map((row) => [row.variant_id, Number(row.quantity)]));
  const taken = new Map(rows.map((row) => [row.variant_id, Number(row.taken)]));
  if (!keysCoverOrder(backed, taken)) {
    const short = rows.find((row) => Number(row.taken) !== Number(row.quantity))!;
    throw new OutOfStockError(short.product_id, short.title, Number(short.taken));
  }
}

/**
 * The orders' keys after they expired or were cancelled: a reserved key goes back to the pool (the
 * customer never saw it), a sold one is revoked (they did). Then each touched variant's stock is set to
 * its available keys (releaseStock put the order's units back already; revoked keys are not among them).
 */
export async function releaseKeys(tx: DbExecutor, orderIds: readonly string[], variantIds: readonly string[], now: Date): Promise<void> {
  if (orderIds.length === 0) return;
  await moveKeys(tx, orderIds, 'release', now);
  await moveKeys(tx, orderIds, 'revoke', now, ['sold']);
  // Every variant the orders held, not only those whose keys moved: an order placed before its product
  // was switched to keys held stock without keys, and the pool is the count either way.
  await syncKeyStock(tx, variantIds, now);
}

/** The orders are paid: their reserved keys are sold. */
export async function sellKeys(tx: DbExecutor, orderIds: readonly string[], now: Date): Promise<void> {
  if (orderIds.length > 0) await moveKeys(tx, orderIds, 'sell', now);
}

/** The orders were refunded: every key they hold is revoked, never back in the pool (stock unchanged). */
export async function revokeKeys(tx: DbExecutor, orderIds: readonly string[], now: Date): Promise<void> {
  if (orderIds.length > 0) await moveKeys(tx, orderIds, 'revoke', now);
}

/** Re-reserves keys for orders that gave theirs back on expiry and are now paid in time. */
export async function reserveKeysAgain(tx: DbExecutor, orderIds: readonly string[], now: Date): Promise<void> {
  for (const orderId of orderIds) {
    const lines = await tx.select({ variantId: orderItems.variantId, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, orderId));
    await reserveKeys(tx, orderId, lines, now);
  }
}

/** Sets each key-backed variant's stock to its available keys; variants of other products are left alone. */
export async function syncKeyStock(tx: DbExecutor, variantIds: readonly string[], now: Date): Promise<void> {
  if (variantIds.length === 0) return;
  const sorted = [...new Set(variantIds)].sort();
  await tx
    .update(productVariants)
    .set({
      stock: sql`(select count(*)::integer from ${licenseKeys} where ${licenseKeys.variantId} = ${productVariants.id} and ${licenseKeys.status} = 'available')`,
      updatedAt: now,
    })
    .where(
      and(
        inArray(productVariants.id, sorted),
        sql`exists (select 1 from digital_contents d where d.product_id = ${productVariants.productId} and d.kind = 'license_keys')`,
      ),
    );
}

/**
 * For a product sold from license keys, sets every variant's stock back to its available keys: whatever a
 * merchant's edit of the product or its variants wrote as stock, the pool is the count. One statement, a
 * no-op for any other product.
 */
export async function keepKeyStock(tx: DbExecutor, productId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    update ${productVariants} set stock = (select count(*)::integer from ${licenseKeys} k where k.variant_id = ${productVariants.id} and k.status = 'available'),
      updated_at = ${now.toISOString()}::timestamptz
    where ${productVariants.productId} = ${productId}::uuid
      and exists (select 1 from digital_contents d where d.product_id = ${productId}::uuid and d.kind = 'license_keys')`);
}

/**
 * Moves the orders' keys on `event` (from the statuses the pool's rules allow it, or only `from`), as
 * core/digital/license-key-pool.ts says; returns the variants touched.
 */
async function moveKeys(
  tx: DbExecutor,
  orderIds: readonly string[],
  event: 'release' | 'sell' | 'revoke',
  now: Date,
  from = keyStatusesFor(event),
): Promise<string[]> {
  const touched: string[] = [];
  for (const status of from) {
    const to = nextKeyStatus(status, event)!;
    const rows = await tx
      .update(licenseKeys)
      .set({ status: to, updatedAt: now, ...(to === 'available' && { orderId: null }) })
      .where(and(inArray(licenseKeys.orderId, [...orderIds]), eq(licenseKeys.status, status)))
      .returning({ variantId: licenseKeys.variantId });
    touched.push(...rows.map((row) => row.variantId));
  }
  return [...new Set(touched)];
}

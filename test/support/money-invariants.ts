import { eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../functions/adapters/db/connect';
import { orderItems, orders, payments, productVariants } from '../../functions/adapters/db/schema';
import { holdsStock, isPaid } from '../../functions/core/orders/order-lifecycle';
import type { ChainTransaction } from '../../functions/core/payments/chain-reader';
import { creditedValue } from '../../functions/core/payments/credited-value';

// The money path's invariants, read from the database: the property test checks them after every step,
// the fault suite after recovery. Each returns what breaks them (empty when they hold), so a failure
// names the variant, order or transaction.

/** A variant whose shelf plus what orders hold (reserved or sold) is not what it started with. */
export interface StockViolation {
  variantId: string;
  initial: number;
  onShelf: number;
  held: number;
}

/**
 * Stock conserved per variant: `initial = available + reserved + sold`. `initial` maps each variant
 * the check covers to its starting stock; every order holding any of them is counted.
 */
export async function stockViolations(db: DbExecutor, initial: ReadonlyMap<string, number>): Promise<StockViolation[]> {
  const variantIds = [...initial.keys()];
  if (variantIds.length === 0) return [];
  const shelf = await db.select({ id: productVariants.id, stock: productVariants.stock }).from(productVariants).where(inArray(productVariants.id, variantIds));
  const rows = await db
    .select({ variantId: orderItems.variantId, status: orders.status, quantity: orderItems.quantity })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(inArray(orderItems.variantId, variantIds));
  const held = new Map<string, number>();
  for (const row of rows) if (holdsStock(row.status)) held.set(row.variantId, (held.get(row.variantId) ?? 0) + row.quantity);
  const violations: StockViolation[] = [];
  for (const [variantId, start] of initial) {
    const onShelf = shelf.find((s) => s.id === variantId)?.stock ?? 0;
    const units = held.get(variantId) ?? 0;
    if (onShelf + units !== start || onShelf < 0) violations.push({ variantId, initial: start, onShelf, held: units });
  }
  return violations;
}

/** Units sold or reserved beyond the starting stock, over every variant checked (0 when none oversold). */
export function unitsOversold(violations: readonly StockViolation[]): number {
  return violations.reduce((sum, v) => sum + Math.max(0, v.held - v.initial) + Math.max(0, -v.onShelf), 0);
}

/** An order whose applied payments do not match its status. */
export interface PaymentViolation {
  orderId: string;
  status: string;
  applied: number;
}

/**
 * A paid order has exactly one applied payment; an order neither paid nor cancelled has none (an order
 * cannot be both paid and given its stock back). Over `orderIds`, or every order.
 */
export async function paymentViolations(db: DbExecutor, orderIds?: readonly string[]): Promise<PaymentViolation[]> {
  if (orderIds && orderIds.length === 0) return [];
  const rows = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(orderIds ? inArray(orders.id, [...orderIds]) : undefined);
  const counts = await db
    .select({ orderId: payments.orderId, applied: sql<number>`count(*)`.mapWith(Number) })
    .from(payments)
    .where(eq(payments.status, 'applied'))
    .groupBy(payments.orderId);
  const appliedTo = new Map(counts.map((c) => [c.orderId, c.applied]));
  return rows
    .map((row) => ({ orderId: row.id, status: row.status, applied: appliedTo.get(row.id) ?? 0 }))
    .filter((row) => (isPaid(row.status) ? row.applied !== 1 : row.status !== 'cancelled' && row.applied !== 0));
}

/** Transactions recorded as a payment more than once (the table's unique key forbids it; checked anyway). */
export async function doubleCredits(db: DbExecutor): Promise<{ txHash: string; rows: number }[]> {
  return db
    .select({ txHash: payments.txHash, rows: sql<number>`count(*)`.mapWith(Number) })
    .from(payments)
    .groupBy(payments.txHash)
    .having(sql`count(*) > 1`);
}

/**
 * Nothing of value unaccounted for: every transaction of `chainTxs` (the merchant account's, as the chain
 * holds them) that credited value since `sinceMs` is a recorded payment, applied or set aside for the
 * merchant's attention. Returns the hashes that are not.
 */
export async function unrecordedTransfers(db: DbExecutor, chainTxs: readonly ChainTransaction[], sinceMs: number): Promise<string[]> {
  const recorded = new Set((await db.select({ hash: payments.txHash }).from(payments)).map((r) => r.hash));
  return chainTxs.filter((tx) => creditedValue(tx) > 0n && tx.now * 1000 >= sinceMs && !recorded.has(tx.hash)).map((tx) => tx.hash);
}

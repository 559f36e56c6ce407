import { amountDue } from '../../core/pricing/amount-due';
import type { MessengerId } from '../../core/messenger/messenger-id';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { acceptsSubmission, planTransition, paymentNeedsStock } from '../../core/orders/order-lifecycle';
import { classifyIncoming, matchPayment, type PaymentVerdict } from '../../core/payments/match-payment';
import { orderComment, parseOrderComment } from '../../core/payments/order-comment';
import type { PaymentRecord, PaymentRepo } from '../../core/payments/payment-repo';
import { storeComment } from '../../core/payments/stored-comment';
import type { ChainTransaction } from '../../core/payments/chain-reader';
import type { Db, DbExecutor } from './connect';
import { applyTransition, lockStockAvailable } from './order-transitions';
import { withItems } from './order-repo';
import { isContentRefused } from './pg-errors';
import { chainCursors, orderQuotes, orders, paymentSubmissions, payments } from './schema';
import type { Cell } from '@ton/core';
import { matchJettonPayment, notificationBodyOf, readClaimedNotification, type JettonCandidateOrderWithQuote } from '../../core/payments/match-jetton-payment';
import type { UsdtWallets } from '../../core/payments/usdt-wallets';

/**
 * Payments over Postgres: the only code that marks an order paid. The paid messages (customer and
 * `merchantChatIds`) are written to the outbox in the same transaction, so they exist exactly when the
 * order is paid, and the Bot API is never called on the payment path. What a payment does to its order
 * is the order lifecycle's decision (core/orders/order-lifecycle.ts); this module locks and executes.
 */
export function createPaymentRepo(
  db: Db,
  options: {
    merchantChatIds?: readonly MessengerId[];
    /** How far under its quote a payment still pays (core/pricing/payment-tolerance.ts); 0 by default. */
    toleranceBasisPoints?: number;
    /**
     * The shop's USDT (its master known): transfer_notifications are then judged as USDT (match-jetton-payment.ts).
     * Without it they are read as the TON they carry.
     */
    usdt?: UsdtWallets | null;
  } = {},
): PaymentRepo {
  const merchantChatIds = options.merchantChatIds ?? [];
  const rules: MatchRules = { toleranceBasisPoints: options.toleranceBasisPoints ?? 0, usdt: options.usdt ?? null };
  return {
    async recordSubmission({ order, parsed, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(orders).where(eq(orders.id, order.id)).for('update');
        if (!row) return { kind: 'not_payable' as const, order };
        if (!acceptsSubmission(row, now)) return { kind: 'not_payable' as const, order: await loadOrder(tx, row.id) };

        const inserted = await tx
          .insert(paymentSubmissions)
          .values({
            orderId: row.id,
            walletAddress: parsed.walletAddress,
            messageHashRaw: parsed.hashRaw,
            messageHashNorm: parsed.hashNorm,
            validUntil: new Date(parsed.validUntil * 1000),
            submittedAt: now,
          })
          .onConflictDoNothing({ target: paymentSubmissions.messageHashNorm })
          .returning({ orderId: paymentSubmissions.orderId });
        if (inserted.length === 0) {
          const [existing] = await tx
            .select({ orderId: paymentSubmissions.orderId })
            .from(paymentSubmissions)
            .where(eq(paymentSubmissions.messageHashNorm, parsed.hashNorm));
          if (existing?.orderId !== row.id) return { kind: 'submitted_elsewhere' as const };
        }
        await applyTransition(tx, [row.id], planTransition(row.status, 'submit_payment'), { now });
        return { kind: 'accepted' as const, order: await loadOrder(tx, row.id) };
      });
    },

    async recordIncomingTransaction({ tx: chainTx, merchantAddress, now }) {
      try {
        return await recordVerdict(db, chainTx, merchantAddress, now, merchantChatIds, rules);
      } catch (error) {
        // The database refused what the transaction carries (a value, a text): keep the money in view
        // for the merchant with what can always be stored, and let the scan go on. Anything else (a lost
        // connection) is an outage: the caller stops and reads the same transaction again later.
        if (!isContentRefused(error)) throw error;
        return recordUnrecordable(db, chainTx, merchantAddress, now);
      }
    },

    async firstOrderCreatedAt() {
      const [row] = await db.select({ at: sql<string | null>`min(${orders.createdAt})` }).from(orders);
      // Raw aggregate: drivers hand back text (postgres.js) or a Date (PGlite); normalise.
      return row?.at ? new Date(row.at) : null;
    },

    async readCursor(account) {
      const [row] = await db.select().from(chainCursors).where(eq(chainCursors.account, account));
      return row ? { lt: row.lastLt, hash: row.lastHash } : null;
    },

    async advanceCursor(account, lastLt, lastHash, now) {
      await db
        .insert(chainCursors)
        .values({ account, lastLt, lastHash, updatedAt: now })
        .onConflictDoUpdate({
          target: chainCursors.account,
          set: { lastLt, lastHash, updatedAt: now },
          setWhere: lt(chainCursors.lastLt, lastLt),
        });
    },

    async markHeadRead(account, startedAt) {
      // A scan of an account with no transaction at all has no cursor row yet: lt 0 stands for "none".
      await db
        .insert(chainCursors)
        .values({ account, lastLt: 0n, lastHash: '', headReadAt: startedAt, updatedAt: startedAt })
        .onConflictDoUpdate({
          target: chainCursors.account,
          set: { headReadAt: sql`greatest(${chainCursors.headReadAt}, excluded.head_read_at)` },
        });
    },

    async paymentsReadThrough(account) {
      const [row] = await db.select({ at: chainCursors.headReadAt }).from(chainCursors).where(eq(chainCursors.account, account));
      return row?.at ?? null;
    },

    async releaseStaleSubmissions(now, { graceSeconds, maxValiditySeconds }) {
      // Raw SQL gets the time as ISO text: drivers differ in how they bind a Date outside Drizzle's columns.
      const horizon = new Date(now.getTime() - graceSeconds * 1000);
      const release = planTransition('confirming', 'release_submission');
      return db.transaction(async (tx) => {
        const stale = await tx
          .select({ id: orders.id })
          .from(orders)
          .where(
            and(
              eq(orders.status, release.from),
              sql`not exists (select 1 from ${paymentSubmissions} s where s.order_id = ${orders.id}
                and least(s.valid_until, s.submitted_at + make_interval(secs => ${maxValiditySeconds})) > ${horizon.toISOString()}::timestamptz)`,
            ),
          )
          .orderBy(orders.id)
          .for('update', { skipLocked: true });
        return applyTransition(
          tx,
          stale.map((row) => row.id),
          release,
          { now },
        );
      });
    },

    async listPayments({ status, orderId, limit }) {
      const rows = await db
        .select({ payment: payments, orderCode: orders.code })
        .from(payments)
        .leftJoin(orders, eq(orders.id, payments.orderId))
        .where(and(status ? eq(payments.status, status) : undefined, orderId ? eq(payments.orderId, orderId) : undefined))
        .orderBy(desc(payments.txLt))
        .limit(limit);
      return rows.map(({ payment, orderCode }): PaymentRecord => ({ ...payment, orderCode }));
    },
  };
}

interface MatchRules {
  toleranceBasisPoints: number;
  usdt: UsdtWallets | null;
}

/** How one transaction is decided, once its order is locked: the TON rule, or the USDT one for a notification. */
type Decide = (candidate: JettonCandidateOrderWithQuote | null) => PaymentVerdict;

/**
 * Which rule reads the transaction, and the comment that names its order. A transfer_notification is USDT's
 * (when the shop knows its master): its order is in the notification's forward payload, and the merchant's
 * USDT jetton wallet is asked for here, before any lock (a get-method over the network, once, then kept).
 */
async function chooseRule(chainTx: ChainTransaction, merchantAddress: string, rules: MatchRules): Promise<{ code: string | null; decide: Decide }> {
  const body: Cell | null = rules.usdt ? notificationBodyOf(chainTx) : null;
  if (body && rules.usdt) {
    const merchantJettonWallet = await rules.usdt.merchantWallet();
    return {
      code: parseOrderComment(readClaimedNotification(body).comment),
      decide: (order) =>
        matchJettonPayment({ tx: chainTx, body, merchantAddress, merchantJettonWallet, order, toleranceBasisPoints: rules.toleranceBasisPoints }),
    };
  }
  return {
    code: parseOrderComment(chainTx.inMessage?.comment),
    decide: (order) => matchPayment({ tx: chainTx, merchantAddress, order, toleranceBasisPoints: rules.toleranceBasisPoints }),
  };
}

/** The normal path: lock the order the comment names, decide, write the payment row and the order's move. */
async function recordVerdict(
  db: Db,
  chainTx: ChainTransaction,
  merchantAddress: string,
  now: Date,
  merchantChatIds: readonly MessengerId[],
  rules: MatchRules,
): Promise<PaymentVerdict> {
  const { code, decide } = await chooseRule(chainTx, merchantAddress, rules);
  return db.transaction(async (tx): Promise<PaymentVerdict> => {
    // Lock the order the comment names: concurrent confirms and reconciler runs queue here, and each
    // sees the outcome of the one before it.
    const candidate = code ? await lockCandidateOrder(tx, code) : null;
    const verdict = decide(candidate);
    if (verdict.kind === 'ignore') return verdict;

    const { payment } = verdict;
    const comment = storeComment(payment.comment);
    const inserted = await tx
      .insert(payments)
      .values({
        txHash: payment.txHash,
        txLt: payment.lt,
        orderId: verdict.orderId,
        payerAddress: payment.payer,
        asset: payment.asset,
        amountNano: payment.amountNano,
        overpaymentNano: verdict.kind === 'paid' ? verdict.overpaymentNano : 0n,
        comment: comment?.display ?? null,
        commentRawHex: comment?.rawHex ?? null,
        status: verdict.kind === 'paid' ? 'applied' : 'attention',
        reason: verdict.kind === 'attention' ? verdict.reason : null,
        chainTime: payment.at,
        recordedAt: now,
      })
      .onConflictDoNothing({ target: payments.txHash })
      .returning({ id: payments.id });
    if (inserted.length === 0) return { kind: 'ignore', reason: 'already_recorded' };

    if (verdict.kind === 'paid') await applyTransition(tx, [verdict.orderId], verdict.transition, { now, merchantChatIds });
    return verdict;
  });
}

/**
 * A transaction the database would not store as it came: kept as `unrecordable` attention with only what
 * always fits (hash, lt, amount, sender, chain time), never applied to an order.
 */
async function recordUnrecordable(db: Db, chainTx: ChainTransaction, merchantAddress: string, now: Date): Promise<PaymentVerdict> {
  const incoming = classifyIncoming(chainTx, merchantAddress);
  if (incoming.kind === 'ignore') return incoming;
  const { payment } = incoming;
  const inserted = await db
    .insert(payments)
    .values({
      txHash: payment.txHash,
      txLt: payment.lt,
      orderId: null,
      payerAddress: payment.payer,
      amountNano: payment.amountNano,
      status: 'attention',
      reason: 'unrecordable',
      chainTime: payment.at,
      recordedAt: now,
    })
    .onConflictDoNothing({ target: payments.txHash })
    .returning({ id: payments.id });
  if (inserted.length === 0) return { kind: 'ignore', reason: 'already_recorded' };
  return { kind: 'attention', reason: 'unrecordable', orderId: null, payment };
}

async function lockCandidateOrder(tx: DbExecutor, code: string): Promise<JettonCandidateOrderWithQuote | null> {
  const [row] = await tx.select().from(orders).where(eq(orders.code, code)).for('update');
  if (!row) return null;
  const [[applied], quotes] = await Promise.all([
    tx
      .select({ txHash: payments.txHash })
      .from(payments)
      .where(and(eq(payments.orderId, row.id), eq(payments.status, 'applied'))),
    tx.select({ asset: orderQuotes.asset, amount: orderQuotes.amount }).from(orderQuotes).where(eq(orderQuotes.orderId, row.id)),
  ]);
  const due = { currency: row.currency, totalMinor: row.totalMinor, quotes };
  return {
    quotedMicroUsdt: amountDue(due, 'USDT'),
    quotedNano: amountDue(due, 'TON'),
    id: row.id,
    status: row.status,
    expiresAt: row.expiresAt,
    comment: orderComment(row.code),
    paidByTxHash: applied?.txHash ?? null,
    // Only an order whose units went back to the shelf needs them again to be paid.
    ...(paymentNeedsStock(row.status) && { stockAvailable: await lockStockAvailable(tx, row.id) }),
  };
}

async function loadOrder(tx: DbExecutor, orderId: string) {
  const [order] = await withItems(tx, await tx.select().from(orders).where(eq(orders.id, orderId)));
  if (!order) throw new Error(`order ${orderId} vanished inside its own transaction`);
  return order;
}

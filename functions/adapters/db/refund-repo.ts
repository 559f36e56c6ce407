import { and, asc, eq, inArray } from 'drizzle-orm';
import { ChainUnavailableError } from '../../core/payments/chain-reader';
import type { TonNetwork } from '../../core/payments/payment-intent';
import type { UsdtWallets } from '../../core/payments/usdt-wallets';
import type { PaymentAsset } from '../../core/pricing/currencies';
import { parseTransferBoc, type ParsedTransferBoc } from '../../core/payments/parse-transfer-boc';
import type { Refund, RefundableFunds } from '../../core/refunds/refund';
import { RefundJettonWalletUnknownError, RefundMessageMismatchError, RefundNotFoundError } from '../../core/refunds/refund-errors';
import { buildRefundSignRequest, type RefundSignRequest } from '../../core/refunds/refund-message';
import type { OpenRefundToCheck, RefundConfirmationRepo } from '../../core/refunds/refund-repo';
import { checkRefundRequest, REFUND_MESSAGE_SECONDS, refundableLeft } from '../../core/refunds/refund-rules';
import { checkRefundSubmission } from '../../core/refunds/refund-submission';
import type { Db, DbExecutor } from './connect';
import { enqueueOutbox } from './outbox-enqueue';
import { isUniqueViolation } from './pg-errors';
import { chainCursors, customers, orders, payments, refunds } from './schema';

type RefundRow = typeof refunds.$inferSelect;

/** Where the shop's money is and on which network: what building and checking a refund message needs. */
export interface RefundWallet {
  /** MERCHANT_ADDRESS, raw `0:<hex>`. */
  merchant: string;
  network: TonNetwork;
  /**
   * The shop's USDT wallets (core/payments/usdt-wallets.ts, the very helper the reconciler judges USDT
   * with): a USDT refund is a transfer through the merchant's own USDT jetton wallet. Null when the shop
   * has no USDT master; USDT refunds are then refused as unavailable.
   */
  usdt: UsdtWallets | null;
}

/** A refund and the request its wallet signs. */
export interface RequestedRefund {
  refund: Refund;
  signRequest: RefundSignRequest;
}

/**
 * What a paid order can give back: its applied payment, in the asset it was paid in (`payments.asset`), in
 * that asset's smallest unit (nanotons, micro-USDT), to who paid it (a TON payment's source; a USDT
 * notification's `sender`, the customer's main wallet, not their jetton wallet).
 */
export async function refundableFundsOf(executor: DbExecutor, orderId: string): Promise<RefundableFunds | null> {
  const [payment] = await executor
    .select({ asset: payments.asset, amount: payments.amountNano, payer: payments.payerAddress })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.status, 'applied')))
    .limit(1);
  if (!payment?.payer) return null;
  return { asset: payment.asset, paid: payment.amount, payer: payment.payer };
}

/** An order's refunds, oldest first (also the admin's order detail). */
export async function loadOrderRefunds(executor: DbExecutor, orderId: string): Promise<Refund[]> {
  return (await executor.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt), asc(refunds.id))).map(toRefund);
}

/** The merchant's refunds from their own wallet (core/refunds) over Postgres. */
export function createRefundRepo(db: Db, wallet: RefundWallet) {
  /**
   * The merchant's USDT jetton wallet for a USDT refund (asked of the master once, then kept), null for TON.
   * @throws RefundJettonWalletUnknownError
   */
  const jettonWalletFor = async (asset: PaymentAsset): Promise<string | null> => {
    if (asset === 'TON') return null;
    let jettonWallet: string | null = null;
    try {
      jettonWallet = (await wallet.usdt?.merchantWallet()) ?? null;
    } catch (error) {
      if (!(error instanceof ChainUnavailableError)) throw error;
    }
    if (!jettonWallet) throw new RefundJettonWalletUnknownError();
    return jettonWallet;
  };

  const signRequestFor = (
    refund: Pick<Refund, 'asset' | 'amount' | 'recipient' | 'validUntil' | 'createdAt'>,
    orderCode: string,
    merchantJettonWallet: string | null,
  ) =>
    buildRefundSignRequest({
      refund,
      orderCode,
      merchant: wallet.merchant,
      merchantJettonWallet,
      network: wallet.network,
      // A jetton transfer's query_id: the refund's own time, so the same refund always builds the same message.
      queryId: BigInt(refund.createdAt.getTime()),
    });

  const repo = {
    /** An order's refunds, oldest first. */
    listRefunds(orderId: string): Promise<Refund[]> {
      return loadOrderRefunds(db, orderId);
    },

    /** What can still be refunded on the order now, in the asset it was paid in; null when nothing was paid. */
    async refundable(orderId: string, now: Date): Promise<{ funds: RefundableFunds; left: bigint } | null> {
      const funds = await refundableFundsOf(db, orderId);
      if (!funds) return null;
      return { funds, left: refundableLeft(funds, await repo.listRefunds(orderId), seconds(now)) };
    },

    /**
     * Stores a `requested` refund of `amount` and returns the message the merchant's wallet is to sign. The
     * order's row is locked first, so two requests at once are checked one after the other and refunds can
     * never add up to more than was paid. Null when there is no such order.
     * @throws what checkRefundRequest throws
     */
    async requestRefund(input: { orderId: string; amount: bigint; connectedWallet: string; now: Date }): Promise<RequestedRefund | null> {
      // The jetton wallet is asked of the chain before the order's row is locked, so no lock waits on the
      // indexer (it is kept after the first time); an order paid in between asks inside, once.
      const paidIn = (await refundableFundsOf(db, input.orderId))?.asset ?? 'TON';
      const merchantJettonWallet = await jettonWalletFor(paidIn);
      return db.transaction(async (tx) => {
        const [order] = await tx
          .select({ id: orders.id, code: orders.code, status: orders.status })
          .from(orders)
          .where(eq(orders.id, input.orderId))
          .for('update');
        if (!order) return null;
        const funds = await refundableFundsOf(tx, order.id);
        const earlier = (await tx.select().from(refunds).where(eq(refunds.orderId, order.id))).map(toRefund);
        const nowSeconds = seconds(input.now);
        checkRefundRequest({
          orderStatus: order.status,
          funds,
          refunds: earlier,
          amount: input.amount,
          connectedWallet: input.connectedWallet,
          merchant: wallet.merchant,
          nowSeconds,
        });
        const [cursor] = await tx.select({ lt: chainCursors.lastLt }).from(chainCursors).where(eq(chainCursors.account, wallet.merchant));
        const [row] = await tx
          .insert(refunds)
          .values({
            orderId: order.id,
            asset: funds!.asset,
            amount: input.amount,
            recipient: funds!.payer,
            status: 'requested',
            validUntil: nowSeconds + REFUND_MESSAGE_SECONDS,
            scanFromLt: cursor?.lt ?? 0n,
            createdAt: input.now,
            updatedAt: input.now,
          })
          .returning();
        const refund = toRefund(row!);
        return {
          refund,
          signRequest: signRequestFor(refund, order.code, merchantJettonWallet ?? (await jettonWalletFor(refund.asset))),
        };
      });
    },

    /**
     * Takes the BOC the merchant's wallet returned for a requested refund (checkRefundSubmission: the shop's
     * wallet signed exactly this refund) and stores it with its normalized hash as `sent`. The wallet has
     * broadcast it already; the server never does. Null when there is no such order.
     * @throws RefundNotFoundError, and what checkRefundSubmission throws
     */
    async submitRefund(input: { orderId: string; refundId: string; signed: ParsedTransferBoc; boc: string; now: Date }): Promise<Refund | null> {
      const [asked] = await db
        .select({ asset: refunds.asset })
        .from(refunds)
        .where(and(eq(refunds.id, input.refundId), eq(refunds.orderId, input.orderId)));
      const merchantJettonWallet = asked ? await jettonWalletFor(asked.asset) : null;
      try {
        return await db.transaction(async (tx) => {
          const [order] = await tx.select({ id: orders.id, code: orders.code }).from(orders).where(eq(orders.id, input.orderId)).for('update');
          if (!order) return null;
          const [row] = await tx
            .select()
            .from(refunds)
            .where(and(eq(refunds.id, input.refundId), eq(refunds.orderId, order.id)));
          if (!row) throw new RefundNotFoundError();
          const refund = toRefund(row);
          checkRefundSubmission({
            refund,
            signed: input.signed,
            expected: signRequestFor(refund, order.code, merchantJettonWallet ?? (await jettonWalletFor(refund.asset))),
            merchant: wallet.merchant,
          });
          const [updated] = await tx
            .update(refunds)
            .set({ status: 'sent', messageHash: input.signed.hashNorm, boc: input.boc, updatedAt: input.now })
            .where(and(eq(refunds.id, refund.id), eq(refunds.status, 'requested')))
            .returning();
          return toRefund(updated!);
        });
      } catch (error) {
        // The same signed message for two refunds: it can pay only one of them.
        if (isUniqueViolation(error, 'refunds_message_hash_unique')) throw new RefundMessageMismatchError('it was submitted for another refund');
        throw error;
      }
    },
  };

  const confirmation: RefundConfirmationRepo = {
    async listOpenRefunds(limit) {
      const rows = await db
        .select({ refund: refunds, orderCode: orders.code })
        .from(refunds)
        .innerJoin(orders, eq(orders.id, refunds.orderId))
        .where(inArray(refunds.status, ['requested', 'sent']))
        .orderBy(asc(refunds.createdAt))
        .limit(limit);
      return rows.map(({ refund, orderCode }): OpenRefundToCheck => ({
        ...toRefund(refund),
        orderCode,
        scanFromLt: refund.scanFromLt,
        // Stored only after checkRefundSubmission read it, so it parses.
        messageHashRaw: refund.boc ? parseTransferBoc(refund.boc).hashRaw : null,
      }));
    },

    async confirmRefund(confirmation, now) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(refunds)
          .set({ status: 'confirmed', transactionHash: confirmation.transactionHash, updatedAt: now })
          .where(and(eq(refunds.id, confirmation.refundId), inArray(refunds.status, ['requested', 'sent'])))
          .returning();
        if (!row) return false;
        const [customer] = await tx
          .select({ telegramId: customers.telegramId })
          .from(orders)
          .innerJoin(customers, eq(customers.id, orders.customerId))
          .where(eq(orders.id, row.orderId));
        // A customer who signed in on the web with a wallet only has no chat to tell; the wallet shows the refund.
        if (customer?.telegramId != null) {
          await enqueueOutbox(
            tx,
            [
              {
                kind: 'refund_confirmed_customer',
                dedupeKey: `refund_confirmed:${row.id}`,
                chatId: customer.telegramId,
                orderId: row.orderId,
                payload: { refundId: row.id, asset: row.asset, amount: row.amount.toString() },
              },
            ],
            now,
          );
        }
        return true;
      });
    },

    async merchantReadThrough() {
      const [row] = await db.select({ at: chainCursors.headReadAt }).from(chainCursors).where(eq(chainCursors.account, wallet.merchant));
      return row?.at ?? null;
    },

    async lapseRefund(refundId, now) {
      const rows = await db
        .update(refunds)
        .set({ status: 'lapsed', updatedAt: now })
        .where(and(eq(refunds.id, refundId), inArray(refunds.status, ['requested', 'sent'])))
        .returning({ id: refunds.id });
      return rows.length > 0;
    },
  };

  return { ...repo, confirmation };
}

export type RefundRepo = ReturnType<typeof createRefundRepo>;

function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    orderId: row.orderId,
    asset: row.asset,
    amount: row.amount,
    recipient: row.recipient,
    status: row.status,
    validUntil: row.validUntil,
    messageHash: row.messageHash,
    transactionHash: row.transactionHash,
    createdAt: row.createdAt,
  };
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

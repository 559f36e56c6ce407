import type { ChainReader, ChainTransaction } from './chain-reader';
import type { PaymentRepo } from './payment-repo';
import { PAYMENT_WINDOW_SECONDS } from './payment-intent';
import { CHAIN_CLOCK_SKEW_SECONDS } from '../orders/order-lifecycle';

/** Why a scan stopped: only `head` means every transaction the indexer had was read. */
export type ScanStop =
  | 'head'
  /** A transaction in a block not final yet: read again next time. */
  | 'not_finalized'
  /** A transaction whose predecessor is not the one read before it: the indexer has a hole; retry. */
  | 'gap'
  /** The page budget ran out with more to read: the next run goes on from the cursor. */
  | 'page_limit';

export interface ReconcileReport {
  scanned: number;
  paid: number;
  attention: number;
  /** Transactions older than the shop's first order: read past, never recorded as payments. */
  skipped: number;
  /** Orders whose submitted messages expired unseen and went back to awaiting payment. */
  released: number;
  cursorLt: bigint | null;
  stoppedAt: ScanStop;
}

/**
 * Reads the merchant account's transactions after the persisted cursor, oldest first, and records each
 * (PaymentRepo.recordIncomingTransaction decides and is idempotent), moving the cursor after each one.
 * A customer who paid and closed the app still gets a paid order here.
 *
 * Nothing is skipped: each transaction must name the one before it (`prevLt`/`prevHash`) as its
 * predecessor, else the scan stops and the next run asks again (an indexer may list a transaction late).
 * Only a scan that reached the head of the account says so (PaymentRepo.markHeadRead) and releases
 * orders whose submitted messages can no longer land: after a partial scan the money may be in what was
 * not read. Safe to overlap with another run and to be cut off: recording is idempotent and the cursor
 * only moves forward.
 */
export async function reconcilePayments(input: {
  chain: ChainReader;
  payments: PaymentRepo;
  merchantAddress: string;
  now: Date;
  pageSize?: number;
  maxPages?: number;
  /** How long after a submitted message's validity ends before the order is released; covers indexer lag. */
  staleSubmissionGraceSeconds?: number;
}): Promise<ReconcileReport> {
  const { chain, payments, merchantAddress, now } = input;
  const pageSize = input.pageSize ?? 50;
  const report: ReconcileReport = { scanned: 0, paid: 0, attention: 0, skipped: 0, released: 0, cursorLt: null, stoppedAt: 'page_limit' };
  // Once known it never changes (orders are never deleted), so it is read until there is one.
  let firstOrderAt: Date | null = null;
  let cursor = await payments.readCursor(merchantAddress);
  report.cursorLt = cursor?.lt ?? null;

  scan: for (let page = 0; page < (input.maxPages ?? 20); page++) {
    const txs = await chain.listAccountTransactions(merchantAddress, cursor?.lt ?? 0n, pageSize);
    // Read after the page: a transaction in it that pays an order was sent after that order existed, so
    // the order is visible now. With no order yet, nothing on the page can be a payment.
    firstOrderAt ??= await payments.firstOrderCreatedAt();
    for (const tx of txs) {
      if (!tx.finalized) {
        report.stoppedAt = 'not_finalized';
        break scan;
      }
      if (!followsCursor(tx, cursor)) {
        report.stoppedAt = 'gap';
        break scan;
      }
      report.scanned++;
      if (predatesShop(tx.now, firstOrderAt)) {
        report.skipped++;
      } else {
        const verdict = await payments.recordIncomingTransaction({ tx, merchantAddress, now });
        if (verdict.kind === 'paid') report.paid++;
        if (verdict.kind === 'attention') report.attention++;
      }
      await payments.advanceCursor(merchantAddress, tx.lt, tx.hash, now);
      cursor = { lt: tx.lt, hash: tx.hash };
      report.cursorLt = tx.lt;
    }
    if (txs.length < pageSize) {
      report.stoppedAt = 'head';
      break;
    }
  }

  if (report.stoppedAt === 'head') {
    await payments.markHeadRead(merchantAddress, now);
    report.released = (
      await payments.releaseStaleSubmissions(now, {
        graceSeconds: input.staleSubmissionGraceSeconds ?? 600,
        maxValiditySeconds: PAYMENT_WINDOW_SECONDS + CHAIN_CLOCK_SKEW_SECONDS,
      })
    ).length;
  }
  return report;
}

/**
 * Whether `tx` comes right after the cursor in the account's history. Before the first read (no cursor,
 * or the empty one a head-read mark leaves), the first transaction must be the account's first (prevLt 0).
 */
function followsCursor(tx: ChainTransaction, cursor: { lt: bigint; hash: string } | null): boolean {
  const lt = cursor?.lt ?? 0n;
  if (tx.prevLt !== lt) return false;
  return !cursor?.hash || lt === 0n || tx.prevHash.toLowerCase() === cursor.hash.toLowerCase();
}

/**
 * Whether a transaction at `txSeconds` (chain time) is from before the shop's first order, allowing a
 * minute for the server's clock and the chain's to disagree. A merchant wallet usually has a history (its
 * funding at least): reading it as unknown payments would bury the merchant in false alarms.
 */
function predatesShop(txSeconds: number, firstOrderAt: Date | null): boolean {
  if (firstOrderAt === null) return true;
  return txSeconds * 1000 < firstOrderAt.getTime() - CLOCK_SKEW_ALLOWANCE_MS;
}

const CLOCK_SKEW_ALLOWANCE_MS = 60_000;

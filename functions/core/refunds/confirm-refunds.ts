import { ChainUnavailableError, type ChainReader, type ChainTransaction } from '../payments/chain-reader';
import type { UsdtWallets } from '../payments/usdt-wallets';
import { judgeJettonRefund, sendsToJettonWallet, type JettonRefundVerdict } from './jetton-refund-hops';
import { matchTonRefund, type RefundConfirmation } from './refund-confirmation';
import type { OpenRefundToCheck, RefundConfirmationRepo } from './refund-repo';
import { isLapsed, REFUND_LAPSE_GRACE_SECONDS } from './refund-rules';

/**
 * A refund lapses once the reconciler has read the merchant account past its message's life, or at the
 * latest this long after it with no such read (a dead indexer must not keep the merchant from refunding
 * for ever), as the expiry sweep waits for payments (ADR 0013).
 */
export const REFUND_LAPSE_UNREAD_SECONDS = 15 * 60;

export interface RefundCheckReport {
  checked: number;
  confirmed: number;
  lapsed: number;
}

/**
 * Confirms open refunds from the chain, and lapses those that can no longer land.
 * - A `sent` refund is looked up by its BOC's normalized hash (TEP-467), as a payment is. Found and
 *   carried out: confirmed. Found but failed (the wallet ran the message and sent nothing: too little
 *   balance): its seqno is spent, it can never land, so it lapses at once.
 * - A USDT refund is carried out only by the merchant's USDT jetton wallet: from the merchant-wallet
 *   transaction, its out message to that jetton wallet is followed to the jetton wallet's transaction,
 *   which must have run the transfer to success (jetton-refund-hops.ts). A transfer the jetton wallet
 *   refused (too few jettons) moved nothing and lapses at once, as a TON one that sent nothing.
 * - A `requested` refund (the wallet signed, but its BOC never came back: the admin closed the page) is
 *   looked for among the merchant's transactions after the cursor it was requested at, once its
 *   valid_until has passed, before it lapses: the transfer itself (payer, amount, refund:<CODE>) is the proof.
 * - Only after valid_until plus the grace (refund-rules.ts isLapsed), with nothing found, and once the
 *   payment reconciler has read the merchant account past that (or REFUND_LAPSE_UNREAD_SECONDS after it),
 *   does it lapse; then the merchant may sign again.
 * - USDT refunds wait, untouched, while the merchant's jetton wallet is not known (indexer down, no USDT
 *   master): nothing can be said of them then, not even that they lapsed.
 * Safe to overlap: each confirmation or lapse is a conditional update of an open row.
 */
export async function confirmRefunds(input: {
  chain: ChainReader;
  refunds: RefundConfirmationRepo;
  merchantAddress: string;
  /** The shop's USDT wallets (usdt-wallets.ts, as the reconciler's); null when the shop takes no USDT. */
  usdt?: Pick<UsdtWallets, 'merchantWallet'> | null;
  now: Date;
  limit?: number;
  /** Pages of the merchant account read for one refund whose BOC never came back. */
  maxScanPages?: number;
}): Promise<RefundCheckReport> {
  const { chain, refunds, now } = input;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const report: RefundCheckReport = { checked: 0, confirmed: 0, lapsed: 0 };
  const listed = await refunds.listOpenRefunds(input.limit ?? 100);
  const jettonWallet = listed.some((refund) => refund.asset === 'USDT') ? await merchantJettonWallet(input.usdt ?? null) : null;
  const open = listed.filter((refund) => refund.asset === 'TON' || jettonWallet !== null);
  if (open.length === 0) return report;
  const readThrough = await refunds.merchantReadThrough();
  const readThroughSeconds = readThrough ? Math.floor(readThrough.getTime() / 1000) : 0;
  // Nothing on chain is a verdict only when the indexer has shown the account past the message's life.
  const canLapse = (refund: OpenRefundToCheck) =>
    isLapsed(refund, nowSeconds) &&
    (readThroughSeconds > refund.validUntil + REFUND_LAPSE_GRACE_SECONDS || nowSeconds > refund.validUntil + REFUND_LAPSE_UNREAD_SECONDS);
  const judge = (tx: ChainTransaction, refund: OpenRefundToCheck): Promise<JettonRefundVerdict | RefundConfirmation | null> =>
    refund.asset === 'TON'
      ? Promise.resolve(matchTonRefund(tx, [refund]))
      : judgeJettonRefund({ chain, merchantTx: tx, refund, merchant: input.merchantAddress, merchantJettonWallet: jettonWallet! });
  for (const refund of open) {
    report.checked++;
    if (refund.status === 'sent' && refund.messageHash) {
      // The normalized hash first (toncenter indexes it); the raw one for an indexer that knows only that.
      const tx =
        (await chain.findTransactionByInMessageHash(refund.messageHash)) ??
        (refund.messageHashRaw ? await chain.findTransactionByInMessageHash(refund.messageHashRaw) : null);
      // A transaction in a block not final yet is looked at again next run.
      if (tx && !tx.finalized) continue;
      if (tx) {
        const verdict = await judge(tx, refund);
        if (verdict === 'pending') continue;
        const match = verdict === 'failed' ? null : verdict;
        if (match ? await refunds.confirmRefund(match, now) : await refunds.lapseRefund(refund.id, now)) report[match ? 'confirmed' : 'lapsed']++;
        continue;
      }
    }
    if (!canLapse(refund)) continue;
    if (refund.status === 'requested') {
      const match = await findUnreportedRefund(chain, input.merchantAddress, refund, input.maxScanPages ?? 10, jettonWallet, judge);
      // Not read to the end of the message's life (a long history, a page budget): ask again next run.
      if (match === 'unknown') continue;
      if (match) {
        if (await refunds.confirmRefund(match, now)) report.confirmed++;
        continue;
      }
    }
    if (await refunds.lapseRefund(refund.id, now)) report.lapsed++;
  }
  return report;
}

/** The merchant's USDT jetton wallet, or null while it cannot be known (USDT refunds then wait). */
async function merchantJettonWallet(usdt: Pick<UsdtWallets, 'merchantWallet'> | null): Promise<string | null> {
  if (!usdt) return null;
  try {
    return await usdt.merchantWallet();
  } catch (error) {
    if (error instanceof ChainUnavailableError) return null;
    throw error;
  }
}

/** The merchant transaction that carried `refund`, null when none did, 'unknown' when the budget ran out first. */
async function findUnreportedRefund(
  chain: ChainReader,
  merchant: string,
  refund: OpenRefundToCheck,
  maxPages: number,
  jettonWallet: string | null,
  judge: (tx: ChainTransaction, refund: OpenRefundToCheck) => Promise<JettonRefundVerdict | RefundConfirmation | null>,
): Promise<RefundConfirmation | null | 'unknown'> {
  const pageSize = 50;
  let after = refund.scanFromLt;
  for (let page = 0; page < maxPages; page++) {
    const txs = await chain.listAccountTransactions(merchant, after, pageSize);
    for (const tx of txs) {
      if (!tx.finalized) return 'unknown';
      // A USDT refund's candidates are the merchant's own messages to its jetton wallet, followed one hop.
      if (refund.asset === 'TON' || sendsToJettonWallet(tx, jettonWallet!)) {
        const verdict = await judge(tx, refund);
        if (verdict === 'pending') return 'unknown';
        if (verdict && verdict !== 'failed') return verdict;
      }
      // Past the message's life (plus the chain's skew): nothing later can be it.
      if (tx.now > refund.validUntil + 60) return null;
    }
    if (txs.length < pageSize) return null;
    after = txs.at(-1)!.lt;
  }
  return 'unknown';
}

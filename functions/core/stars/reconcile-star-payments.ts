import { messengerIdOf } from '../messenger/messenger-id';
import type { BotApi, StarTransaction } from '../telegram/bot-api';
import { STARS_CURRENCY, type IncomingStarPayment } from './star-payment';
import type { StarsRepo } from './stars-repo';

/** getStarTransactions gives at most 100 a call (core.telegram.org/bots/api#getstartransactions). */
const PAGE_SIZE = 100;

export interface StarsReconcileReport {
  /** Transactions read this run (incoming, refunds, withdrawals alike). */
  read: number;
  /** Payments the shop had not recorded yet (their update was missed), credited or refunded now. */
  applied: number;
  /** The offset the next run starts from. */
  transactionsRead: number;
}

/**
 * Applies every Stars payment whose `successful_payment` update the shop missed (webhook down, a restart):
 * reads the bot's transactions, oldest first, from the stored offset, and records each incoming invoice
 * payment exactly as the webhook would (charge id = transaction id, payload = the TransactionPartnerUser's
 * invoice_payload). Recording is idempotent on the charge id, so what the webhook already applied is
 * skipped. The offset moves after each page is applied: a run cut off reads its page again.
 */
export async function reconcileStarPayments(input: {
  bot: Pick<BotApi, 'getStarTransactions'>;
  repo: Pick<StarsRepo, 'recordPayment' | 'readTransactionsRead' | 'advanceTransactionsRead'>;
  /** Whose transactions: the bot's id, as one shop may change bots. */
  botKey: string;
  now: Date;
  maxPages?: number;
}): Promise<StarsReconcileReport> {
  const report: StarsReconcileReport = { read: 0, applied: 0, transactionsRead: await input.repo.readTransactionsRead(input.botKey) };
  for (let page = 0; page < (input.maxPages ?? 10); page++) {
    const { transactions } = await input.bot.getStarTransactions({ offset: report.transactionsRead, limit: PAGE_SIZE });
    for (const transaction of transactions) {
      const payment = incomingInvoicePayment(transaction);
      if (!payment) continue;
      const outcome = await input.repo.recordPayment(payment, input.now);
      if (outcome.kind === 'recorded') report.applied++;
    }
    report.read += transactions.length;
    report.transactionsRead += transactions.length;
    if (transactions.length > 0) await input.repo.advanceTransactionsRead(input.botKey, report.transactionsRead, input.now);
    if (transactions.length < PAGE_SIZE) break;
  }
  return report;
}

/** A user's payment of one of the bot's invoices, or null for any other transaction (a refund, a withdrawal). */
export function incomingInvoicePayment(transaction: StarTransaction): IncomingStarPayment | null {
  const source = transaction.source;
  if (!source || source.type !== 'user') return null;
  const partner = source as { transaction_type?: string; user?: { id?: unknown }; invoice_payload?: unknown };
  // Older answers carry no transaction_type; a payload says it was an invoice either way.
  if (partner.transaction_type !== undefined && partner.transaction_type !== 'invoice_payment') return null;
  if (typeof partner.invoice_payload !== 'string' || (typeof partner.user?.id !== 'number' && typeof partner.user?.id !== 'string')) return null;
  if (!Number.isSafeInteger(transaction.amount) || transaction.amount <= 0) return null;
  return {
    chargeId: transaction.id,
    invoicePayload: partner.invoice_payload,
    currency: STARS_CURRENCY,
    amountStars: transaction.amount,
    payerTelegramId: messengerIdOf(partner.user.id),
    paidAt: new Date(transaction.date * 1000),
    source: 'reconciler',
  };
}

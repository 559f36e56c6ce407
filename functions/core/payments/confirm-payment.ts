import type { Order } from '../orders/order';
import { acceptsSubmission, isPaid } from '../orders/order-lifecycle';
import { amountDue } from '../pricing/amount-due';
import type { ChainReader, ChainTransaction } from './chain-reader';
import { ChainUnavailableError } from './chain-reader';
import { orderComment, parseOrderComment } from './order-comment';
import { AssetNotQuotedError, OrderNotPayableError, PaymentAlreadySubmittedError, PaymentMismatchError } from './payment-errors';
import type { PaymentRepo } from './payment-repo';
import { parseTransferBoc, type ParsedTransferBoc } from './parse-transfer-boc';
import { checkSubmissionValidity } from './payment-intent';
import { leastAccepted } from '../pricing/payment-tolerance';
import type { UsdtWallets } from './usdt-wallets';
import { checkUsdtTransferPaysOrder, findMerchantTransactionThroughJettons, findUsdtTransferForOrder, submissionWallets } from './usdt-submission';

/**
 * Takes what TON Connect's `sendTransaction` returned for an order: checks that the signed transfer pays
 * this order (merchant, amount, comment; for USDT, a jetton transfer from the customer's own USDT jetton
 * wallet to the merchant of at least the USDT quote: usdt-submission.ts), records it and moves the order to `confirming`, then looks the
 * transaction up once. The order is marked paid only by the merchant account's incoming transaction
 * (PaymentRepo.recordIncomingTransaction); the BOC only helps find it sooner. An indexer outage leaves
 * the order `confirming` for the reconciler, never failed.
 */
export async function confirmPayment(input: {
  order: Order;
  bocBase64: string;
  /** Raw `0:<hex>`. */
  merchantAddress: string;
  chain: ChainReader;
  payments: PaymentRepo;
  now: Date;
  /** The shop's USDT wallets, when it knows its master: a signed jetton transfer is then checked as USDT. */
  usdt?: UsdtWallets | null;
  /** How far under the total still pays (core/pricing/payment-tolerance.ts), as the reconciler will judge it. */
  toleranceBasisPoints?: number;
  onChainUnavailable?: (error: ChainUnavailableError) => void;
}): Promise<void> {
  const { order, merchantAddress } = input;
  const parsed = parseTransferBoc(input.bocBase64);
  // A jetton transfer to the merchant with this order's comment is a USDT payment; anything else, TON.
  const usdtTransfer = input.usdt ? findUsdtTransferForOrder(parsed, order, merchantAddress) : null;
  const wallets = usdtTransfer && input.usdt ? await submissionWallets(input.usdt, parsed.walletAddress, input.onChainUnavailable) : null;
  if (usdtTransfer) {
    checkUsdtTransferPaysOrder({
      transfer: usdtTransfer,
      order,
      customerJettonWallet: wallets?.customer ?? null,
      toleranceBasisPoints: input.toleranceBasisPoints ?? 0,
    });
  } else {
    checkTransferPaysOrder(parsed, order, merchantAddress, input.toleranceBasisPoints ?? 0);
  }
  // An order that takes no payment any more is answered below (paid: fine; else ORDER_NOT_PAYABLE).
  if (acceptsSubmission(order, input.now)) checkSubmissionValidity(order, parsed.validUntil, input.now);

  const outcome = await input.payments.recordSubmission({ order, parsed, now: input.now });
  if (outcome.kind === 'submitted_elsewhere') throw new PaymentAlreadySubmittedError();
  if (outcome.kind === 'not_payable') {
    if (isPaid(outcome.order.status)) return;
    throw new OrderNotPayableError(outcome.order.status);
  }

  try {
    const merchantTx = !usdtTransfer
      ? await findMerchantTransaction(input.chain, parsed, merchantAddress)
      : wallets?.customer && wallets.merchant
        ? await findMerchantTransactionThroughJettons(input.chain, parsed, { customer: wallets.customer, merchant: wallets.merchant }, merchantAddress)
        : null;
    if (merchantTx) {
      await input.payments.recordIncomingTransaction({ tx: merchantTx, merchantAddress, now: input.now });
    }
  } catch (error) {
    if (!(error instanceof ChainUnavailableError)) throw error;
    input.onChainUnavailable?.(error);
  }
}

/** Throws a PaymentMismatchError unless one of the transfers goes to the merchant with the order's comment and enough money. */
export function checkTransferPaysOrder(parsed: ParsedTransferBoc, order: Order, merchantAddress: string, toleranceBasisPoints = 0): void {
  const merchant = merchantAddress.toLowerCase();
  const toMerchant = parsed.transfers.filter((t) => t.destination.toLowerCase() === merchant);
  if (toMerchant.length === 0) {
    throw new PaymentMismatchError('PAYMENT_WRONG_DESTINATION', "This transfer does not go to the shop's address. Start the payment again from the order.");
  }
  const forOrder = toMerchant.filter((t) => parseOrderComment(t.comment) === order.code);
  if (forOrder.length === 0) {
    throw new PaymentMismatchError(
      'PAYMENT_WRONG_COMMENT',
      `This transfer does not carry this order's comment (${orderComment(order.code)}). Start the payment again from the order.`,
    );
  }
  const due = amountDue(order, 'TON');
  if (due === null) {
    throw new AssetNotQuotedError('TON');
  }
  const least = leastAccepted(due, toleranceBasisPoints);
  if (!forOrder.some((t) => t.valueNano >= least)) {
    throw new PaymentMismatchError('PAYMENT_AMOUNT_TOO_LOW', "This transfer sends less than the order's total. Start the payment again from the order.");
  }
}

/**
 * The merchant account's transaction caused by a customer's signed message: first the wallet's own
 * transaction (by the message's normalized hash, else its raw hash), then the transaction its outgoing
 * message to the merchant caused. Null while either is not indexed yet.
 */
export async function findMerchantTransaction(chain: ChainReader, parsed: ParsedTransferBoc, merchantAddress: string): Promise<ChainTransaction | null> {
  const walletTx = (await chain.findTransactionByInMessageHash(parsed.hashNorm)) ?? (await chain.findTransactionByInMessageHash(parsed.hashRaw));
  if (!walletTx) return null;
  const merchant = merchantAddress.toLowerCase();
  const out = walletTx.outMessages.find((m) => m.destination?.toLowerCase() === merchant);
  if (!out) return null;
  return chain.findTransactionByInMessageHash(out.hash);
}

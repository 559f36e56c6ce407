import type { Order } from '../orders/order';
import { leastAccepted } from '../pricing/payment-tolerance';
import { ChainUnavailableError, type ChainReader, type ChainTransaction } from './chain-reader';
import { orderComment, parseOrderComment } from './order-comment';
import { AssetNotQuotedError, PaymentMismatchError } from './payment-errors';
import type { ParsedTransfer, ParsedTransferBoc } from './parse-transfer-boc';
import type { UsdtWallets } from './usdt-wallets';

/** A signed message's jetton transfer to the merchant with this order's comment: a USDT payment of it. */
export type UsdtTransfer = ParsedTransfer & { jetton: NonNullable<ParsedTransfer['jetton']> };

/** The transfer in the signed message that pays `order` in jettons, or null when it asks for none (the TON rule reads it). */
export function findUsdtTransferForOrder(parsed: ParsedTransferBoc, order: Pick<Order, 'code'>, merchantAddress: string): UsdtTransfer | null {
  const merchant = merchantAddress.toLowerCase();
  const found = parsed.transfers.find((t) => t.jetton && t.jetton.owner.toLowerCase() === merchant && parseOrderComment(t.jetton.comment) === order.code);
  return (found as UsdtTransfer | undefined) ?? null;
}

/** The jetton wallets a USDT submission is checked against; null while the indexer is not answering. */
export interface UsdtSubmissionWallets {
  customer: string | null;
  merchant: string | null;
}

/**
 * The customer's and the merchant's USDT jetton wallets, or null when the indexer is down: the submission
 * is then taken on the message's word, which costs nothing, since only the merchant's notification pays.
 */
export async function submissionWallets(
  usdt: UsdtWallets,
  payer: string,
  onChainUnavailable?: (error: ChainUnavailableError) => void,
): Promise<UsdtSubmissionWallets | null> {
  try {
    const [customer, merchant] = await Promise.all([usdt.walletOf(payer), usdt.merchantWallet()]);
    return { customer, merchant };
  } catch (error) {
    if (!(error instanceof ChainUnavailableError)) throw error;
    onChainUnavailable?.(error);
    return null;
  }
}

/**
 * Throws unless the jetton transfer is a USDT payment of the order: sent to the payer's own USDT jetton
 * wallet (when known), of at least the order's USDT quote less the tolerance.
 * @throws AssetNotQuotedError, PaymentMismatchError
 */
export function checkUsdtTransferPaysOrder(input: {
  transfer: UsdtTransfer;
  order: Pick<Order, 'code' | 'quotes'>;
  customerJettonWallet: string | null;
  toleranceBasisPoints: number;
}): void {
  const quote = input.order.quotes.find((q) => q.asset === 'USDT');
  if (!quote) throw new AssetNotQuotedError('USDT');
  if (input.customerJettonWallet && input.transfer.destination.toLowerCase() !== input.customerJettonWallet.toLowerCase()) {
    throw new PaymentMismatchError(
      'PAYMENT_WRONG_DESTINATION',
      `This transfer is not sent through your USDT wallet, so it cannot carry USDT for ${orderComment(input.order.code)}. Start the payment again from the order.`,
    );
  }
  if (input.transfer.jetton.amount < leastAccepted(quote.amount, input.toleranceBasisPoints)) {
    throw new PaymentMismatchError('PAYMENT_AMOUNT_TOO_LOW', "This transfer sends less USDT than the order's amount. Start the payment again from the order.");
  }
}

/**
 * The merchant's transaction a customer's USDT payment caused, hop by hop: the customer's wallet sends to
 * its jetton wallet, which sends `internal_transfer` to the merchant's jetton wallet, which notifies the
 * merchant. Null while any hop is not indexed yet (the reconciler reads it later).
 */
export async function findMerchantTransactionThroughJettons(
  chain: ChainReader,
  parsed: ParsedTransferBoc,
  wallets: { customer: string; merchant: string },
  merchantAddress: string,
): Promise<ChainTransaction | null> {
  const walletTx = (await chain.findTransactionByInMessageHash(parsed.hashNorm)) ?? (await chain.findTransactionByInMessageHash(parsed.hashRaw));
  let tx: ChainTransaction | null = walletTx;
  for (const next of [wallets.customer, wallets.merchant, merchantAddress]) {
    const out: ChainTransaction['outMessages'][number] | undefined = tx?.outMessages.find((m) => m.destination?.toLowerCase() === next.toLowerCase());
    if (!out) return null;
    tx = await chain.findTransactionByInMessageHash(out.hash);
  }
  return tx;
}

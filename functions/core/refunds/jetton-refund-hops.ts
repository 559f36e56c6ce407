import type { ChainReader, ChainTransaction } from '../payments/chain-reader';
import { matchJettonRefund, type OpenRefund, type RefundConfirmation } from './refund-confirmation';

/**
 * What the chain says of a USDT refund, from the merchant-wallet transaction that ran its message:
 * - a confirmation: the merchant's USDT jetton wallet took the merchant's transfer and ran it to success;
 * - `failed`: the message was spent and no jettons moved (the wallet sent nothing to its jetton wallet, or
 *   the jetton wallet refused the transfer: too few jettons, frozen); it can never land any more;
 * - `pending`: the jetton wallet's transaction is not indexed (or not final) yet: look again next run.
 */
export type JettonRefundVerdict = RefundConfirmation | 'failed' | 'pending';

/**
 * Follows a USDT refund one hop, as the reconciler follows a USDT payment (usdt-submission.ts): the
 * merchant's wallet sends the `transfer` to the merchant's jetton wallet, and only that jetton wallet's
 * transaction says whether the jettons moved (matchJettonRefund). The merchant's wallet having sent the
 * message is not enough: a transfer the jetton wallet cannot cover fails there and bounces.
 * `merchantTx` is a transaction of the merchant's wallet; addresses are raw.
 */
export async function judgeJettonRefund(input: {
  chain: ChainReader;
  merchantTx: ChainTransaction;
  refund: OpenRefund;
  merchant: string;
  merchantJettonWallet: string;
}): Promise<JettonRefundVerdict> {
  const { chain } = input;
  const merchantJettonWallet = input.merchantJettonWallet.toLowerCase();
  const out = input.merchantTx.outMessages.find((m) => m.destination?.toLowerCase() === merchantJettonWallet);
  if (!out) return 'failed';
  const jettonTx = await chain.findTransactionByInMessageHash(out.hash);
  if (!jettonTx || !jettonTx.finalized) return 'pending';
  if (jettonTx.account.toLowerCase() !== merchantJettonWallet) return 'failed';
  return matchJettonRefund(jettonTx, input.merchant, [input.refund]) ?? 'failed';
}

/** The merchant-wallet transaction ran an external message (the merchant's own) that sent to its jetton wallet. */
export function sendsToJettonWallet(tx: ChainTransaction, merchantJettonWallet: string): boolean {
  const wallet = merchantJettonWallet.toLowerCase();
  return tx.inMessage?.source === null && tx.outMessages.some((m) => m.destination?.toLowerCase() === wallet);
}

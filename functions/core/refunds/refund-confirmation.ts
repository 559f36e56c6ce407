import { Cell } from '@ton/core';
import { decodeBase64 } from '../bytes/base64';
import type { ChainTransaction } from '../payments/chain-reader';
import { readForwardComment } from '../payments/jetton-forward-payload';
import { parseJettonTransferBody } from '../payments/jetton-transfer-body';
import type { Refund } from './refund';
import { parseRefundComment } from './refund-comment';

/** An open refund as the chain scan needs it: the refund and the code of its order. */
export type OpenRefund = Pick<Refund, 'id' | 'asset' | 'amount' | 'recipient' | 'messageHash' | 'status'> & { orderCode: string };

export interface RefundConfirmation {
  refundId: string;
  transactionHash: string;
}

/** A transaction did what it was sent to do: it was not aborted and its VM ran to success. */
function succeeded(tx: ChainTransaction): boolean {
  return !tx.phases.aborted && tx.phases.compute?.kind === 'vm' && tx.phases.compute.success;
}

/**
 * Which open TON refund a transaction of the **merchant's wallet** carried out, if any. The wallet ran the
 * merchant's external message and sent the money: either the external message is the one the admin
 * submitted (same normalized hash), or, for a refund whose BOC never came back (the admin closed the
 * page after signing), an outgoing transfer to the refund's payer of exactly its amount with its comment.
 * A transaction that failed sends nothing, so it confirms nothing.
 */
export function matchTonRefund(tx: ChainTransaction, open: readonly OpenRefund[]): RefundConfirmation | null {
  if (!succeeded(tx) || !tx.inMessage || tx.inMessage.source !== null) return null;
  const inHash = tx.inMessage.hashNorm ?? null;
  for (const refund of open) {
    if (refund.asset !== 'TON' || (refund.status !== 'requested' && refund.status !== 'sent' && refund.status !== 'lapsed')) continue;
    const carried = tx.outMessages.some(
      (out) => out.destination === refund.recipient && out.valueNano === refund.amount && parseRefundComment(out.comment) === refund.orderCode,
    );
    if (carried && (refund.messageHash === null || inHash === null || inHash === refund.messageHash)) {
      return { refundId: refund.id, transactionHash: tx.hash };
    }
  }
  return null;
}

/**
 * Which open USDT refund a transaction of the **merchant's USDT jetton wallet** carried out: the wallet
 * took a `transfer` from the merchant for exactly the refund's amount to the refund's payer, with the
 * refund's comment, and ran it to success (a transfer the wallet could not cover fails and bounces, and
 * then no jettons moved). The merchant's wallet having sent the message is not enough.
 */
export function matchJettonRefund(tx: ChainTransaction, merchant: string, open: readonly OpenRefund[]): RefundConfirmation | null {
  const message = tx.inMessage;
  if (!succeeded(tx) || !message || message.source !== merchant || !message.bodyBoc) return null;
  let transfer;
  try {
    transfer = parseJettonTransferBody(Cell.fromBoc(decodeBase64(message.bodyBoc) as Parameters<typeof Cell.fromBoc>[0])[0]!);
  } catch {
    return null;
  }
  const code = parseRefundComment(readForwardComment(transfer.forwardPayload));
  for (const refund of open) {
    if (refund.asset !== 'USDT' || refund.status === 'confirmed') continue;
    if (transfer.amount === refund.amount && transfer.destination.toRawString() === refund.recipient && code === refund.orderCode) {
      return { refundId: refund.id, transactionHash: tx.hash };
    }
  }
  return null;
}

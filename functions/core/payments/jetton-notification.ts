import type { Address, Cell } from '@ton/core';
import { JettonBodyError, type JettonBodyProblem } from './jetton-body-error';
import { loadForwardPayload, readForwardComment, type ForwardPayload } from './jetton-forward-payload';
import { expectOp, readField, readInternalAddress } from './jetton-slice-reads';

// transfer_notification#7362d09c query_id:uint64 amount:(VarUInteger 16) sender:MsgAddress
//   forward_payload:(Either Cell ^Cell) = InternalMsgBody;
// TEP-74 (github.com/ton-blockchain/TEPs, text/0074-jettons-standard.md): the receiver's jetton wallet
// sends it to its owner when forward_ton_amount > 0, after the jettons are on that wallet.
export const JETTON_TRANSFER_NOTIFICATION_OP = 0x7362d09c;

/** A `transfer_notification` as read from the owner's incoming message. */
export interface JettonNotification {
  queryId: bigint;
  /** Jetton elementary units now on the receiver's jetton wallet (micro-USDT for USDT). */
  amount: bigint;
  /** The previous owner (the payer's main wallet, not their jetton wallet); null for addr_none. */
  sender: Address | null;
  /** Null when the forward payload could not be read; see `forwardPayloadProblem`. */
  forwardPayload: ForwardPayload | null;
  forwardPayloadProblem: JettonBodyProblem | null;
  /** The text comment in the forward payload (inline or in a reference), else null. */
  comment: string | null;
}

/**
 * Reads a `transfer_notification` body. The fixed fields (op, query_id, amount, sender) must be valid, or
 * it is refused with a JettonBodyError. A forward payload that cannot be read does not refuse the body:
 * the jettons arrived all the same, and a notification with no readable comment is still money for the
 * merchant to see, not something to drop. Both forms of the payload are read (TEP-74 allows both; Bazaar
 * sends it in a reference, other wallets inline).
 */
export function parseJettonNotification(body: Cell): JettonNotification {
  const slice = body.beginParse();
  expectOp(slice, JETTON_TRANSFER_NOTIFICATION_OP, 'transfer_notification');
  const queryId = readField(slice, 'query_id', (s) => s.loadUintBig(64));
  const amount = readField(slice, 'amount', (s) => s.loadCoins());
  const sender = readInternalAddress(slice, 'sender', true);
  try {
    const forwardPayload = loadForwardPayload(slice);
    return { queryId, amount, sender, forwardPayload, forwardPayloadProblem: null, comment: readForwardComment(forwardPayload) };
  } catch (error) {
    if (!(error instanceof JettonBodyError)) throw error;
    return { queryId, amount, sender, forwardPayload: null, forwardPayloadProblem: error.problem, comment: null };
  }
}

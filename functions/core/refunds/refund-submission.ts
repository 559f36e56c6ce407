import { Address, Cell } from '@ton/core';
import { decodeBase64 } from '../bytes/base64';
import { encodeHex } from '../init-data/encoding';
import { readComment } from '../payments/comment-payload';
import { peekOp } from '../payments/jetton-slice-reads';
import { JETTON_TRANSFER_OP } from '../payments/jetton-transfer-body';
import type { ParsedTransferBoc } from '../payments/parse-transfer-boc';
import { CHAIN_CLOCK_SKEW_SECONDS } from '../orders/order-lifecycle';
import type { Refund } from './refund';
import { RefundMessageMismatchError, RefundNotAwaitingSignatureError } from './refund-errors';
import type { RefundSignRequest } from './refund-message';
import { checkRefundSigner } from './refund-rules';

/**
 * Checks the BOC a wallet returned for a `requested` refund before it is stored as `sent`:
 * - the shop's own wallet signed it (checkRefundSigner): another wallet's message moves no shop money;
 * - it asks for exactly the transfers Bazaar built (same destinations, amounts and comment; for USDT the
 *   same jetton transfer body to the merchant's jetton wallet), so the hash
 *   stored is the hash of *this* refund, not of some other transfer the merchant signed;
 * - its valid_until is no later than the refund's (a minute's skew allowed): the refund lapses on that
 *   date, and a message that could land after it would let a second refund pay the customer twice.
 * `expected` is the sign request built for the refund (refund-message.ts).
 * @throws RefundNotAwaitingSignatureError, RefundWrongWalletError, RefundMessageMismatchError
 */
export function checkRefundSubmission(input: {
  refund: Pick<Refund, 'status' | 'validUntil'>;
  signed: ParsedTransferBoc;
  expected: RefundSignRequest;
  merchant: string;
}): void {
  const { refund, signed, expected } = input;
  if (refund.status !== 'requested') throw new RefundNotAwaitingSignatureError(refund.status);
  checkRefundSigner(signed.walletAddress, input.merchant);
  if (signed.validUntil > refund.validUntil + CHAIN_CLOCK_SKEW_SECONDS) throw new RefundMessageMismatchError('its valid_until is later than the refund’s');
  if (signed.transfers.length !== expected.messages.length) throw new RefundMessageMismatchError('it does not hold the refund’s one transfer');
  expected.messages.forEach((message, i) => {
    const transfer = signed.transfers[i]!;
    if (transfer.destination !== Address.parse(message.address).toRawString() || transfer.valueNano !== BigInt(message.amount)) {
      throw new RefundMessageMismatchError('it pays another address or amount');
    }
    const payload = Cell.fromBoc(decodeBase64(message.payload) as Parameters<typeof Cell.fromBoc>[0])[0]!;
    // A USDT refund asks the merchant's jetton wallet for one jetton transfer: the very body Bazaar built
    // (amount, payer, comment, query_id, response destination, forward amount), nothing else.
    if (peekOp(payload.beginParse()) === JETTON_TRANSFER_OP) {
      if (transfer.jetton?.bodyHash !== encodeHex(payload.hash())) throw new RefundMessageMismatchError('it is not the refund’s jetton transfer');
      return;
    }
    // A TON refund's payload is its comment (refund:<CODE>).
    const comment = readComment(payload);
    if (comment !== null && transfer.comment !== comment) throw new RefundMessageMismatchError('its comment is not the refund’s');
  });
}

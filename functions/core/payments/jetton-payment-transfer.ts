import type { Address, Cell } from '@ton/core';
import { commentForwardPayload } from './jetton-forward-payload';
import { buildJettonTransferBody } from './jetton-transfer-body';
import { orderComment } from './order-comment';

/**
 * TON attached to the customer's message to their own jetton wallet: it pays the jetton wallets' gas and
 * the forward; the excess comes back to the customer (response_destination). With the classic TEP-74
 * wallet, 0.05 TON with a 1-nanoton forward goes through; 0.05 TON with a 0.01 TON forward fails (exit 709).
 */
export const JETTON_PAYMENT_ATTACHED_NANO = 50_000_000n;

/**
 * forward_ton_amount: more than 0 or no notification is sent at all (TEP-74), and no more than a nanoton,
 * since the merchant's wallet does not need gas to be paid: the notification is proof enough even when
 * its transaction is aborted for lack of gas.
 */
export const JETTON_PAYMENT_FORWARD_NANO = 1n;

/**
 * The `transfer` body a customer sends to their own USDT jetton wallet to pay an order: `amountMicroUsdt`
 * to the merchant's main wallet, the excess TON back to the customer, a 1-nanoton forward, and the order's
 * comment `bz:<CODE>` as the forward payload in a reference. `queryId` is the caller's (any uint64).
 */
export function buildJettonPaymentBody(input: { orderCode: string; amountMicroUsdt: bigint; merchant: Address; customer: Address; queryId: bigint }): Cell {
  if (input.amountMicroUsdt <= 0n) throw new RangeError(`amountMicroUsdt must be positive, got ${input.amountMicroUsdt}`);
  return buildJettonTransferBody({
    queryId: input.queryId,
    amount: input.amountMicroUsdt,
    destination: input.merchant,
    responseDestination: input.customer,
    forwardTonAmountNano: JETTON_PAYMENT_FORWARD_NANO,
    forwardPayload: commentForwardPayload(orderComment(input.orderCode)),
  });
}

import type { OrderStatus } from '../orders/order-status';
import type { Refund, RefundableFunds } from './refund';
import { OrderNotRefundableError, RefundAmountInvalidError, RefundExceedsPaidError, RefundInFlightError, RefundWrongWalletError } from './refund-errors';

/** The statuses of an order whose money reached the merchant (a cancelled one only when it had been paid). */
const PAID_STATUSES: readonly OrderStatus[] = ['paid', 'shipped', 'ready_for_pickup', 'completed', 'cancelled'];

/**
 * Seconds after a message's valid_until before it counts as lapsed: the chain's clock may run behind ours,
 * and an indexer shows a transaction some seconds after it happened.
 */
export const REFUND_LAPSE_GRACE_SECONDS = 120;

/** A refund message lives this long: long enough to approve in a wallet app, short enough to retry soon. */
export const REFUND_MESSAGE_SECONDS = 5 * 60;

export function isLapsed(refund: Pick<Refund, 'status' | 'validUntil'>, nowSeconds: number): boolean {
  if (refund.status === 'lapsed') return true;
  return (refund.status === 'requested' || refund.status === 'sent') && nowSeconds > refund.validUntil + REFUND_LAPSE_GRACE_SECONDS;
}

/** What already went back or still may: confirmed refunds and those whose message can still land. */
export function committedRefunds(refunds: readonly Refund[], nowSeconds: number): bigint {
  return refunds.filter((r) => !isLapsed(r, nowSeconds)).reduce((sum, r) => sum + r.amount, 0n);
}

export function refundableLeft(funds: RefundableFunds, refunds: readonly Refund[], nowSeconds: number): bigint {
  const left = funds.paid - committedRefunds(refunds, nowSeconds);
  return left > 0n ? left : 0n;
}

/**
 * Checks a merchant's request to refund `amount` of an order, before any message is built:
 * the order was paid; the connected wallet is the shop's; the amount is positive and, with every refund
 * that went or may still go, no more than was paid; and no earlier message is still able to land.
 * `connectedWallet` and `merchant` are raw `0:<hex>`.
 * @throws OrderNotRefundableError, RefundWrongWalletError, RefundAmountInvalidError, RefundInFlightError, RefundExceedsPaidError
 */
export function checkRefundRequest(input: {
  orderStatus: OrderStatus;
  funds: RefundableFunds | null;
  refunds: readonly Refund[];
  amount: bigint;
  connectedWallet: string;
  merchant: string;
  nowSeconds: number;
}): void {
  const { funds } = input;
  if (!funds || !PAID_STATUSES.includes(input.orderStatus)) throw new OrderNotRefundableError(input.orderStatus);
  if (input.connectedWallet !== input.merchant) throw new RefundWrongWalletError();
  if (input.amount <= 0n) throw new RefundAmountInvalidError();
  const open = input.refunds.find((r) => (r.status === 'requested' || r.status === 'sent') && !isLapsed(r, input.nowSeconds));
  if (open) throw new RefundInFlightError(open.validUntil + REFUND_LAPSE_GRACE_SECONDS);
  const left = refundableLeft(funds, input.refunds, input.nowSeconds);
  if (input.amount > left) throw new RefundExceedsPaidError(left);
}

/** The signed message came back from a wallet: it must be the shop's wallet, or nothing is broadcast. */
export function checkRefundSigner(signerWallet: string, merchant: string): void {
  if (signerWallet !== merchant) throw new RefundWrongWalletError();
}

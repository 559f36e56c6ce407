import { isOrderCode } from '../orders/order-code';

/** What a refund says on chain, so the customer's wallet shows which order it is for. */
export const REFUND_COMMENT_PREFIX = 'refund:';

export function refundComment(orderCode: string): string {
  return `${REFUND_COMMENT_PREFIX}${orderCode}`;
}

/** The order code a refund comment names, or null. Case and spaces are forgiven, as in an order comment. */
export function parseRefundComment(comment: string | null | undefined): string | null {
  if (!comment) return null;
  const trimmed = comment.trim();
  if (trimmed.slice(0, REFUND_COMMENT_PREFIX.length).toLowerCase() !== REFUND_COMMENT_PREFIX) return null;
  const code = trimmed.slice(REFUND_COMMENT_PREFIX.length).trim().toUpperCase();
  return isOrderCode(code) ? code : null;
}

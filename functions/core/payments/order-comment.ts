import { isOrderCode } from '../orders/order-code';

/** Every Bazaar payment comment starts so: short enough to type, distinct from a person's own note. */
export const ORDER_COMMENT_PREFIX = 'bz:';

/** The text comment a customer's transfer carries for the order with this code: `bz:<CODE>`. */
export function orderComment(orderCode: string): string {
  return `${ORDER_COMMENT_PREFIX}${orderCode}`;
}

/**
 * The order code a payment comment names, or null when the comment is not one of ours. Case and
 * surrounding spaces are forgiven (a person may retype the comment in a wallet that lowercases it).
 */
export function parseOrderComment(comment: string | null | undefined): string | null {
  if (comment == null) return null;
  const text = comment.trim();
  if (text.slice(0, ORDER_COMMENT_PREFIX.length).toLowerCase() !== ORDER_COMMENT_PREFIX) return null;
  const code = text.slice(ORDER_COMMENT_PREFIX.length).trim().toUpperCase();
  return isOrderCode(code) ? code : null;
}

import type { MessengerId } from '../messenger/messenger-id';
import type { CartSnapshot } from './cart-snapshot';

/** A cart quiet this long, with no order since, gets its one reminder (shop settings `abandonedCartHours`). */
export const DEFAULT_ABANDONED_CART_HOURS = 4;
/** A month: a reminder later than that would surprise more than help. */
export const MAX_ABANDONED_CART_HOURS = 720;

/** Why a cart is not reminded of now, or `remind`. */
export type CartReminderDecision =
  | 'remind'
  /** The merchant turned reminders off (0 hours). */
  | 'off'
  | 'empty'
  | 'already_reminded'
  /** Changed within the last N hours: the customer may still be shopping. */
  | 'too_recent'
  /** They ordered since the cart began, or within the last N hours: nothing was abandoned. */
  | 'ordered'
  /** They said no to offers: a reminder is marketing. */
  | 'opted_out'
  /** No chat to write to: no Telegram account, or they blocked the bot. */
  | 'unreachable';

/**
 * The moment a cart must have been quiet since to be abandoned, `delayHours` before `now`; null when the
 * merchant turned reminders off (0, or anything not a positive number).
 */
export function abandonedCartCutoff(now: Date, delayHours: number): Date | null {
  if (!Number.isFinite(delayHours) || delayHours <= 0) return null;
  return new Date(now.getTime() - delayHours * 3_600_000);
}

/**
 * Whether a customer's cart earns its reminder now: it holds something, was not reminded of, has not
 * changed for `delayHours`, and its owner has not ordered since the cart began nor within those hours,
 * may get offers and can be written to. The reminder job asks the database the same question in bulk
 * (adapters/db/cart-repo.ts) and each candidate row is checked with this before it is enqueued.
 */
export function isCartAbandoned(input: {
  cart: Pick<CartSnapshot, 'items' | 'startedAt' | 'updatedAt' | 'remindedAt'>;
  /** The customer's latest order's creation time, if any. */
  lastOrderAt: Date | null;
  customer: { telegramId: MessengerId | null; botBlocked: boolean; marketingOptedOut: boolean };
  now: Date;
  delayHours: number;
}): CartReminderDecision {
  const { cart, lastOrderAt, customer } = input;
  const cutoff = abandonedCartCutoff(input.now, input.delayHours);
  if (!cutoff) return 'off';
  if (!cart.items.some((line) => line.quantity > 0)) return 'empty';
  if (cart.remindedAt) return 'already_reminded';
  if (cart.updatedAt.getTime() > cutoff.getTime()) return 'too_recent';
  if (lastOrderAt && (lastOrderAt.getTime() >= cart.startedAt.getTime() || lastOrderAt.getTime() > cutoff.getTime())) return 'ordered';
  if (customer.marketingOptedOut) return 'opted_out';
  if (customer.telegramId === null || customer.botBlocked) return 'unreachable';
  return 'remind';
}

/** The outbox dedupe key of a cart's one reminder: a cart is its customer and the time it began. */
export function abandonedCartDedupeKey(customerId: string, startedAt: Date): string {
  return `abandoned_cart:${customerId}:${startedAt.toISOString()}`;
}

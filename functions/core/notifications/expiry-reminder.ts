/** Customers are reminded this long before an unpaid order expires… */
export const EXPIRY_REMINDER_SECONDS = 600;

/**
 * …or a third of the order's lifetime when that is shorter, so a short-lived order is not "about to
 * expire" from the moment it is placed.
 */
export function expiryReminderWindowSeconds(orderTtlSeconds: number): number {
  return Math.max(0, Math.min(EXPIRY_REMINDER_SECONDS, Math.floor(orderTtlSeconds / 3)));
}

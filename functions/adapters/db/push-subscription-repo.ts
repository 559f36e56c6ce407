import { and, eq, isNull } from 'drizzle-orm';
import type { PushSubscriptionRepo } from '../../core/push/push-subscription';
import type { Db } from './connect';
import { customers, pushSubscriptions } from './schema';

/** push_subscriptions over Postgres: one row per browser endpoint. */
export function createPushSubscriptionRepo(db: Db): PushSubscriptionRepo {
  return {
    async save(customerId, subscription, now) {
      const values = { customerId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, languageCode: subscription.languageCode, updatedAt: now };
      await db
        .insert(pushSubscriptions)
        .values({ ...values, endpoint: subscription.endpoint, createdAt: now })
        .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
    },

    async remove(customerId, endpoint) {
      const removed = await db
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.customerId, customerId), eq(pushSubscriptions.endpoint, endpoint)))
        .returning({ id: pushSubscriptions.id });
      return removed.length > 0;
    },

    async optOutOfOffers(endpoint, now) {
      const [found] = await db.select({ customerId: pushSubscriptions.customerId }).from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
      if (!found) return false;
      await db
        .update(customers)
        .set({ marketingOptedOutAt: now, updatedAt: now })
        .where(and(eq(customers.id, found.customerId), isNull(customers.marketingOptedOutAt)));
      return true;
    },
  };
}

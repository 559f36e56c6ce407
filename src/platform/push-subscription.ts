import type { ApiClient } from './api-client';

/**
 * Drops this browser's Web Push subscription, at the shop and in the browser, if it has one: turning
 * updates off, and signing out (a shared computer must not keep showing the last customer's orders).
 * Shared by the push opt-in and the account's sign-out, hence here.
 */
export async function forgetPushSubscription(win: Window, api: ApiClient): Promise<void> {
  if (!('serviceWorker' in win.navigator)) return;
  const registration = await win.navigator.serviceWorker.getRegistration('/');
  const subscription = registration ? await registration.pushManager.getSubscription() : null;
  if (!subscription) return;
  await api.call('/api/push/subscription', { method: 'DELETE', body: { endpoint: subscription.endpoint }, auth: true });
  await subscription.unsubscribe();
}

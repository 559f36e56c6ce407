import type { ApiClient } from '../../platform/api-client';
import { forgetPushSubscription } from '../../platform/push-subscription';
import { SERVICE_WORKER_URL } from './register-service-worker';

/** The browser's side of Web Push and the shop's subscription API, as the opt-in uses them. */
export interface BrowserPush {
  /** The shop's VAPID public key; null when push is off on the server. */
  readPublicKey(): Promise<string | null>;
  permission(): NotificationPermission;
  /** Asks for the notifications permission: call it straight from a click (a user gesture). */
  requestPermission(): Promise<NotificationPermission>;
  /** This browser's subscription for the shop, if it has one. */
  current(): Promise<PushSubscription | null>;
  /** Subscribes this browser with the shop's key and hands the subscription to the shop. */
  subscribe(publicKey: string, languageCode: string): Promise<void>;
  /** Drops this browser's subscription, here and at the shop. */
  unsubscribe(): Promise<void>;
}

export function createBrowserPush(win: Window & typeof globalThis, api: ApiClient): BrowserPush {
  const registration = async () => {
    await win.navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
    // PushManager.subscribe needs an active worker: ready resolves once there is one.
    return win.navigator.serviceWorker.ready;
  };
  return {
    async readPublicKey() {
      return (await api.call<{ publicKey: string | null }>('/api/push/key')).publicKey;
    },
    permission: () => win.Notification.permission,
    requestPermission: () => win.Notification.requestPermission(),
    async current() {
      const found = await win.navigator.serviceWorker.getRegistration('/');
      return found ? found.pushManager.getSubscription() : null;
    },
    async subscribe(publicKey, languageCode) {
      const subscription = await (
        await registration()
      ).pushManager.subscribe({
        // Every message shows a notification: the only kind Chrome and Safari allow.
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(publicKey),
      });
      await api.call('/api/push/subscription', { method: 'PUT', body: { ...subscription.toJSON(), languageCode }, auth: true });
    },
    unsubscribe: () => forgetPushSubscription(win, api),
  };
}

/** The VAPID key as PushManager wants it: the raw bytes of the base64url text. */
function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

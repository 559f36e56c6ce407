// Loaded after the first paint, on the web storefront only (app/main.tsx): the manifest and the service
// worker (public/sw.js, a static file) are not part of the first screen, and never inside Telegram.

export const SERVICE_WORKER_URL = '/sw.js';

/** Links the web app manifest and registers the service worker; a browser without them just goes on. */
export async function registerServiceWorker(win: Window): Promise<void> {
  const doc = win.document;
  if (!doc.querySelector('link[rel="manifest"]')) {
    const link = doc.createElement('link');
    link.rel = 'manifest';
    link.href = '/manifest.webmanifest';
    doc.head.append(link);
  }
  if (!('serviceWorker' in win.navigator)) return;
  try {
    await win.navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  } catch {
    // Blocked (a private window, a policy): push is then shown as unavailable; the shop works as before.
  }
}

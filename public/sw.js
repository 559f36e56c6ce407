// The web storefront's service worker: Web Push only (issue 16). It caches nothing and handles no fetch,
// so the shop loads exactly as without it. The server sends JSON { title, body, url, tag }
// (functions/core/push/render-push.ts), encrypted to this browser's subscription; an offer also
// carries its Unsubscribe button (`offersOff`).

self.addEventListener('install', () => {
  // A new version of this file takes over at once: it keeps no state an old one could need.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof message.title === 'string' && message.title ? message.title : self.location.host;
  // userVisibleOnly: every push must show a notification (Chrome and Safari revoke the subscription otherwise).
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : '',
      tag: typeof message.tag === 'string' ? message.tag : undefined,
      icon: '/icon-192.png',
      data: { url: typeof message.url === 'string' ? message.url : '/', offersOff: message.offersOff ?? null },
      // An offer's way out, as under the bot's: no more offers, order news still comes.
      actions: message.offersOff ? [{ action: 'offers-off', title: message.offersOff.button }] : [],
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const offersOff = event.notification.data && event.notification.data.offersOff;
  if (event.action === 'offers-off' && offersOff) {
    event.waitUntil(
      self.registration.pushManager
        .getSubscription()
        .then((subscription) =>
          subscription
            ? fetch('/api/push/offers-off', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ endpoint: subscription.endpoint }),
              })
            : null,
        )
        .then(() => self.registration.showNotification(self.location.host, { body: offersOff.notice, icon: '/icon-192.png', tag: 'offers-off' })),
    );
    return;
  }
  // Only the shop's own pages: a path, resolved on this origin.
  const target = new URL(event.notification.data && event.notification.data.url ? event.notification.data.url : '/', self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) return open.navigate(target.href).then((client) => (client ?? open).focus());
      return self.clients.openWindow(target.href);
    }),
  );
});

// Web Push to a customer who signed in on the web with a wallet (no Telegram chat): their browser's
// subscription is kept, and their order news goes through the outbox to a real-protocol push service on
// this machine (test/fakes/local-push-service.ts), which checks the VAPID signature and decrypts it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers, outboxMessages, pushSubscriptions } from '../../../functions/adapters/db/schema';
import { createWebPushSender, generateVapidKeys } from '../../../functions/adapters/push/web-push-sender';
import { startLocalPushService, type LocalPushService, type LocalSubscription } from '../../fakes/local-push-service';
import { setStock } from '../../support/stock';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../support/test-app';
import { asAdmin } from '../admin/admin-helpers';
import { runNotify, setAsideDueMessages, type OrderJson } from '../notifications/paid-order';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';

let t: TestApp;
let pushService: LocalPushService;
const vapid = { ...generateVapidKeys(), subject: 'mailto:owner@shop.example' };

beforeAll(async () => {
  pushService = await startLocalPushService();
  t = await createTestApp({ push: { publicKey: vapid.publicKey, sender: createWebPushSender(vapid), allowLoopbackEndpoints: true } });
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
  await pushService.close();
});
beforeEach(() => setAsideDueMessages(t));

/** A wallet customer's web session (a `cookie` header) and what their browser sends with it. */
async function walletCustomer() {
  const wallet = await t.ton.dev.chain.createDevWallet();
  const cookie = await t.walletSignIn(wallet);
  const asCustomer = (path: string, init: { method?: string; body?: unknown } = {}) => t.request(path, { ...init, headers: { cookie, origin: TEST_ORIGIN } });
  return { wallet, cookie, asCustomer };
}

async function subscribeBrowser(asCustomer: Awaited<ReturnType<typeof walletCustomer>>['asCustomer'], languageCode = 'en'): Promise<LocalSubscription> {
  const { publicKey } = (await (await t.request('/api/push/key')).json()) as { publicKey: string };
  const subscription = await pushService.subscribe(publicKey);
  const res = await asCustomer('/api/push/subscription', {
    method: 'PUT',
    body: { endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys, languageCode },
  });
  expect([res.status, await res.json()]).toEqual([200, { subscribed: true }]);
  return subscription;
}

/** Places an order as the web customer and pays it from a dev-chain wallet, the real payment path. */
async function paidOrder(asCustomer: Awaited<ReturnType<typeof walletCustomer>>['asCustomer']): Promise<OrderJson> {
  const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
  await setStock(t.db.handle.db, 'travel-mug', 500);
  const placed = await asCustomer('/api/orders', { body: { items: [{ productId: catalog.products.find((p) => p.slug === 'travel-mug')!.id, quantity: 1 }] } });
  expect(placed.status).toBe(201);
  const order = (await placed.json()) as OrderJson;
  const payer = await t.ton.dev.chain.createDevWallet();
  const boc = await t.ton.dev.chain.signTransfer(payer.id, {
    messages: [{ address: t.deps.payments.merchant.friendly, amount: order.totalMinor, payload: buildCommentPayload(order.payment!.comment) }],
    validUntil: Math.floor(Math.max(Date.now(), t.clock.now().getTime()) / 1000) + 300,
  });
  await t.ton.dev.chain.sendExternal(boc);
  const paid = await asCustomer(`/api/orders/${order.id}/payment`, { body: { boc } });
  expect(paid.status).toBe(200);
  expect(((await paid.json()) as { status: string }).status).toBe('paid');
  return order;
}

const received = (subscription: LocalSubscription) => pushService.messages(subscription.clientHash).map((text) => JSON.parse(text) as Record<string, string>);

describe('Web Push for a customer signed in with a wallet', () => {
  it('keeps the browser’s subscription, and delivers the paid order’s news to it decrypted, exactly once with two workers racing', async () => {
    const { asCustomer } = await walletCustomer();
    const subscription = await subscribeBrowser(asCustomer);
    const [stored] = await t.db.handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, subscription.endpoint));
    expect(stored).toMatchObject({ p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, languageCode: 'en' });

    const order = await paidOrder(asCustomer);
    const rows = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, order.id));
    // No Telegram chat to tell: only the merchant's message and the browser's copy.
    expect(rows.map((r) => [r.kind, r.chatId === null, r.pushSubscriptionId]).sort()).toEqual([
      ['order_paid_merchant', false, null],
      ['web_push', true, stored!.id],
    ]);

    const [first, second] = await Promise.all([runNotify(t), runNotify(t)]);
    expect(first.sent + second.sent).toBe(2);
    await runNotify(t);
    expect(received(subscription)).toEqual([
      { title: `✅ Order ${order.code} is paid. Thank you!`, body: '', url: `/orders/${order.id}`, tag: `order:${order.id}` },
    ]);
  });

  it('tells the browser when the merchant ships the order, in the language the page had', async () => {
    const { asCustomer } = await walletCustomer();
    const subscription = await subscribeBrowser(asCustomer, 'ru');
    const order = await paidOrder(asCustomer);
    await runNotify(t);
    expect((await asAdmin(t, `/api/admin/orders/${order.id}/actions`, { body: { action: 'ship' } })).status).toBe(200);
    await runNotify(t);
    expect(received(subscription).map((m) => m.title)).toEqual([`✅ Заказ ${order.code} оплачен. Спасибо!`, `📦 Заказ ${order.code} отправлен.`]);
  });

  it('deletes the subscription when the push service answers 410 Gone, and sends there no more', async () => {
    const { asCustomer } = await walletCustomer();
    const subscription = await subscribeBrowser(asCustomer);
    pushService.expire(subscription.clientHash);
    const order = await paidOrder(asCustomer);
    const report = await runNotify(t);
    expect(report.blocked).toBe(1);
    expect(await t.db.handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, subscription.endpoint))).toEqual([]);
    const pushRows = (await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, order.id))).filter((r) => r.kind === 'web_push');
    expect(pushRows.map((r) => [r.status, r.pushSubscriptionId, r.lastError?.startsWith('push service 410')])).toEqual([['blocked', null, true]]);

    // The shop ships it: nothing is planned for the browser that let go.
    expect((await asAdmin(t, `/api/admin/orders/${order.id}/actions`, { body: { action: 'ship' } })).status).toBe(200);
    const after = (await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, order.id))).filter((r) => r.kind === 'web_push');
    expect(after).toHaveLength(1);
    expect(received(subscription)).toEqual([]);
  });
});

describe('a browser whose customer is merged into another', () => {
  it('keeps telling the merged customer when a wallet customer links the Telegram account that subscribed', async () => {
    const telegramUser = { id: 81_500 };
    const telegramCookie = await t.webSignIn(telegramUser);
    const asTelegram = (path: string, init: { method?: string; body?: unknown } = {}) =>
      t.request(path, { ...init, headers: { cookie: telegramCookie, origin: TEST_ORIGIN } });
    const browser = await subscribeBrowser(asTelegram);
    // An order of its own: linking merges this row into the wallet customer's and deletes it.
    const before = await paidOrder(asTelegram);
    await runNotify(t);

    const { asCustomer } = await walletCustomer();
    expect((await asCustomer('/api/auth/link/telegram-widget', { body: await t.widgetFor(telegramUser) })).status).toBe(200);
    const after = await paidOrder(asCustomer);
    await runNotify(t);
    expect(received(browser).map((m) => m.url)).toEqual([`/orders/${before.id}`, `/orders/${after.id}`]);
  });
});

describe('announcements and payment reminders by Web Push', () => {
  it('sends an announcement to the browsers of customers in its audience, by the page’s language, and none to one who opted out', async () => {
    const persian = await walletCustomer();
    const persianBrowser = await subscribeBrowser(persian.asCustomer, 'fa');
    const english = await walletCustomer();
    const englishBrowser = await subscribeBrowser(english.asCustomer, 'en');
    const res = await asAdmin(t, '/api/admin/announcements', {
      method: 'POST',
      body: { text: 'تخفیف <زمستانی>', audience: { kind: 'language', language: 'fa' } },
    });
    expect(res.status).toBe(202);
    await runNotify(t);
    expect(received(persianBrowser)).toEqual([
      {
        title: 'Bazaar',
        body: 'تخفیف <زمستانی>',
        url: '/',
        tag: expect.stringMatching(/^announcement:/),
        offersOff: { button: expect.stringContaining('لغو'), notice: expect.any(String) },
      },
    ]);
    expect(received(englishBrowser)).toEqual([]);

    // Opted out (the bot's /stop, or an Unsubscribe): the next offer skips their browser too.
    const [stored] = await t.db.handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, persianBrowser.endpoint));
    await t.db.handle.db.update(customers).set({ marketingOptedOutAt: t.clock.now() }).where(eq(customers.id, stored!.customerId));
    expect((await asAdmin(t, '/api/admin/announcements', { method: 'POST', body: { text: 'Second sale', audience: { kind: 'all' } } })).status).toBe(202);
    await runNotify(t);
    expect(received(persianBrowser)).toHaveLength(1);
    expect(received(englishBrowser).map((m) => m.body)).toEqual(['Second sale']);
  });

  it('stops offers, and only offers, when the notification’s Unsubscribe is pressed (the service worker posts the endpoint)', async () => {
    const { asCustomer } = await walletCustomer();
    const browser = await subscribeBrowser(asCustomer);
    const offersOff = await t.request('/api/push/offers-off', { body: { endpoint: browser.endpoint }, headers: { origin: TEST_ORIGIN } });
    expect([offersOff.status, await offersOff.json()]).toEqual([200, { offers: false }]);
    // An endpoint nobody holds gets the same answer: nothing to learn from it.
    expect((await t.request('/api/push/offers-off', { body: { endpoint: 'https://push.example/unknown' } })).status).toBe(200);

    expect((await asAdmin(t, '/api/admin/announcements', { method: 'POST', body: { text: 'Third sale', audience: { kind: 'all' } } })).status).toBe(202);
    const order = await paidOrder(asCustomer);
    await runNotify(t);
    expect(received(browser).map((m) => m.url)).toEqual([`/orders/${order.id}`]);
  });

  it('reminds the browser once of an order about to expire unpaid', async () => {
    const { asCustomer } = await walletCustomer();
    const browser = await subscribeBrowser(asCustomer);
    const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
    const placed = await asCustomer('/api/orders', {
      body: { items: [{ productId: catalog.products.find((p) => p.slug === 'travel-mug')!.id, quantity: 1 }] },
    });
    const order = (await placed.json()) as OrderJson;
    t.clock.advanceSeconds(1800 - 240);
    await runNotify(t);
    await runNotify(t);
    expect(received(browser)).toEqual([
      {
        title: `⏳ Order ${order.code} is still awaiting payment. It will be cancelled in about 4 min.`,
        body: 'Pay now to keep your items reserved.',
        url: `/orders/${order.id}`,
        tag: `order:${order.id}`,
      },
    ]);
  });
});

describe('PUT and DELETE /api/push/subscription', () => {
  const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };

  it('refuses a push endpoint the server should not post to, and any caller but a web session', async () => {
    const { asCustomer } = await walletCustomer();
    for (const endpoint of ['http://10.0.0.7/notify/x', 'https://127.0.0.1/push', 'https://localhost/push', 'ftp://push.example/x']) {
      const res = await asCustomer('/api/push/subscription', { method: 'PUT', body: { endpoint, keys } });
      expect([endpoint, res.status]).toEqual([endpoint, 400]);
    }
    const fromMiniApp = await t.request('/api/push/subscription', {
      method: 'PUT',
      auth: await t.authFor({ id: 81_001 }),
      body: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys },
    });
    expect(fromMiniApp.status).toBe(403);
    expect(((await fromMiniApp.json()) as { error: { code: string } }).error.code).toBe('PUSH_WEB_ONLY');
  });

  it('forgets the browser on DELETE: its customer’s next order news is not planned for it', async () => {
    const { asCustomer } = await walletCustomer();
    const subscription = await subscribeBrowser(asCustomer);
    expect((await asCustomer('/api/push/subscription', { method: 'DELETE', body: { endpoint: subscription.endpoint } })).status).toBe(200);
    const order = await paidOrder(asCustomer);
    const rows = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, order.id));
    expect(rows.map((r) => r.kind)).toEqual(['order_paid_merchant']);
  });

  it('answers 503 PUSH_NOT_CONFIGURED on a shop without VAPID keys, whose key is null', async () => {
    const off = await createTestApp({ seed: false });
    try {
      expect(await (await off.request('/api/push/key')).json()).toEqual({ publicKey: null });
      const cookie = await off.walletSignIn(await off.ton.dev.chain.createDevWallet());
      const res = await off.request('/api/push/subscription', {
        method: 'PUT',
        headers: { cookie, origin: TEST_ORIGIN },
        body: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys },
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PUSH_NOT_CONFIGURED');
      expect(off.errors).toEqual([]);
    } finally {
      await off.close();
    }
  });
});

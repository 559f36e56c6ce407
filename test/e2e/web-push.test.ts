// Web Push on the web storefront, in headless Chromium against the real Node server: a customer signs in
// with a TON wallet (no Telegram chat), presses "Get order updates in this browser" on My orders, and the
// news of their order being paid reaches their browser's push service, decrypted, once.
//
// What is real: the page's code, the service worker (public/sw.js, registered and activated by the
// browser), the notifications permission (granted through the browser context, as a person's "Allow"
// would), the server with its routes, outbox and web-push sender, and the push service's protocol. What
// stands in: Chromium's PushManager.subscribe hands a subscription to Google's FCM, which this machine
// cannot reach, so the page gets one from the local push service instead (web-push-testing,
// test/fakes/local-push-service.ts, the fake of the remote push service, speaking the real Web Push
// protocol: it checks the VAPID signature and decrypts what the server sends). The stand-in is the only
// thing replaced, and only that method (and getSubscription, which returns what it made).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateVapidKeys } from '../../functions/adapters/push/web-push-sender';
import { startLocalPushService, type LocalPushService } from '../fakes/local-push-service';
import { describeViolations, isBlocking, runAxe } from './support/axe-audit';
import { startBrowserAndShops, type BrowserAndShops } from './support/browser-and-shops';
import { openSession } from './support/browser-session';
import { checkChromium } from './support/chromium';
import { DEMO_PICKUP } from './support/checkout-form';
import { openInTelegram } from './support/mini-app';
import { walletsModal } from './support/payment-shop';
import { E2E_BOT_TOKEN, startShopServer } from './support/server';
import { fetchCatalog } from './support/shop-api';
import { LIGHT_THEME } from './support/telegram';
import { expectPath, sessionCookie } from './support/web-shop';

const chromium = checkChromium();

/** Stands in for PushManager.subscribe/getSubscription: the subscription comes from the local push service. */
const PUSH_MANAGER_STAND_IN = `(() => {
  const toBase64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  let current = null;
  PushManager.prototype.subscribe = async function (options) {
    const key = options.applicationServerKey;
    const bytes = ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : new Uint8Array(key);
    const made = await window.__e2eLocalPushSubscribe(toBase64Url(bytes));
    window.__e2ePushOptions = { userVisibleOnly: options.userVisibleOnly };
    const json = { endpoint: made.endpoint, expirationTime: null, keys: made.keys };
    current = {
      endpoint: made.endpoint,
      expirationTime: null,
      options,
      getKey: (name) => fromBase64Url(made.keys[name]).buffer,
      toJSON: () => json,
      unsubscribe: async () => ((current = null), true),
    };
    return current;
  };
  PushManager.prototype.getSubscription = async function () {
    return current;
  };
})();`;

describe.skipIf(!chromium.run)('Web Push on the web storefront', () => {
  let env: BrowserAndShops<'web'>;
  let pushService: LocalPushService;
  const vapid = generateVapidKeys();

  beforeAll(async () => {
    pushService = await startLocalPushService();
    env = await startBrowserAndShops((staticDir) => ({
      web: startShopServer({
        botToken: E2E_BOT_TOKEN,
        staticDir,
        env: {
          VAPID_PUBLIC_KEY: vapid.publicKey,
          VAPID_PRIVATE_KEY: vapid.privateKey,
          VAPID_SUBJECT: 'mailto:owner@shop.example',
          // The outbox worker every second: the message goes out soon after the payment.
          OUTBOX_INTERVAL_SECONDS: '1',
        },
      }),
    }));
  });
  afterAll(async () => {
    await env?.close();
    await pushService?.close();
  });
  afterEach(() => {
    expect(env?.shops.web.loggedErrors() ?? []).toEqual([]);
  });

  it('subscribes from the button on My orders, the paid order’s news reaches the push service decrypted, once, and signing out forgets the browser', async () => {
    const baseUrl = env.shops.web.url;
    const origin = new URL(baseUrl).origin;
    const s = await openSession(env.browser, { name: 'web/push', origin });
    const { page, context } = s;
    const subscriptions: string[] = [];
    await page.exposeFunction('__e2eLocalPushSubscribe', async (applicationServerKey: string) => {
      const made = await pushService.subscribe(applicationServerKey);
      subscriptions.push(made.clientHash);
      return made;
    });
    await page.addInitScript(PUSH_MANAGER_STAND_IN);
    // The person's "Allow" on the browser's prompt.
    await context.grantPermissions(['notifications'], { origin });

    // Signed in with the dev wallet's ton_proof: a customer with no Telegram account. At a desktop size
    // TON Connect lists the wallets (as in web.test.ts).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}/orders`);
    await page.getByTestId('sign-in-page').waitFor();
    await page.getByTestId('wallet-sign-in').click();
    const proven = page.waitForResponse((r) => r.url().endsWith('/api/auth/ton-proof'));
    await walletsModal(page).getByText('Bazaar Dev Wallet').first().click();
    expect((await proven).status()).toBe(200);
    await page.getByTestId('orders-page').waitFor();
    await expectPath(page, '/orders');

    // The service worker is registered after the first paint, by the page itself.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL ?? null), { timeout: 15_000 })
      .toBe(`${origin}/sw.js`);
    expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'))).toBe('/manifest.webmanifest');

    const optIn = page.getByTestId('push-opt-in');
    await expect.poll(() => optIn.getAttribute('data-state')).toBe('off');
    await s.screenshot('push-off');
    expect(describeViolations('orders with the Web Push offer', (await runAxe(page)).filter(isBlocking))).toEqual([]);
    const stored = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/api/push/subscription'));
    await page.getByTestId('push-turn-on').click();
    expect((await stored).status()).toBe(200);
    await page.getByTestId('push-on').waitFor();
    await s.screenshot('push-on');
    expect(describeViolations('orders with Web Push on', (await runAxe(page)).filter(isBlocking))).toEqual([]);
    expect(subscriptions).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __e2ePushOptions: unknown }).__e2ePushOptions)).toEqual({ userVisibleOnly: true });

    // An order of this customer, paid from a dev-chain wallet: the shop marks it paid and tells the browser.
    const cookie = await sessionCookie(context, baseUrl);
    const asCustomer = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(baseUrl + path, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const product = (await fetchCatalog(baseUrl)).find((p) => p.slug === 'travel-mug')!;
    const order = await asCustomer<{ id: string; code: string; payment: { address: string; amountNano: string; payload: string; validUntil: number } }>(
      '/api/orders',
      { items: [{ productId: product.id, quantity: 1 }], delivery: { methodId: DEMO_PICKUP.methodId, pickupPointId: DEMO_PICKUP.pickupPointId } },
    );
    const wallet = await asCustomer<{ id: string }>('/dev/ton/wallets', {});
    const { boc } = await asCustomer<{ boc: string }>(`/dev/ton/wallets/${wallet.id}/send-transaction`, {
      messages: [{ address: order.payment.address, amount: order.payment.amountNano, payload: order.payment.payload }],
      validUntil: order.payment.validUntil,
    });
    expect((await asCustomer<{ status: string }>(`/api/orders/${order.id}/payment`, { boc })).status).toBe('paid');

    const clientHash = subscriptions[0]!;
    await expect.poll(() => pushService.messages(clientHash).length, { timeout: 15_000 }).toBe(1);
    expect(JSON.parse(pushService.messages(clientHash)[0]!)).toEqual({
      title: `✅ Order ${order.code} is paid. Thank you!`,
      body: '',
      url: `/orders/${order.id}`,
      tag: `order:${order.id}`,
    });
    // Several outbox runs later, still once.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(pushService.messages(clientHash)).toHaveLength(1);

    // Signing out forgets this browser: a shared computer stops getting the customer's order news.
    await page.getByTestId('account-link').click();
    await page.getByTestId('account-page').waitFor();
    const forgotten = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith('/api/push/subscription'));
    await page.getByTestId('sign-out').click();
    expect((await forgotten).status()).toBe(200);
    await page.getByTestId('sign-in-link').waitFor();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))!.pushManager.getSubscription())).toBeNull();

    expect(s.problems(), 'page errors and console errors').toEqual([]);
  });

  it('stays out of the Mini App: inside Telegram no manifest, no service worker and no opt-in', async () => {
    const baseUrl = env.shops.web.url;
    const s = await openSession(env.browser, { name: 'web/push-in-telegram', origin: new URL(baseUrl).origin });
    await openInTelegram(s, { baseUrl, botToken: E2E_BOT_TOKEN, theme: LIGHT_THEME, user: { id: 7_300_001, first_name: 'Sara' } });
    await s.page.getByTestId('catalog-grid').waitFor();
    await s.page.getByTestId('orders-link').first().click();
    await s.page.getByTestId('orders-page').waitFor();
    // Longer than the web's idle registration may wait (3 s).
    await s.page.waitForTimeout(4_000);
    expect(
      await s.page.evaluate(async () => ({
        manifest: document.querySelector('link[rel="manifest"]') !== null,
        serviceWorker: (await navigator.serviceWorker.getRegistration('/')) !== undefined,
      })),
    ).toEqual({ manifest: false, serviceWorker: false });
    expect(await s.page.getByTestId('push-opt-in').count()).toBe(0);
    expect(s.problems(), 'page errors and console errors').toEqual([]);
  });
});

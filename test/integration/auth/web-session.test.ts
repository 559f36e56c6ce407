import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../functions/adapters/db/schema';
import { startSession } from '../../../functions/core/auth/session';
import { createTestApp, sessionCookieOf, TEST_BOT_USERNAME, TEST_ORIGIN, type TestApp } from '../../support/test-app';

const TELEGRAM = { name: 'telegram', miniAppSdkUrl: 'https://telegram.org/js/telegram-web-app.js', verifiesLaunchData: true };

let t: TestApp;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; stock: number }[] };
  productId = catalog.products.find((p) => p.stock > 50)!.id;
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

const sameOrigin = { origin: TEST_ORIGIN };
const orderBody = () => ({ items: [{ productId, quantity: 1 }] });

async function me(cookie: string) {
  return t.request('/api/me', { headers: { cookie } });
}

describe('GET /api/auth/config', () => {
  it('offers the Login Widget with the bot username and TON sign-in', async () => {
    const res = await t.request('/api/auth/config');
    expect(await res.json()).toEqual({ telegramLogin: { botUsername: TEST_BOT_USERNAME }, tonProof: true, tonNetwork: 'local', messenger: TELEGRAM });
  });
});

describe('signing in with the Telegram Login Widget', () => {
  it('starts a session in an HttpOnly, SameSite=Lax cookie and answers with the customer', async () => {
    const res = await t.request('/api/auth/telegram-widget', { body: await t.widgetFor({ id: 7001, firstName: 'Web' }), headers: sameOrigin });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.customer).toMatchObject({ telegramId: '7001', firstName: 'Web', walletAddress: null });
    const [line] = res.headers.getSetCookie();
    expect(line).toMatch(/^bazaar_session=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43};/);
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    expect(line).toContain('Path=/');
    expect(line).toContain('Max-Age=3600');
    // Served over plain http here: a Secure cookie would never come back.
    expect(line).not.toContain('Secure');
    expect(Date.parse(body.expiresAt) - t.clock.now().getTime()).toBe(3600 * 1000);
  });

  it('stores only a hash of the cookie secret', async () => {
    const cookie = await t.webSignIn({ id: 7002 });
    const secret = cookie.split('.')[1]!;
    const rows = await t.db.handle.db.query.webSessions.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('lets the cookie alone read /api/me and create and list orders', async () => {
    const cookie = await t.webSignIn({ id: 7003, firstName: 'Cookie' });
    const who = await me(cookie);
    expect(who.status).toBe(200);
    expect(await who.json()).toMatchObject({ customer: { telegramId: '7003', firstName: 'Cookie' }, via: 'session' });

    const created = await t.request('/api/orders', { body: orderBody(), headers: { cookie, ...sameOrigin } });
    expect(created.status).toBe(201);
    const order = await created.json();
    const listed = await (await t.request('/api/orders', { headers: { cookie } })).json();
    expect(listed.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
  });

  it('reaches the same customer as the Mini App user with that Telegram id, both ways', async () => {
    const tma = await t.authFor({ id: 7004, firstName: 'Both', languageCode: 'ru' });
    const fromChat = await (await t.request('/api/orders', { auth: tma, body: orderBody() })).json();
    const cookie = await t.webSignIn({ id: 7004, firstName: 'Both' });

    const web = await (await me(cookie)).json();
    const app = await (await t.request('/api/me', { auth: tma })).json();
    expect(web.customer.id).toBe(app.customer.id);
    expect(app.via).toBe('mini-app');
    // The widget sends no language: the one the Mini App gave stays.
    expect(web.customer.languageCode).toBe('ru');

    const fromWeb = await (await t.request('/api/orders', { body: orderBody(), headers: { cookie, ...sameOrigin } })).json();
    const seenOnWeb = await (await t.request('/api/orders', { headers: { cookie } })).json();
    const seenInChat = await (await t.request('/api/orders', { auth: tma })).json();
    const ids = (list: { orders: { id: string }[] }) => list.orders.map((o) => o.id).sort();
    expect(ids(seenOnWeb)).toEqual([fromChat.id, fromWeb.id].sort());
    expect(ids(seenInChat)).toEqual(ids(seenOnWeb));
  });

  it('lets a staff member reach the admin API with a web session', async () => {
    const cookie = await t.webSignIn({ id: 9000001 });
    expect((await t.request('/api/admin/payments', { headers: { cookie } })).status).toBe(200);
    const customer = await t.webSignIn({ id: 7005 });
    expect((await t.request('/api/admin/payments', { headers: { cookie: customer } })).status).toBe(403);
  });

  it.each([
    ['a field changed after signing', async () => ({ ...(await t.widgetFor({ id: 7010 })), id: 7011 }), 'INIT_DATA_SIGNATURE_INVALID'],
    ['an altered hash', async () => ({ ...(await t.widgetFor({ id: 7010 })), hash: 'f'.repeat(64) }), 'INIT_DATA_SIGNATURE_INVALID'],
    [
      'an auth_date older than a day',
      async () => t.widgetFor({ id: 7010 }, { authDate: Math.floor(t.clock.now().getTime() / 1000) - 86_401 }),
      'INIT_DATA_EXPIRED',
    ],
  ])('refuses widget data with %s, setting no cookie', async (_case, body, code) => {
    const res = await t.request('/api/auth/telegram-widget', { body: await body(), headers: sameOrigin });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe(code);
    expect(res.headers.getSetCookie()).toEqual([]);
    const [row] = await t.db.handle.db
      .select()
      .from(customers)
      .where(eq(customers.telegramId, String(7010)));
    expect(row).toBeUndefined();
  });

  it('refuses a body that is not widget data', async () => {
    const res = await t.request('/api/auth/telegram-widget', { body: { id: 'x', hash: 1 }, headers: sameOrigin });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await t.request('/api/auth/telegram-widget', { body: await t.widgetFor({ id: 7012 }), headers: { origin: 'https://evil.test' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_REJECTED');
  });
});

describe('a session cookie that is not good', () => {
  it.each([
    ['with one character of its secret changed', (c: string) => c.slice(0, -1) + (c.endsWith('A') ? 'B' : 'A')],
    ['with an id the shop never issued', (c: string) => c.replace(/=[0-9a-f]{8}/, '=00000000')],
    ['that is not a session at all', () => 'bazaar_session=garbage'],
    ['with a secret of the wrong length', (c: string) => c.slice(0, -2)],
  ])('answers 401 SESSION_INVALID to a cookie %s, never another customer', async (_case, alter) => {
    const cookie = await t.webSignIn({ id: 7020 });
    const res = await me(alter(cookie));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('SESSION_INVALID');
    // The dead cookie is cleared.
    expect(res.headers.getSetCookie().join()).toMatch(/bazaar_session=;.*Max-Age=0/);
  });

  it('answers 401 SESSION_EXPIRED once the session outlived its lifetime', async () => {
    const cookie = await t.webSignIn({ id: 7021 });
    expect((await me(cookie)).status).toBe(200);
    t.clock.advanceSeconds(3600);
    const res = await me(cookie);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('SESSION_EXPIRED');
  });

  it('answers 401 SESSION_REVOKED after sign-out, which also clears the cookie', async () => {
    const cookie = await t.webSignIn({ id: 7022 });
    const out = await t.request('/api/auth/logout', { method: 'POST', headers: { cookie, ...sameOrigin } });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true });
    expect(out.headers.getSetCookie().join()).toMatch(/bazaar_session=;.*Max-Age=0/);
    const res = await me(cookie);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('SESSION_REVOKED');
    // Signing out again is harmless.
    expect((await t.request('/api/auth/logout', { method: 'POST', headers: { cookie, ...sameOrigin } })).status).toBe(200);
  });

  it('answers 401 INIT_DATA_MISSING when a call carries neither initData nor a cookie', async () => {
    const res = await t.request('/api/me');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('INIT_DATA_MISSING');
  });
});

describe('CSRF: state changes with a cookie', () => {
  it.each([
    ['from another origin', { origin: 'https://evil.test' }],
    ['without an Origin header', {}],
    ['from the same host on another scheme', { origin: 'https://shop.test' }],
  ])('refuses a POST %s with 403 CSRF_REJECTED and changes nothing', async (_case, headers) => {
    const cookie = await t.webSignIn({ id: 7030 });
    const res = await t.request('/api/orders', { body: orderBody(), headers: { cookie, ...headers } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_REJECTED');
    expect((await (await t.request('/api/orders', { headers: { cookie } })).json()).orders).toEqual([]);
  });

  it('accepts a same-origin POST and a GET without Origin', async () => {
    const cookie = await t.webSignIn({ id: 7031 });
    expect((await t.request('/api/orders', { body: orderBody(), headers: { cookie, ...sameOrigin } })).status).toBe(201);
    expect((await t.request('/api/orders', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a POST whose Origin matches only the forged Host it was sent to', async () => {
    const cookie = await t.webSignIn({ id: 7036 });
    const forged = 'http://evil.example';
    const res = await t.request('/api/orders', { to: forged, body: orderBody(), headers: { cookie, origin: forged } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_REJECTED');
    expect((await (await t.request('/api/orders', { headers: { cookie } })).json()).orders).toEqual([]);
  });

  it('refuses a sign-in posted to a forged Host from that origin, setting no cookie', async () => {
    const forged = 'http://evil.example';
    const res = await t.request('/api/auth/telegram-widget', { to: forged, body: await t.widgetFor({ id: 7037 }), headers: { origin: forged } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_REJECTED');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a cross-origin sign-out', async () => {
    const cookie = await t.webSignIn({ id: 7032 });
    const res = await t.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: 'https://evil.test' } });
    expect(res.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });

  it('lets a Mini App call through without Origin: tma is not an ambient credential', async () => {
    const res = await t.request('/api/orders', { auth: await t.authFor({ id: 7033 }), body: orderBody() });
    expect(res.status).toBe(201);
  });

  it('prefers tma over a cookie when a request carries both', async () => {
    const cookie = await t.webSignIn({ id: 7034 });
    const res = await t.request('/api/me', { auth: await t.authFor({ id: 7035 }), headers: { cookie } });
    expect(await res.json()).toMatchObject({ customer: { telegramId: '7035' }, via: 'mini-app' });
  });
});

describe('a shop on https (PUBLIC_URL)', () => {
  let shop: TestApp;
  beforeAll(async () => {
    shop = await createTestApp({ seed: false, publicUrl: 'https://shop.example' });
  });
  afterAll(async () => {
    expect(shop.errors).toEqual([]);
    await shop.close();
  });

  it('marks the cookie Secure and takes PUBLIC_URL as the only origin', async () => {
    const body = await shop.widgetFor({ id: 7040 });
    const res = await shop.request('/api/auth/telegram-widget', { body, headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toContain('Secure');
    const cookie = sessionCookieOf(res);
    const viaRequestOrigin = await shop.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: TEST_ORIGIN } });
    expect(viaRequestOrigin.status).toBe(403);
  });
});

describe('a shop that knows no address of its own (no PUBLIC_URL, not the local server)', () => {
  let shop: TestApp;
  beforeAll(async () => {
    shop = await createTestApp({ seed: false, shopUrl: null });
  });
  afterAll(async () => {
    expect(shop.errors).toEqual([]);
    await shop.close();
  });

  async function expectNotConfigured(res: Response) {
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('SHOP_URL_NOT_CONFIGURED');
    expect(error.message).toMatch(/PUBLIC_URL/);
  }

  it('starts no web session, whatever Origin and Host say, and offers no Login Widget', async () => {
    const forged = 'http://evil.example';
    for (const init of [{ to: forged, headers: { origin: forged } }, { headers: { origin: TEST_ORIGIN } }, {}]) {
      const res = await shop.request('/api/auth/telegram-widget', { ...init, body: await shop.widgetFor({ id: 7060 }) });
      await expectNotConfigured(res);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(await (await shop.request('/api/auth/config')).json()).toMatchObject({ telegramLogin: null });
  });

  it('reads with a session cookie but changes nothing with it (one from before PUBLIC_URL was removed)', async () => {
    const customer = await shop.deps.customers.upsertTelegramCustomer({ telegramId: '7061', firstName: 'Old' });
    const { cookieValue } = await startSession({
      sessions: shop.deps.webAuth.sessions,
      crypto: shop.deps.webAuth.crypto,
      customerId: customer.id,
      method: 'telegram',
      now: shop.clock.now(),
      ttlSeconds: 3600,
    });
    const cookie = `bazaar_session=${cookieValue}`;
    expect((await shop.request('/api/me', { headers: { cookie } })).status).toBe(200);
    const forged = 'http://evil.example';
    await expectNotConfigured(await shop.request('/api/orders', { to: forged, body: { items: [] }, headers: { cookie, origin: forged } }));
    await expectNotConfigured(await shop.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: TEST_ORIGIN } }));
    expect((await shop.request('/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('still serves the Mini App: initData needs no origin', async () => {
    const res = await shop.request('/api/me', { method: 'GET', auth: await shop.authFor({ id: 7062 }) });
    expect(res.status).toBe(200);
  });
});

describe('a shop without its own bot token (dev mode)', () => {
  let shop: TestApp;
  beforeAll(async () => {
    shop = await createTestApp({ seed: false, devMode: true });
  });
  afterAll(async () => {
    expect(shop.errors).toEqual([]);
    await shop.close();
  });

  it('offers no Telegram sign-in and refuses widget data with a clear 404', async () => {
    expect(await (await shop.request('/api/auth/config')).json()).toEqual({ telegramLogin: null, tonProof: true, tonNetwork: 'local', messenger: TELEGRAM });
    const res = await shop.request('/api/auth/telegram-widget', { body: await shop.widgetFor({ id: 7050 }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('TELEGRAM_LOGIN_DISABLED');
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, webSessions } from '../../../functions/adapters/db/schema';
import { createTestApp, TEST_ORIGIN, type TestApp, type TestUser } from '../../support/test-app';

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
const newWallet = () => t.ton.dev.chain.createDevWallet();

async function orderWithCookie(cookie: string): Promise<string> {
  const res = await t.request('/api/orders', { body: { items: [{ productId, quantity: 1 }] }, headers: { cookie, ...sameOrigin } });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

async function orderInMiniApp(user: TestUser): Promise<string> {
  const res = await t.request('/api/orders', { auth: await t.authFor(user), body: { items: [{ productId, quantity: 1 }] } });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

async function orderIds(headers: { cookie?: string; auth?: string }): Promise<string[]> {
  const res = await t.request('/api/orders', { ...(headers.auth && { auth: headers.auth }), headers: headers.cookie ? { cookie: headers.cookie } : {} });
  return ((await res.json()).orders as { id: string }[]).map((o) => o.id).sort();
}

async function linkTelegram(cookie: string, user: TestUser, origin = TEST_ORIGIN) {
  return t.request('/api/auth/link/telegram-widget', { body: await t.widgetFor(user), headers: { cookie, origin } });
}

describe('linking a Telegram account to a wallet customer', () => {
  it('attaches the Telegram id, so the Mini App reaches the wallet customer and its orders', async () => {
    const wallet = await newWallet();
    const cookie = await t.walletSignIn(wallet);
    const webOrder = await orderWithCookie(cookie);
    const res = await linkTelegram(cookie, { id: 8001, firstName: 'Linked' });
    expect(res.status).toBe(200);
    const linked = (await res.json()).customer;
    expect(linked).toMatchObject({ telegramId: '8001', walletAddress: wallet.address, firstName: 'Linked' });

    const tma = await t.authFor({ id: 8001 });
    const inApp = await (await t.request('/api/me', { auth: tma })).json();
    expect(inApp.customer.id).toBe(linked.id);
    const chatOrder = await orderInMiniApp({ id: 8001 });
    expect(await orderIds({ cookie })).toEqual([webOrder, chatOrder].sort());
    expect(await orderIds({ auth: tma })).toEqual([webOrder, chatOrder].sort());
  });

  it('merges the Telegram customer the Mini App made before: orders and sessions move, the empty row goes', async () => {
    const telegramUser = { id: 8002, firstName: 'Chat', languageCode: 'fa' };
    const chatOrder = await orderInMiniApp(telegramUser);
    const oldWebSession = await t.webSignIn(telegramUser);
    const [before] = await t.db.handle.db
      .select()
      .from(customers)
      .where(eq(customers.telegramId, String(8002)));

    const wallet = await newWallet();
    const cookie = await t.walletSignIn(wallet);
    const walletOrder = await orderWithCookie(cookie);
    const res = await linkTelegram(cookie, telegramUser);
    expect(res.status).toBe(200);
    const merged = (await res.json()).customer;
    expect(merged).toMatchObject({ telegramId: '8002', walletAddress: wallet.address, languageCode: 'fa' });
    expect(merged.id).not.toBe(before!.id);

    expect(await t.db.handle.db.select().from(customers).where(eq(customers.id, before!.id))).toEqual([]);
    const both = [chatOrder, walletOrder].sort();
    expect(await orderIds({ cookie })).toEqual(both);
    expect(await orderIds({ auth: await t.authFor(telegramUser) })).toEqual(both);
    // The Telegram web session from before still signs in, now as the merged customer.
    expect(await orderIds({ cookie: oldWebSession })).toEqual(both);
    const sessions = await t.db.handle.db.select().from(webSessions).where(eq(webSessions.customerId, merged.id));
    expect(sessions.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses with 409 IDENTITY_IN_USE when that Telegram account already has its own wallet', async () => {
    const [walletA, walletB] = [await newWallet(), await newWallet()];
    const a = await t.walletSignIn(walletA);
    expect((await linkTelegram(a, { id: 8003 })).status).toBe(200);
    const b = await t.walletSignIn(walletB);
    const res = await linkTelegram(b, { id: 8003 });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('IDENTITY_IN_USE');
    // Nothing moved.
    const me = await (await t.request('/api/me', { headers: { cookie: b } })).json();
    expect(me.customer).toMatchObject({ telegramId: null, walletAddress: walletB.address });
  });

  it('refuses with 409 IDENTITY_ALREADY_LINKED a second Telegram account', async () => {
    const cookie = await t.walletSignIn(await newWallet());
    expect((await linkTelegram(cookie, { id: 8004 })).status).toBe(200);
    const res = await linkTelegram(cookie, { id: 8005 });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('IDENTITY_ALREADY_LINKED');
  });

  it('needs a signed-in customer, same-origin, and widget data Telegram signed', async () => {
    const anonymous = await t.request('/api/auth/link/telegram-widget', { body: await t.widgetFor({ id: 8006 }), headers: sameOrigin });
    expect(anonymous.status).toBe(401);
    const cookie = await t.walletSignIn(await newWallet());
    expect((await linkTelegram(cookie, { id: 8006 }, 'https://evil.test')).status).toBe(403);
    const forged = await t.request('/api/auth/link/telegram-widget', {
      body: { ...(await t.widgetFor({ id: 8006 })), id: 8007 },
      headers: { cookie, ...sameOrigin },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('INIT_DATA_SIGNATURE_INVALID');
  });
});

describe('linking a wallet to a Telegram customer', () => {
  it('works from the Mini App (tma, no Origin needed) and the wallet then signs in to the same customer', async () => {
    const user = { id: 8101 };
    const chatOrder = await orderInMiniApp(user);
    const wallet = await newWallet();
    const res = await t.request('/api/auth/link/ton-proof', { auth: await t.authFor(user), body: await t.tonProofFor(wallet) });
    expect(res.status).toBe(200);
    expect((await res.json()).customer).toMatchObject({ telegramId: '8101', walletAddress: wallet.address });
    const cookie = await t.walletSignIn(wallet);
    expect(await orderIds({ cookie })).toEqual([chatOrder]);
  });

  it('works from a Telegram web session and merges a wallet-only customer', async () => {
    const wallet = await newWallet();
    const walletCookie = await t.walletSignIn(wallet);
    const walletOrder = await orderWithCookie(walletCookie);
    const telegramCookie = await t.webSignIn({ id: 8102 });
    const res = await t.request('/api/auth/link/ton-proof', { body: await t.tonProofFor(wallet), headers: { cookie: telegramCookie, ...sameOrigin } });
    expect(res.status).toBe(200);
    expect(await orderIds({ cookie: telegramCookie })).toEqual([walletOrder]);
    expect(await orderIds({ auth: await t.authFor({ id: 8102 }) })).toEqual([walletOrder]);
  });

  it('refuses a proof that does not verify, and a wallet that belongs to another Telegram customer', async () => {
    const wallet = await newWallet();
    const owner = await t.authFor({ id: 8103 });
    expect((await t.request('/api/auth/link/ton-proof', { auth: owner, body: await t.tonProofFor(wallet) })).status).toBe(200);
    const other = await t.authFor({ id: 8104 });
    const taken = await t.request('/api/auth/link/ton-proof', { auth: other, body: await t.tonProofFor(wallet) });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe('IDENTITY_IN_USE');
    const wrongDomain = await t.request('/api/auth/link/ton-proof', { auth: other, body: await t.tonProofFor(await newWallet(), { domain: 'evil.test' }) });
    expect(wrongDomain.status).toBe(401);
    expect((await wrongDomain.json()).error.code).toBe('TON_PROOF_DOMAIN_MISMATCH');
  });
});

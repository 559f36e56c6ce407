import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers, outboxMessages, productVariants } from '../../../functions/adapters/db/schema';
import { createTestApp, sessionCookieOf, TEST_CRON_SECRET, type TestApp, type TestUser } from '../../support/test-app';
import { asAdmin } from '../admin/admin-helpers';
import { runNotify, sentTo, setAsideDueMessages } from '../notifications/paid-order';
import { catalogIds, runRemind } from './reminder-helpers';

// "Notify me" on a sold-out variant: when any write puts it on sale again, each subscriber gets one
// message with a button to the product, through the outbox, and the alert is used up.
const PUBLIC_URL = 'https://shop.example';
let t: TestApp;
let biscotti: { productId: string; variantId: string };
let nextUserId = 62_000;
const newUser = (fields: Partial<TestUser> = {}): TestUser => ({ id: nextUserId++, ...fields });

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL, merchantChatIds: [], orderTtlSeconds: 600 });
  const product = (await catalogIds(t)).get('almond-biscotti')!;
  biscotti = { productId: product.id, variantId: product.variants[0]!.id };
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(async () => {
  await setStockTo(biscotti, 0);
  await runRemind(t);
  await setAsideDueMessages(t);
  t.bot.calls.length = 0;
});

const alerts = async (user: TestUser, method: 'GET' | 'PUT' | 'DELETE', variantId?: string) =>
  t.request(variantId ? `/api/stock-alerts/${variantId}` : '/api/stock-alerts', { method, auth: await t.authFor(user) });

/** The merchant sets a product's stock in the admin, as the editor does (with the count it showed). */
async function setStockTo(target: { productId: string; variantId: string }, stock: number) {
  const [row] = await t.db.handle.db.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, target.variantId));
  const res = await asAdmin(t, `/api/admin/products/${target.productId}`, { method: 'PATCH', body: { stock, expectedStock: row!.stock } });
  expect(res.status).toBe(200);
}

async function deliver() {
  await runRemind(t);
  return runNotify(t);
}

describe('back in stock', () => {
  it('tells each subscriber once, in their language, with a button to the product; a second restock tells nobody', async () => {
    const ann = newUser({ languageCode: 'ru' });
    const bob = newUser();
    for (const user of [ann, bob]) {
      const res = await alerts(user, 'PUT', biscotti.variantId);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ alert: { variantId: biscotti.variantId, productId: biscotti.productId, createdAt: expect.any(String) } });
    }
    // Asking twice keeps one alert.
    expect((await alerts(ann, 'PUT', biscotti.variantId)).status).toBe(200);
    expect(await (await alerts(ann, 'GET')).json()).toEqual({ alerts: [expect.objectContaining({ variantId: biscotti.variantId })] });

    // Still sold out: nothing yet.
    expect(await runRemind(t)).toMatchObject({ backInStock: 0 });

    await setStockTo(biscotti, 5);
    const [first, second] = await Promise.all([runRemind(t), runRemind(t)]);
    expect(first.backInStock + second.backInStock).toBe(2);
    await runNotify(t);
    const [toAnn] = sentTo(t, ann.id);
    expect(sentTo(t, ann.id)).toHaveLength(1);
    expect(toAnn!.text).toContain('снова в наличии');
    expect(toAnn!.reply_markup?.inline_keyboard).toEqual([[{ text: expect.any(String), web_app: { url: `${PUBLIC_URL}/p/almond-biscotti` } }]]);
    expect(sentTo(t, bob.id)).toHaveLength(1);
    expect(sentTo(t, bob.id)[0]!.text).toContain('<b>Almond biscotti, 200 g is back in stock.</b>');
    // The alert is used up.
    expect(await (await alerts(ann, 'GET')).json()).toEqual({ alerts: [] });

    await setStockTo(biscotti, 0);
    await setStockTo(biscotti, 3);
    await deliver();
    expect(sentTo(t, ann.id)).toHaveLength(1);
    expect(sentTo(t, bob.id)).toHaveLength(1);
  });

  it('tells nobody who took their alert back', async () => {
    const user = newUser();
    expect((await alerts(user, 'PUT', biscotti.variantId)).status).toBe(200);
    const removed = await alerts(user, 'DELETE', biscotti.variantId);
    expect(await removed.json()).toEqual({ removed: true });
    expect(await (await alerts(user, 'DELETE', biscotti.variantId)).json()).toEqual({ removed: false });
    await setStockTo(biscotti, 4);
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(sentTo(t, user.id)).toEqual([]);
  });

  it('skips a customer who blocked the bot, and still tells one who opted out of offers (they asked for this one)', async () => {
    const blocked = newUser();
    const optedOut = newUser();
    for (const user of [blocked, optedOut]) expect((await alerts(user, 'PUT', biscotti.variantId)).status).toBe(200);
    await t.db.handle.db
      .update(customers)
      .set({ botBlockedAt: t.clock.now() })
      .where(eq(customers.telegramId, String(blocked.id)));
    await t.db.handle.db
      .update(customers)
      .set({ marketingOptedOutAt: t.clock.now() })
      .where(eq(customers.telegramId, String(optedOut.id)));
    await setStockTo(biscotti, 2);
    expect(await deliver()).toMatchObject({ sent: 1, blocked: 1 });
    expect(t.bot.calls.filter((c) => Number(c.params.chat_id) === blocked.id)).toEqual([]);
    expect(sentTo(t, optedOut.id)).toHaveLength(1);
    const rows = await t.db.handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.chatId, String(blocked.id)));
    expect(rows).toEqual([expect.objectContaining({ kind: 'back_in_stock', status: 'blocked' })]);
  });

  it('fires when an expired order gives its units back, and for one variant of a product with options only', async () => {
    const ids = await catalogIds(t);
    const tee = ids.get('logo-tee')!;
    const lSand = tee.variants.find((v) => v.optionValues.join('/') === 'L/Sand')!;
    const mSand = tee.variants.find((v) => v.optionValues.join('/') === 'M/Sand')!;
    await t.db.handle.db.update(productVariants).set({ stock: 0 }).where(eq(productVariants.id, mSand.id));
    await t.db.handle.db.update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, lSand.id));
    // A buyer holds the last L/Sand in an unpaid order; a watcher asks to hear of L/Sand and of M/Sand.
    const buyer = newUser();
    const order = await t.request('/api/orders', { auth: await t.authFor(buyer), body: { items: [{ variantId: lSand.id, quantity: 1 }] } });
    expect(order.status).toBe(201);
    const watcher = newUser();
    expect((await alerts(watcher, 'PUT', lSand.id)).status).toBe(200);
    expect((await alerts(watcher, 'PUT', mSand.id)).status).toBe(200);

    t.clock.advanceSeconds(601);
    // Every job in order, as a platform's cron runs them: the payments read past the deadline, the expiry
    // that gives the unit back, the reminders, the delivery.
    const run = await t.request('/api/cron/run', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    expect(await run.json()).toMatchObject({
      ok: true,
      jobs: expect.arrayContaining([expect.objectContaining({ name: 'expire-orders', result: { expired: 1 } })]),
    });
    const messages = sentTo(t, watcher.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain('(L / Sand)');
    expect(messages[0]!.reply_markup?.inline_keyboard.flat()[0]).toMatchObject({ web_app: { url: `${PUBLIC_URL}/p/logo-tee` } });
    expect(await (await alerts(watcher, 'GET')).json()).toEqual({ alerts: [expect.objectContaining({ variantId: mSand.id })] });
  });

  it('refuses an alert on what is in stock or on nothing with a 4xx, and takes an id in any letter case', async () => {
    const user = newUser();
    const inStock = (await catalogIds(t)).get('travel-mug')!.variants[0]!.id;
    const refused = await alerts(user, 'PUT', inStock);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'VARIANT_IN_STOCK' } });
    expect((await alerts(user, 'PUT', crypto.randomUUID())).status).toBe(404);
    expect((await alerts(user, 'PUT', 'not-an-id')).status).toBe(404);
    expect((await alerts(user, 'DELETE', 'not-an-id')).status).toBe(404);
    expect((await t.request(`/api/stock-alerts/${biscotti.variantId}`, { method: 'PUT' })).status).toBe(401);
    expect((await alerts(user, 'PUT', biscotti.variantId.toUpperCase())).status).toBe(200);
  });

  it('refuses an alert for a customer signed in on the web with a wallet only: the bot has no chat with them', async () => {
    const wallet = await t.ton.dev.chain.createDevWallet();
    const web = { to: PUBLIC_URL, headers: { origin: PUBLIC_URL } };
    const signIn = await t.request('/api/auth/ton-proof', { ...web, body: await t.tonProofFor(wallet, { domain: new URL(PUBLIC_URL).host }) });
    expect(signIn.status).toBe(200);
    const cookie = sessionCookieOf(signIn);
    const refused = await t.request(`/api/stock-alerts/${biscotti.variantId}`, { ...web, method: 'PUT', headers: { ...web.headers, cookie } });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'NO_TELEGRAM_CHAT' } });
  });
});

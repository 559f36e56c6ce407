import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { carts, customers, outboxMessages } from '../../../functions/adapters/db/schema';
import { createTestApp, TEST_WEBHOOK_SECRET, type TestApp, type TestUser } from '../../support/test-app';
import { asAdmin } from '../admin/admin-helpers';
import { placeOrder, runNotify, sentTo, setAsideDueMessages } from '../notifications/paid-order';
import { catalogIds, putCart, runRemind } from './reminder-helpers';

// The abandoned-cart reminder: a signed-in customer whose cart waited N hours (shop setting, 4 by default)
// without an order gets one message, in their language, with a button back to the cart and Unsubscribe.
const PUBLIC_URL = 'https://shop.example';
const HOUR = 3600;
let t: TestApp;
let mugId: string;
let nextUserId = 61_000;
const newUser = (fields: Partial<TestUser> = {}): TestUser => ({ id: nextUserId++, ...fields });

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL, merchantChatIds: [] });
  mugId = (await catalogIds(t)).get('travel-mug')!.id;
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(async () => {
  // Carts of earlier tests are reminded of and delivered now, so each test counts only its own.
  t.clock.advanceSeconds(30 * 24 * HOUR);
  await runRemind(t);
  await setAsideDueMessages(t);
  t.bot.calls.length = 0;
  await setHours(4);
});

async function setHours(abandonedCartHours: number) {
  const { body } = await asAdmin(t, '/api/admin/settings');
  const res = await asAdmin(t, '/api/admin/settings', { method: 'PUT', body: { ...body.settings, abandonedCartHours } });
  expect(res.status).toBe(200);
  expect(res.body.settings.abandonedCartHours).toBe(abandonedCartHours);
}

async function fillCart(user: TestUser, quantity = 2) {
  const res = await putCart(t, user, [{ productId: mugId, quantity }]);
  expect(res.status).toBe(200);
}

describe('an abandoned cart', () => {
  it('is reminded of once, after N hours, in the customer’s language, with a button to the cart and Unsubscribe', async () => {
    const user = newUser({ languageCode: 'ru' });
    await fillCart(user, 3);
    t.clock.advanceSeconds(4 * HOUR - 1);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    t.clock.advanceSeconds(1);
    const [first, second] = await Promise.all([runRemind(t), runRemind(t)]);
    expect(first.cartReminders + second.cartReminders).toBe(1);
    await runNotify(t);

    const messages = sentTo(t, user.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain('В вашей корзине остались товары (3 шт.)');
    expect(messages[0]!.reply_markup?.inline_keyboard).toEqual([
      [{ text: '🛒 Открыть корзину', web_app: { url: `${PUBLIC_URL}/cart` } }],
      [{ text: expect.any(String), callback_data: 'marketing:stop' }],
    ]);

    // The same cart, even changed later, is never reminded of again.
    t.clock.advanceSeconds(10 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    await fillCart(user, 1);
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    await runNotify(t);
    expect(sentTo(t, user.id)).toHaveLength(1);
  });

  it('is not reminded of before N hours of quiet: each change starts the wait again', async () => {
    const user = newUser();
    await fillCart(user, 1);
    t.clock.advanceSeconds(3 * HOUR);
    await fillCart(user, 2);
    t.clock.advanceSeconds(3 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    t.clock.advanceSeconds(HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 1 });
  });

  it('waits as long as the merchant set, and 0 turns reminders off', async () => {
    const user = newUser();
    await setHours(0);
    await fillCart(user);
    t.clock.advanceSeconds(48 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0, abandonedCartHours: 0 });
    await setHours(72);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    t.clock.advanceSeconds(24 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 1, abandonedCartHours: 72 });
  });

  it('is never reminded of after the customer ordered: the order clears the cart', async () => {
    const user = newUser();
    await fillCart(user);
    t.clock.advanceSeconds(HOUR);
    await placeOrder(t, user, [{ slug: 'travel-mug', quantity: 2 }]);
    expect(
      await t.db.handle.db
        .select()
        .from(carts)
        .where(eq(carts.customerId, await customerId(user))),
    ).toEqual([]);
    t.clock.advanceSeconds(10 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    await runNotify(t);
    expect(sentTo(t, user.id)).toEqual([]);
  });

  it('is not sent when the customer ordered after the reminder was planned', async () => {
    const user = newUser();
    await fillCart(user);
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 1 });
    await placeOrder(t, user, [{ slug: 'travel-mug', quantity: 2 }]);
    expect(await runNotify(t)).toMatchObject({ sent: 0, skipped: 1 });
    expect(sentTo(t, user.id)).toEqual([]);
  });

  it('a new cart after an order or after emptying is a new cart, with its own one reminder', async () => {
    const user = newUser();
    await fillCart(user);
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 1 });
    expect((await putCart(t, user, [])).status).toBe(200);
    await fillCart(user);
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 1 });
    await runNotify(t);
    expect(sentTo(t, user.id)).toHaveLength(1); // the first was for a cart emptied before delivery
  });

  it('an emptied cart is not reminded of', async () => {
    const user = newUser();
    await fillCart(user);
    expect(await (await putCart(t, user, [])).json()).toEqual({ items: [], updatedAt: null });
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
  });
});

describe('consent and reach', () => {
  it('a customer who opted out of offers gets no reminder, even one planned before they did', async () => {
    const quiet = newUser();
    await fillCart(quiet);
    await webhookText(quiet, '/stop');
    const later = newUser();
    await fillCart(later);
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 1 });
    await webhookText(later, '/stop');
    t.bot.calls.length = 0;
    await runNotify(t);
    expect(sentTo(t, quiet.id)).toEqual([]);
    expect(sentTo(t, later.id)).toEqual([]);
    const [row] = await t.db.handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.chatId, String(later.id)));
    expect(row).toMatchObject({ kind: 'abandoned_cart', status: 'sent', sentAt: null, lastError: 'skipped: the customer opted out of offers' });
  });

  it('a customer who blocked the bot gets nothing', async () => {
    const user = newUser();
    await fillCart(user);
    await t.db.handle.db
      .update(customers)
      .set({ botBlockedAt: t.clock.now() })
      .where(eq(customers.telegramId, String(user.id)));
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
    await runNotify(t);
    expect(t.bot.calls.filter((c) => Number(c.params.chat_id) === user.id)).toEqual([]);
  });

  it('a customer signed in on the web with a wallet has no chat: their cart is kept, never reminded of', async () => {
    const [webCustomer] = await t.db.handle.db
      .insert(customers)
      .values({ walletAddress: `0:${'ef'.repeat(32)}` })
      .returning();
    expect(await t.deps.reminders.carts.saveCart(webCustomer!.id, [{ productId: mugId, variantId: null, quantity: 1 }], t.clock.now())).not.toBeNull();
    t.clock.advanceSeconds(5 * HOUR);
    expect(await runRemind(t)).toMatchObject({ cartReminders: 0 });
  });
});

describe('PUT /api/cart', () => {
  it('keeps ids and quantities only, merged, and refuses what is not a cart with a 4xx', async () => {
    const user = newUser();
    const res = await putCart(t, user, [{ productId: mugId.toUpperCase(), quantity: 2, priceMinor: '1' } as never, { productId: mugId, quantity: 3 }]);
    expect(await res.json()).toMatchObject({ items: [{ productId: mugId, variantId: null, quantity: 5 }] });
    expect(res.headers.get('cache-control')).toBe('private, no-store');

    for (const items of [
      [{ productId: mugId, quantity: 0 }],
      [{ productId: 'mug', quantity: 1 }],
      Array.from({ length: 51 }, () => ({ productId: mugId, quantity: 1 })),
    ]) {
      const bad = await putCart(t, user, items);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await t.request('/api/cart', { method: 'PUT', body: { items: [] } })).status).toBe(401);
  });
});

async function customerId(user: TestUser): Promise<string> {
  const [row] = await t.db.handle.db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.telegramId, String(user.id)));
  return row!.id;
}

let nextUpdateId = 80_000;
async function webhookText(user: TestUser, text: string) {
  const res = await t.request('/api/telegram/webhook', {
    method: 'POST',
    headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
    body: {
      update_id: nextUpdateId++,
      message: {
        message_id: nextUpdateId,
        date: Math.floor(t.clock.now().getTime() / 1000),
        chat: { id: user.id, type: 'private' },
        from: { id: user.id, is_bot: false, first_name: 'C' },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: text.length }],
      },
    },
  });
  expect(res.status).toBe(200);
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers, outboxMessages, shopSettings } from '../../../functions/adapters/db/schema';
import { enqueueOutbox } from '../../../functions/adapters/db/outbox-enqueue';
import { MAX_DELIVERY_ATTEMPTS } from '../../../functions/core/notifications/delivery-policy';
import { createTestApp, TEST_MERCHANT_CHAT_ID, type TestApp, type TestUser } from '../../support/test-app';
import { outboxRowsFor, payOrder, placeOrder, runNotify, sentTo, setAsideDueMessages, type SentMessage } from './paid-order';

const PUBLIC_URL = 'https://shop.example';
let t: TestApp;
let nextUserId = 80_000;
const newUser = (fields: Partial<TestUser> = {}): TestUser => ({ id: nextUserId++, ...fields });

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(async () => {
  await setAsideDueMessages(t);
  t.bot.calls.length = 0;
});

async function paidOrder(user: TestUser, lines?: { slug: string; quantity: number }[]) {
  const { order, auth } = await placeOrder(t, user, lines);
  const res = await payOrder(t, order, auth);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('paid');
  return order;
}

const merchantMessagesFor = (code: string) => sentTo(t, TEST_MERCHANT_CHAT_ID).filter((m) => m.text.includes(code));
const buttonsOf = (message: SentMessage | undefined) => message?.reply_markup?.inline_keyboard.flat() ?? [];

describe('an order that becomes paid', () => {
  it('is announced in the same transaction: one customer and one merchant message wait in the outbox', async () => {
    const user = newUser();
    const order = await paidOrder(user);
    const rows = await outboxRowsFor(t, order.id);
    expect(rows.map((r) => [r.kind, r.chatId, r.status, r.dedupeKey]).sort()).toEqual([
      ['order_paid_customer', String(user.id), 'pending', `order_paid:customer:${order.id}`],
      ['order_paid_merchant', String(TEST_MERCHANT_CHAT_ID), 'pending', `order_paid:merchant:${TEST_MERCHANT_CHAT_ID}:${order.id}`],
    ]);
    expect(t.bot.calls).toEqual([]);
  });

  it('sends exactly one customer and one merchant message, even with two workers running at once', async () => {
    const user = newUser({ firstName: 'Ada <Lovelace>', username: 'ada_l' });
    const order = await paidOrder(user);
    const [first, second] = await Promise.all([runNotify(t), runNotify(t)]);
    expect(first.sent + second.sent).toBe(2);

    const [toCustomer, ...extraToCustomer] = sentTo(t, user.id);
    const [toMerchant, ...extraToMerchant] = merchantMessagesFor(order.code);
    expect([extraToCustomer, extraToMerchant]).toEqual([[], []]);

    expect(toCustomer!.parse_mode).toBe('HTML');
    expect(toCustomer!.text).toContain(`Order <code>${order.code}</code> is paid`);
    expect(toCustomer!.text).toContain(`${order.items[0]!.title} × 2`);
    expect(toCustomer!.text).toMatch(/<b>Total:<\/b> [\d.,]+ TON/);
    expect(buttonsOf(toCustomer)).toEqual([{ text: 'Open the order', web_app: { url: `${PUBLIC_URL}/orders/${order.id}` } }]);

    expect(toMerchant!.text).toContain(`New paid order <code>${order.code}</code>`);
    expect(toMerchant!.text).toContain(`<a href="tg://user?id=${user.id}">Ada &lt;Lovelace&gt;</a> (@ada_l)`);
    // A group allows no web_app button: the merchant gets a plain link to the admin screen.
    expect(buttonsOf(toMerchant)).toEqual([{ text: 'Open in admin', url: `${PUBLIC_URL}/admin/orders/${order.id}` }]);

    const rows = await outboxRowsFor(t, order.id);
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt instanceof Date])).toEqual([
      ['sent', 1, true],
      ['sent', 1, true],
    ]);
    expect((await runNotify(t)).sent).toBe(0);
  });

  it('sends many orders’ messages once each with three workers racing', async () => {
    const users = [newUser(), newUser(), newUser(), newUser()];
    const orders = [];
    for (const user of users) orders.push(await paidOrder(user));
    const reports = await Promise.all([runNotify(t), runNotify(t), runNotify(t)]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(8);
    for (const [i, user] of users.entries()) {
      expect(sentTo(t, user.id)).toHaveLength(1);
      expect(merchantMessagesFor(orders[i]!.code)).toHaveLength(1);
    }
  });

  it('speaks the customer’s language, and English (or the shop’s language) to the merchant', async () => {
    const user = newUser({ languageCode: 'fa' });
    const order = await paidOrder(user);
    await runNotify(t);
    expect(sentTo(t, user.id)[0]!.text).toContain('پرداخت شد');
    expect(buttonsOf(sentTo(t, user.id)[0])[0]!.text).toBe('باز کردن سفارش');
    expect(merchantMessagesFor(order.code)[0]!.text).toContain('New paid order');

    await t.db.handle.db.insert(shopSettings).values({ key: 'shop', value: { name: 'Лавка', defaultLanguage: 'ru' }, updatedAt: new Date() });
    try {
      const second = await paidOrder(newUser({ languageCode: 'hi' }));
      await runNotify(t);
      expect(merchantMessagesFor(second.code)[0]!.text).toContain('Новый оплаченный заказ');
    } finally {
      await t.db.handle.db.delete(shopSettings).where(eq(shopSettings.key, 'shop'));
    }
  });

  it('is still marked paid while the Bot API is down, and its messages go out once it is back', async () => {
    for (let i = 0; i < 4; i++) t.bot.failNext('sendMessage', { kind: 'network' });
    const user = newUser();
    const order = await paidOrder(user);
    const down = await runNotify(t);
    expect(down).toMatchObject({ sent: 0, retried: 2 });
    expect(await outboxRowsFor(t, order.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.stringContaining('network error') }),
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.stringContaining('network error') }),
    ]);
    // The next attempt waits for the backoff; the fake still fails twice more.
    t.clock.advanceSeconds(15);
    expect(await runNotify(t)).toMatchObject({ sent: 0, retried: 2 });
    t.clock.advanceSeconds(30);
    expect(await runNotify(t)).toMatchObject({ sent: 2 });
    expect(sentTo(t, user.id)).toHaveLength(3);
  });
});

describe('when Telegram answers with an error', () => {
  /** A message waiting for `user` alone (no merchant copy), so a scripted failure is certainly its. */
  async function waitingMessage(user: TestUser) {
    const { order } = await placeOrder(t, user);
    const [id] = await enqueueOutbox(
      t.db.handle.db,
      [
        {
          dedupeKey: `order_status:${order.id}:shipped`,
          kind: 'order_status_customer',
          chatId: String(user.id),
          orderId: order.id,
          payload: { status: 'shipped' },
        },
      ],
      t.clock.now(),
    );
    const row = async () => (await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id!)))[0]!;
    return { order, row };
  }

  it('delivers once after a 500 then a 200, after the backoff', async () => {
    const user = newUser();
    const { order, row } = await waitingMessage(user);
    t.bot.failNext('sendMessage', { kind: 'error', errorCode: 500, description: 'Internal Server Error' });
    expect(await runNotify(t)).toMatchObject({ sent: 0, retried: 1 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastError: '500 Internal Server Error' });

    expect(await runNotify(t)).toMatchObject({ sent: 0, retried: 0 });
    t.clock.advanceSeconds(15);
    expect(await runNotify(t)).toMatchObject({ sent: 1 });
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sentTo(t, user.id)).toHaveLength(2);
    expect(sentTo(t, user.id)[1]!.text).toContain(`Order <code>${order.code}</code> has been shipped`);
    expect(await runNotify(t)).toMatchObject({ sent: 0 });
  });

  it('honours a 429’s retry_after: nothing more this run, nothing before the time, sent after it', async () => {
    const first = await waitingMessage(newUser());
    const second = await waitingMessage(newUser());
    t.bot.failNext('sendMessage', { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 30', retryAfter: 30 });
    const limited = await runNotify(t);
    expect(limited).toMatchObject({ sent: 0, retried: 1, rateLimitedUntil: new Date(t.clock.now().getTime() + 30_000).toISOString() });
    // The run stopped at the 429: the other message was not tried.
    expect(t.bot.callsOf('sendMessage')).toHaveLength(1);

    t.clock.advanceSeconds(29);
    expect(await runNotify(t)).toMatchObject({ sent: 0 });
    expect(t.bot.callsOf('sendMessage')).toHaveLength(1);

    t.clock.advanceSeconds(2);
    expect(await runNotify(t)).toMatchObject({ sent: 2 });
    // Waiting out a rate limit costs no attempt.
    expect(await first.row()).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await second.row()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('records a 403 as blocked, marks the customer, and never tries them again', async () => {
    const user = newUser();
    const { row } = await waitingMessage(user);
    t.bot.failNext('sendMessage', { kind: 'error', errorCode: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await runNotify(t)).toMatchObject({ blocked: 1, retried: 0 });
    expect(await row()).toMatchObject({ status: 'blocked', lastError: '403 Forbidden: bot was blocked by the user' });
    const [customer] = await t.db.handle.db
      .select()
      .from(customers)
      .where(eq(customers.telegramId, String(user.id)));
    expect(customer!.botBlockedAt).toBeInstanceOf(Date);

    t.clock.advanceSeconds(3600);
    await runNotify(t);
    // A later message to the same customer is settled without a call.
    const later = await waitingMessage(user);
    expect(await runNotify(t)).toMatchObject({ blocked: 1, sent: 0 });
    expect(await later.row()).toMatchObject({ status: 'blocked', attempts: 0 });
    expect(sentTo(t, user.id)).toHaveLength(1);
  });

  it('fails a message Telegram rejects as a bad request, with the reason, and does not retry it', async () => {
    const user = newUser();
    const { row } = await waitingMessage(user);
    t.bot.failNext('sendMessage', { kind: 'error', errorCode: 400, description: "Bad Request: can't parse entities" });
    expect(await runNotify(t)).toMatchObject({ failed: 1 });
    expect(await row()).toMatchObject({ status: 'failed', lastError: "400 Bad Request: can't parse entities" });
    t.clock.advanceSeconds(86_400);
    await runNotify(t);
    expect(sentTo(t, user.id)).toHaveLength(1);
  });

  it('gives a message up after the last allowed attempt', async () => {
    const user = newUser();
    const { row } = await waitingMessage(user);
    await t.db.handle.db
      .update(outboxMessages)
      .set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 })
      .where(eq(outboxMessages.id, (await row()).id));
    t.bot.failNext('sendMessage', { kind: 'http', status: 502, body: 'Bad Gateway' });
    expect(await runNotify(t)).toMatchObject({ failed: 1 });
    expect(await row()).toMatchObject({
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
      lastError: expect.stringMatching(new RegExp(`^gave up after ${MAX_DELIVERY_ATTEMPTS} attempts; last: 502`)),
    });
  });
});

describe('status changes announced by the admin', () => {
  it.each([
    ['shipped', 'has been shipped'],
    ['ready_for_pickup', 'is ready for pickup'],
    ['cancelled', 'has been cancelled'],
  ])('tells the customer their order is %s, with a button to open it', async (status, words) => {
    const user = newUser();
    const { order } = await placeOrder(t, user);
    await enqueueOutbox(
      t.db.handle.db,
      [{ dedupeKey: `order_status:${order.id}:${status}`, kind: 'order_status_customer', chatId: String(user.id), orderId: order.id, payload: { status } }],
      t.clock.now(),
    );
    expect(await runNotify(t)).toMatchObject({ sent: 1 });
    const [message] = sentTo(t, user.id);
    expect(message!.text).toContain(`Order <code>${order.code}</code> ${words}`);
    expect(buttonsOf(message)).toEqual([{ text: 'Open the order', web_app: { url: `${PUBLIC_URL}/orders/${order.id}` } }]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { customers, outboxMessages } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app';
import { payOrder, placeOrder, runNotify, sentTo } from './paid-order';

const PUBLIC_URL = 'https://shop.example';
// The default 30-minute lifetime: reminders go out in its last 10 minutes.
const TTL_SECONDS = 1800;
let t: TestApp;
let nextUserId = 90_000;
const newUser = (fields: Partial<TestUser> = {}): TestUser => ({ id: nextUserId++, ...fields });

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL, orderTtlSeconds: TTL_SECONDS, merchantChatIds: [] });
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});
beforeEach(async () => {
  // Orders of earlier tests are left to expire, so the clock can move freely between tests.
  t.clock.advanceSeconds(TTL_SECONDS + 1);
  await t.request('/api/cron/expire-orders', { method: 'POST', headers: { authorization: 'Bearer test-cron-secret-0123456789' } });
  await runNotify(t);
  t.bot.calls.length = 0;
});

const remindersOf = (orderId: string) =>
  t.db.handle.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.orderId, orderId), eq(outboxMessages.kind, 'order_expiring_customer')));

describe('the payment reminder', () => {
  it('is sent once, in the last ten minutes of an unpaid order, with a button to pay', async () => {
    const user = newUser();
    const { order } = await placeOrder(t, user);
    expect(await runNotify(t)).toMatchObject({ remindersEnqueued: 0, sent: 0 });

    t.clock.advanceSeconds(TTL_SECONDS - 600 - 1);
    expect(await runNotify(t)).toMatchObject({ remindersEnqueued: 0 });
    t.clock.advanceSeconds(2);
    const [first, second] = await Promise.all([runNotify(t), runNotify(t)]);
    expect(first.remindersEnqueued + second.remindersEnqueued).toBe(1);
    expect(first.sent + second.sent).toBe(1);

    t.clock.advanceSeconds(300);
    expect(await runNotify(t)).toMatchObject({ remindersEnqueued: 0, sent: 0 });
    expect(await remindersOf(order.id)).toEqual([expect.objectContaining({ dedupeKey: `order_expiring:${order.id}`, status: 'sent' })]);

    const [message] = sentTo(t, user.id);
    expect(sentTo(t, user.id)).toHaveLength(1);
    expect(message!.text).toContain(`Order <code>${order.code}</code> is still awaiting payment`);
    expect(message!.text).toContain('in about 10 min');
    expect(message!.reply_markup?.inline_keyboard.flat()).toEqual([{ text: 'Pay now', web_app: { url: `${PUBLIC_URL}/orders/${order.id}` } }]);
  });

  it('is in the customer’s language', async () => {
    const user = newUser({ languageCode: 'ru' });
    await placeOrder(t, user);
    t.clock.advanceSeconds(TTL_SECONDS - 300);
    await runNotify(t);
    expect(sentTo(t, user.id)[0]!.text).toContain('всё ещё ждёт оплаты');
    expect(sentTo(t, user.id)[0]!.text).toContain('через 5 мин');
  });

  it('is not sent for a paid order', async () => {
    const user = newUser();
    const { order, auth } = await placeOrder(t, user);
    expect((await payOrder(t, order, auth)).status).toBe(200);
    t.clock.advanceSeconds(TTL_SECONDS - 300);
    const report = await runNotify(t);
    expect(report.remindersEnqueued).toBe(0);
    expect(
      sentTo(t, user.id)
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('awaiting payment');
  });

  it('is dropped, not sent, when the order is paid between enqueueing and delivery', async () => {
    const user = newUser();
    const { order, auth } = await placeOrder(t, user);
    t.clock.advanceSeconds(TTL_SECONDS - 300);
    t.bot.failNext('sendMessage', { kind: 'error', errorCode: 502, description: 'Bad Gateway' });
    expect(await runNotify(t)).toMatchObject({ remindersEnqueued: 1, retried: 1 });
    expect((await payOrder(t, order, auth)).status).toBe(200);

    t.clock.advanceSeconds(20);
    expect(await runNotify(t)).toMatchObject({ skipped: 1, sent: 1 });
    const texts = sentTo(t, user.id).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('is paid');
    expect(await remindersOf(order.id)).toEqual([expect.objectContaining({ status: 'sent', sentAt: null, lastError: 'skipped: the order is paid now' })]);
  });

  it('is not enqueued for a customer who blocked the bot', async () => {
    const user = newUser();
    const { order } = await placeOrder(t, user);
    await t.db.handle.db
      .update(customers)
      .set({ botBlockedAt: t.clock.now() })
      .where(eq(customers.telegramId, String(user.id)));
    t.clock.advanceSeconds(TTL_SECONDS - 300);
    expect(await runNotify(t)).toMatchObject({ remindersEnqueued: 0 });
    expect(await remindersOf(order.id)).toEqual([]);
  });
});

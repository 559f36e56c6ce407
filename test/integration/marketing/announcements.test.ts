import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers, outboxMessages } from '../../../functions/adapters/db/schema';
import { MARKETING_RATE } from '../../../functions/core/marketing/marketing-rate';
import { createTestApp, TEST_ADMIN_IDS, TEST_WEBHOOK_SECRET, type TestApp } from '../../support/test-app';
import { asAdmin } from '../admin/admin-helpers';
import { runNotify, setAsideDueMessages } from '../notifications/paid-order';

// Announcements to many customers, against the fake Bot API answering 429 and 500 at random: every
// customer who may get offers gets the message exactly once, never faster than the bot's rate, and those
// who opted out, blocked the bot or have no Telegram account get nothing.
let t: TestApp;
const FIRST_ID = 7_100_000;
const groups = { optedIn: [] as number[], optedOut: [] as number[], blocked: [] as number[] };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.handle.db;
  const rows = [];
  for (let i = 0; i < 500; i++) {
    const telegramId = FIRST_ID + i;
    const kind = i % 25 === 0 ? 'optedOut' : i % 33 === 1 ? 'blocked' : 'optedIn';
    groups[kind].push(telegramId);
    rows.push({
      telegramId: String(telegramId),
      firstName: `Customer ${i}`,
      languageCode: ['en', 'fa-IR', 'ru', 'hi'][i % 4]!,
      marketingOptedOutAt: kind === 'optedOut' ? new Date() : null,
      botBlockedAt: kind === 'blocked' ? new Date() : null,
    });
  }
  await db.insert(customers).values(rows);
  // Customers of the open web (a wallet, no Telegram account) cannot be reached by the bot.
  await db.insert(customers).values([{ walletAddress: `0:${'ab'.repeat(32)}` }, { walletAddress: `0:${'cd'.repeat(32)}` }]);
  // The merchant is a customer of the shop too (signed in with the Mini App): they get the announcement.
  expect((await asAdmin(t, '/api/admin/session')).status).toBe(200);
  groups.optedIn.push(TEST_ADMIN_IDS[0]!);
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(async () => {
  await setAsideDueMessages(t);
  t.bot.calls.length = 0;
  t.bot.succeeded.length = 0;
  t.bot.failWhen = null;
});

const announce = (body: unknown) => asAdmin(t, '/api/admin/announcements', { method: 'POST', body });
const webhook = (update: unknown) =>
  t.request('/api/telegram/webhook', { method: 'POST', body: update, headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET } });
let nextUpdateId = 50_000;

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function deliverAll(maxSeconds = 600) {
  for (let second = 0; second < maxSeconds; second++) {
    await runNotify(t);
    const [pending] = await t.db.handle.db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), like(outboxMessages.dedupeKey, 'announcement:%')))
      .limit(1);
    if (!pending) return;
    t.clock.advanceSeconds(1);
  }
  throw new Error('announcements still pending');
}

describe('an announcement to every customer who may get offers', () => {
  it('reaches each exactly once through 429s and 500s, never faster than the rate, with an Unsubscribe button', async () => {
    const next = random(7);
    t.bot.failWhen = (method) => {
      if (method !== 'sendMessage') return null;
      const roll = next();
      if (roll < 0.08) return { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 };
      if (roll < 0.16) return { kind: 'error', errorCode: 500, description: 'Internal Server Error' };
      return null;
    };
    const id = crypto.randomUUID();
    const res = await announce({ id, text: 'Winter sale: 20% off <everything> & more', audience: { kind: 'all' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id, recipients: groups.optedIn.length });
    // Sending twice plans nothing more.
    expect((await announce({ id, text: 'Winter sale: 20% off <everything> & more', audience: { kind: 'all' } })).body).toEqual({
      id,
      recipients: groups.optedIn.length,
    });

    await deliverAll();
    const got = t.bot.succeeded.filter((c) => c.method === 'sendMessage').map((c) => Number(c.params.chat_id));
    expect(got.length).toBe(groups.optedIn.length);
    expect(new Set(got)).toEqual(new Set(groups.optedIn));
    const tried = new Set(t.bot.calls.map((c) => Number(c.params.chat_id)));
    for (const id of [...groups.optedOut, ...groups.blocked]) expect(tried.has(id), `customer ${id}`).toBe(false);
    expect(
      t.bot.calls.some((c) => c.method === 'sendMessage' && typeof c.params.text === 'string' && c.params.text.includes('&lt;everything&gt; &amp; more')),
    ).toBe(true);
    expect(t.bot.succeeded[0]!.params.reply_markup).toEqual({
      inline_keyboard: [[{ text: expect.stringMatching(/Unsubscribe|Отписаться|لغو اشتراک|सदस्यता/), callback_data: 'marketing:stop' }]],
    });
    expect(t.bot.calls.length).toBeGreaterThan(got.length); // the chaos did happen

    // Never more than the marketing rate in any second, by the times the shop recorded each send.
    const sentAt = (
      await t.db.handle.db
        .select({ sentAt: outboxMessages.sentAt })
        .from(outboxMessages)
        .where(like(outboxMessages.dedupeKey, `announcement:${id}:%`))
    )
      .map((r) => r.sentAt!.getTime())
      .sort((a, b) => a - b);
    for (let i = MARKETING_RATE.limit; i < sentAt.length; i++) {
      expect(sentAt[i]! - sentAt[i - MARKETING_RATE.limit]!, `send ${i}`).toBeGreaterThanOrEqual(1000);
    }
    const status = await asAdmin(t, `/api/admin/announcements/${id}`);
    expect(status.body).toEqual({
      id,
      recipients: groups.optedIn.length,
      messages: { pending: 0, sent: groups.optedIn.length, failed: 0, blocked: 0, skipped: 0 },
    });
  }, 300_000);

  it('goes to one language, or to the buyers of a category, only', async () => {
    const farsi = await announce({ text: 'تخفیف زمستانی', audience: { kind: 'language', language: 'fa' } });
    expect(farsi.body.recipients).toBe(groups.optedIn.filter((id) => id !== TEST_ADMIN_IDS[0] && (id - FIRST_ID) % 4 === 1).length);
    const buyers = await announce({ text: 'New beans in', audience: { kind: 'category', categoryId: 'coffee' } });
    expect(buyers.body.recipients).toBe(0);
  });
});

describe('consent', () => {
  it('a tap on Unsubscribe opts out at once: a planned message is skipped, and the tap is answered', async () => {
    const someone = groups.optedIn[3]!;
    const id = crypto.randomUUID();
    await announce({ id, text: 'Spring sale', audience: { kind: 'language', language: 'hi' } });
    const res = await webhook({
      update_id: nextUpdateId++,
      callback_query: { id: 'cb-1', from: { id: someone, is_bot: false, first_name: 'C', language_code: 'ru' }, chat_instance: '1', data: 'marketing:stop' },
    });
    expect(res.status).toBe(200);
    expect(t.bot.callsOf('answerCallbackQuery')).toEqual([{ callback_query_id: 'cb-1', text: expect.stringContaining('/offers') }]);
    await deliverAll();
    expect(t.bot.succeeded.some((c) => Number(c.params.chat_id) === someone)).toBe(false);
    const status = await asAdmin(t, `/api/admin/announcements/${id}`);
    expect(status.body.messages.skipped).toBe((someone - FIRST_ID) % 4 === 3 ? 1 : 0);
    // Later announcements do not plan them at all.
    const later = await announce({ text: 'Summer sale', audience: { kind: 'all' } });
    expect(later.body.recipients).toBe(groups.optedIn.length - 1);
  });

  it('/stop opts out and /offers opts back in, each answered in the chat', async () => {
    const someone = groups.optedIn[10]!;
    const command = (text: string) =>
      webhook({
        update_id: nextUpdateId++,
        message: {
          message_id: 1,
          date: 1,
          chat: { id: someone, type: 'private' },
          from: { id: someone, is_bot: false, first_name: 'C', language_code: 'en' },
          text,
        },
      });
    const optedOut = async () =>
      (
        await t.db.handle.db
          .select({ at: customers.marketingOptedOutAt })
          .from(customers)
          .where(eq(customers.telegramId, String(someone)))
      )[0]!.at;
    expect((await command('/stop')).status).toBe(200);
    expect(await optedOut()).not.toBeNull();
    expect(t.bot.callsOf('sendMessage').at(-1)).toMatchObject({ chat_id: someone, text: expect.stringContaining('no more offers') });
    expect((await command('/offers')).status).toBe(200);
    expect(await optedOut()).toBeNull();
    expect(t.bot.callsOf('sendMessage').at(-1)).toMatchObject({ chat_id: someone, text: expect.stringContaining('offers again') });
  });
});

describe('a preview', () => {
  it('goes to the merchant’s own chat, with the count of who the announcement would reach', async () => {
    const res = await asAdmin(t, '/api/admin/announcements/preview', {
      method: 'POST',
      body: { text: 'Try this', button: { text: 'Open', url: 'https://shop.example/' }, audience: { kind: 'all' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.recipients).toBeGreaterThan(0);
    await runNotify(t);
    expect(t.bot.callsOf('sendMessage').find((c) => c.chat_id === TEST_ADMIN_IDS[0])).toMatchObject({
      text: 'Try this',
      reply_markup: { inline_keyboard: [[{ text: 'Open', url: 'https://shop.example/' }], [{ callback_data: 'marketing:stop' }]] },
    });
  });

  it('refuses what cannot be sent', async () => {
    for (const body of [
      { text: '', audience: { kind: 'all' } },
      { text: 'x', audience: { kind: 'everyone' } },
      { text: 'x'.repeat(1025), photoUrl: 'https://shop.example/a.jpg', audience: { kind: 'all' } },
      { text: 'x', photoUrl: 'http://shop.example/a.jpg', audience: { kind: 'all' } },
      { text: 'x', button: { text: 'Go', url: 'javascript:alert(1)' }, audience: { kind: 'all' } },
    ]) {
      const res = await asAdmin(t, '/api/admin/announcements/preview', { method: 'POST', body });
      expect([res.status, res.body.error.code], JSON.stringify(body).slice(0, 80)).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});

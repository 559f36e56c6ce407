import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { products } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin } from '../admin/admin-helpers';
import { runNotify, setAsideDueMessages } from '../notifications/paid-order';

// Posting products to the shop's channels from the admin, against the fake Bot API (sendPhoto and
// sendMessage in their wire format; channels refuse web_app buttons there, as Telegram does).
const PUBLIC_URL = 'https://shop.example';
const CHANNEL = -1002000000001;
const SECOND_CHANNEL = -1002000000002;
const LINK = (slug: string) => `https://t.me/bazaar_test_bot?startapp=product_${slug}`;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL, channelIds: [CHANNEL, SECOND_CHANNEL] });
  // One product with a JPEG picture (sent as a photo); the demo's own pictures are SVG (sent as text).
  await t.db.handle.db
    .update(products)
    .set({ images: ['/media/mug.jpg'] })
    .where(eq(products.slug, 'travel-mug'));
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

const post = (body: unknown) => asAdmin(t, '/api/admin/channel-posts', { method: 'POST', body });
const sentToChannels = () => t.bot.calls.filter((c) => c.method === 'sendPhoto' || c.method === 'sendMessage').filter((c) => Number(c.params.chat_id) < 0);

describe('a channel post, previewed', () => {
  it('shows exactly what each channel will get: photo or text, caption in the chosen language, a url button to the product', async () => {
    const res = await asAdmin(t, '/api/admin/channel-posts/preview', { method: 'POST', body: { products: ['travel-mug', 'masala-chai'], locale: 'ru' } });
    expect(res.status).toBe(200);
    expect(res.body.channels).toEqual([String(CHANNEL), String(SECOND_CHANNEL)]);
    expect(res.body.posts).toHaveLength(4);
    const [mug, chai] = res.body.posts;
    expect(mug).toMatchObject({
      chatId: String(CHANNEL),
      slug: 'travel-mug',
      method: 'sendPhoto',
      params: { photo: `${PUBLIC_URL}/media/mug.jpg`, parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ url: LINK('travel-mug') }]] } },
    });
    expect(mug.params.caption).toMatch(/^<b>.+<\/b>\n.*TON/);
    expect(chai).toMatchObject({ slug: 'masala-chai', method: 'sendMessage', params: { reply_markup: { inline_keyboard: [[{ url: LINK('masala-chai') }]] } } });
    expect(chai.params.text).toContain('Масала-чай');
    expect(JSON.stringify(res.body.posts)).not.toContain('web_app');
    // A preview sends nothing.
    expect(t.bot.calls).toEqual([]);
  });

  it('refuses what cannot be posted, with errors the merchant can act on', async () => {
    const cases: [unknown, number, string][] = [
      [{ products: [], locale: 'en' }, 400, 'VALIDATION_FAILED'],
      [{ products: ['travel-mug', 'travel-mug'], locale: 'en' }, 400, 'VALIDATION_FAILED'],
      [{ products: ['travel-mug'], locale: 'xx' }, 400, 'VALIDATION_FAILED'],
      [{ products: ['no-such-thing'], locale: 'en' }, 404, 'PRODUCT_NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const res = await asAdmin(t, '/api/admin/channel-posts/preview', { method: 'POST', body });
      expect([res.status, res.body?.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
  });

  it('is refused when no channel is configured', async () => {
    const bare = await createTestApp({ publicUrl: PUBLIC_URL });
    try {
      const res = await asAdmin(bare, '/api/admin/channel-posts/preview', { method: 'POST', body: { products: ['travel-mug'], locale: 'en' } });
      expect([res.status, res.body.error.code]).toEqual([409, 'CHANNELS_NOT_CONFIGURED']);
    } finally {
      await bare.close();
    }
  });

  it('is for the shop’s staff only', async () => {
    const res = await t.request('/api/admin/channel-posts/preview', {
      method: 'POST',
      body: { products: ['travel-mug'], locale: 'en' },
      auth: await t.authFor({ id: 55_001 }),
    });
    expect(res.status).toBe(403);
  });
});

describe('a channel post, sent', () => {
  it('goes out through the outbox once per channel and product, exactly once however often it is sent', async () => {
    const postId = crypto.randomUUID();
    const first = await post({ postId, products: ['travel-mug'], locale: 'en' });
    expect(first.status).toBe(202);
    expect(first.body.planned.map((p: { chatId: string }) => p.chatId).sort()).toEqual([String(CHANNEL), String(SECOND_CHANNEL)].sort());
    const again = await post({ postId, products: ['travel-mug'], locale: 'en' });
    expect(again.body.planned).toEqual(first.body.planned);
    expect(t.bot.calls).toEqual([]);

    await runNotify(t);
    const sent = sentToChannels();
    expect(sent.map((c) => [c.method, c.params.chat_id]).sort()).toEqual([
      ['sendPhoto', CHANNEL],
      ['sendPhoto', SECOND_CHANNEL],
    ]);
    expect(sent[0]!.params).toMatchObject({
      photo: `${PUBLIC_URL}/media/mug.jpg`,
      reply_markup: { inline_keyboard: [[{ text: '🛍 View the product', url: LINK('travel-mug') }]] },
    });
    await runNotify(t);
    expect(sentToChannels()).toHaveLength(2);
    const status = await asAdmin(t, `/api/admin/channel-posts/${postId}`);
    expect(status.body).toEqual({ postId, messages: { pending: 0, sent: 2, failed: 0, blocked: 0 } });
  });

  it('waits for its scheduled time', async () => {
    const sendAt = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const res = await post({ products: ['masala-chai'], locale: 'en', sendAt });
    expect(res.status).toBe(202);
    expect(res.body.planned.every((p: { sendAt: string }) => p.sendAt >= sendAt)).toBe(true);
    await runNotify(t);
    expect(sentToChannels()).toEqual([]);
    t.clock.advanceSeconds(3600);
    await runNotify(t);
    expect(sentToChannels().map((c) => c.method)).toEqual(['sendMessage', 'sendMessage']);
  });

  it('never goes to one channel faster than 20 messages a minute, however many are planned or retried', async () => {
    // Ten products, four posts of them: 40 messages per channel.
    const slugs = (await t.db.handle.db.select({ slug: products.slug }).from(products)).map((p) => p.slug).slice(0, 10);
    for (let i = 0; i < 4; i++) expect((await post({ products: slugs, locale: 'en' })).status).toBe(202);
    // A burst of 429s on the way bunches retries up; the chat's own limit still holds.
    t.bot.failNext('sendMessage', { kind: 'error', errorCode: 429, description: 'Too Many Requests: retry after 5', retryAfter: 5 });
    const sendTimes: number[] = [];
    for (let second = 0; second < 300 && sentToChannels().filter((c) => c.params.chat_id === CHANNEL).length < 40; second += 1) {
      const before = sentToChannels().filter((c) => c.params.chat_id === CHANNEL).length;
      await runNotify(t);
      const after = sentToChannels().filter((c) => c.params.chat_id === CHANNEL).length;
      for (let k = before; k < after; k++) sendTimes.push(t.clock.now().getTime());
      t.clock.advanceSeconds(1);
    }
    expect(sendTimes).toHaveLength(40);
    for (let i = 20; i < sendTimes.length; i++) expect(sendTimes[i]! - sendTimes[i - 20]!, `message ${i}`).toBeGreaterThanOrEqual(60_000);
  }, 120_000);

  it('refuses a time more than 30 days ahead, and takes a time already past as now', async () => {
    const far = await post({ products: ['masala-chai'], locale: 'en', sendAt: new Date(t.clock.now().getTime() + 31 * 86_400_000).toISOString() });
    expect([far.status, far.body.error.code]).toEqual([400, 'SEND_AT_TOO_FAR']);
    const past = await post({ products: ['masala-chai'], locale: 'en', sendAt: new Date(t.clock.now().getTime() - 60_000).toISOString() });
    expect(past.status).toBe(202);
    expect(await asAdmin(t, `/api/admin/channel-posts/${crypto.randomUUID()}`)).toMatchObject({ status: 404 });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../support/test-app';

const PUBLIC_URL = 'https://shop.example';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL, shopUrl: TEST_ORIGIN });
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.bot.calls.length = 0;
  t.errors.length = 0;
});

const share = (slug: string, init: { auth?: string; headers?: Record<string, string> }) =>
  t.request(`/api/products/${slug}/share`, { method: 'POST', ...init });
const LINK = 'https://t.me/bazaar_test_bot?startapp=product_travel-mug';

describe('sharing a product from its page', () => {
  it('inside Telegram, prepares the message for the person and gives its id for shareMessage', async () => {
    const user = { id: 81_001, languageCode: 'en' };
    const res = await share('travel-mug', { auth: await t.authFor(user) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      preparedMessageId: expect.stringMatching(/^prepared-/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      link: LINK,
      shareUrl: `https://t.me/share/url?url=${encodeURIComponent(LINK)}&text=${encodeURIComponent('Travel mug, 350 ml')}`,
    });
    const [call] = t.bot.callsOf('savePreparedInlineMessage');
    expect(call).toMatchObject({
      user_id: user.id,
      allow_user_chats: true,
      allow_group_chats: true,
      allow_channel_chats: true,
      result: {
        type: 'article',
        title: 'Travel mug, 350 ml',
        reply_markup: { inline_keyboard: [[{ text: '🛍 View the product', url: LINK }]] },
      },
    });
  });

  it('in the sharer’s language', async () => {
    const res = await share('masala-chai', { auth: await t.authFor({ id: 81_002, languageCode: 'ru' }) });
    expect(res.status).toBe(200);
    expect(t.bot.callsOf('savePreparedInlineMessage')[0]).toMatchObject({ result: { title: 'Масала-чай, 150 г' } });
  });

  it('on the web, prepares nothing and gives the share link', async () => {
    const cookie = await t.webSignIn({ id: 81_003 });
    t.bot.calls.length = 0;
    const res = await share('travel-mug', { headers: { cookie, origin: TEST_ORIGIN } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ preparedMessageId: null, expiresAt: null, link: LINK });
    expect(t.bot.callsOf('savePreparedInlineMessage')).toEqual([]);
  });

  it('falls back to the link when Telegram refuses to prepare it', async () => {
    t.bot.failNext('savePreparedInlineMessage', { kind: 'error', errorCode: 400, description: 'Bad Request: USER_ID_INVALID' });
    const res = await share('travel-mug', { auth: await t.authFor({ id: 81_004 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ preparedMessageId: null, link: LINK });
    expect(t.errors).toHaveLength(1);
    t.errors.length = 0;
  });

  it('answers 404 for a product that is not for sale, and 401 without sign-in', async () => {
    const missing = await share('no-such-thing', { auth: await t.authFor({ id: 81_005 }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'PRODUCT_NOT_FOUND' } });
    expect((await share('travel-mug', {})).status).toBe(401);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { webCrypto } from '../../../functions/adapters/crypto/web-crypto';
import { customers, outboxMessages } from '../../../functions/adapters/db/schema';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { loadConfig } from '../../../functions/config';
import { createAppFromEnv, type Shop } from '../../../functions/platforms/shared/create-app-from-env';
import { createFakeBotApi, type FakeBotApi } from '../../fakes/fake-bot-api';
import { createTestApp, TEST_BOT_TOKEN, type TestApp } from '../../support/test-app';

// MESSENGER=bale (#16): the same bot, webhook and messages through Bale's Bot API, whose shape is
// Telegram's at https://tapi.bale.ai/bot<TOKEN>/<METHOD>; ids are text, and a non-numeric one must come
// back out of the database exactly as it went in.

const SECRET = 'bale-webhook-secret_0123456789';
// Bale's real ids are numbers today; a text id is what any messenger of this API shape may send, and
// what the shop must carry through unchanged.
const TEXT_USER_ID = 'u_7f3a9c2e-41b8';

let t: TestApp;
let bot: FakeBotApi;
let shop: Shop;
const botUrls: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  bot = createFakeBotApi({ token: TEST_BOT_TOKEN });
  const config = loadConfig({
    MESSENGER: 'bale',
    BOT_TOKEN: TEST_BOT_TOKEN,
    WEBHOOK_SECRET: SECRET,
    PUBLIC_URL: 'https://shop.example',
    MERCHANT_CHAT_IDS: 'merchant_chat_1,4242',
  });
  shop = createAppFromEnv(config, {
    database: t.db.handle,
    crypto: webCrypto,
    ton: t.ton,
    clock: t.clock.now,
    // The bot's requests are recorded where they were addressed, then answered by the fake Bot API.
    botFetch: (input, init) => {
      botUrls.push(new Request(input).url);
      return bot.fetch(input, init);
    },
  });
});
afterAll(() => t.close());
beforeEach(() => {
  botUrls.length = 0;
});

function postUpdate(update: object, path = `/api/telegram/webhook/${SECRET}`, headers: Record<string, string> = {}) {
  return shop.app.request(`http://shop.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(update),
  });
}

function startFrom(updateId: number, userId: string | number) {
  return {
    update_id: updateId,
    message: {
      message_id: 1,
      date: 1_700_000_000,
      chat: { id: userId, type: 'private' },
      from: { id: userId, is_bot: false, first_name: 'Sara', language_code: 'fa' },
      text: '/start',
    },
  };
}

describe('MESSENGER=bale', () => {
  it('sends the bot’s requests to Bale’s Bot API, https://tapi.bale.ai/bot<TOKEN>/<METHOD>', async () => {
    expect((await postUpdate(startFrom(1, 501))).status).toBe(200);
    expect(botUrls.length).toBeGreaterThan(0);
    for (const url of botUrls) expect(url).toMatch(new RegExp(`^https://tapi\\.bale\\.ai/bot${TEST_BOT_TOKEN.replace(':', ':')}/[A-Za-z]+$`));
    expect(bot.succeeded.find((c) => c.method === 'sendMessage' && c.params.chat_id === 501)).toBeDefined();
  });

  it('keeps a non-numeric user id as it came: the customer, the queued reply and the message sent all carry it', async () => {
    expect((await postUpdate(startFrom(2, TEXT_USER_ID))).status).toBe(200);
    const [reply] = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.chatId, TEXT_USER_ID));
    expect(reply).toMatchObject({ chatId: TEXT_USER_ID, kind: 'bot_reply', status: 'sent' });
    expect(bot.succeeded.some((c) => c.method === 'sendMessage' && c.params.chat_id === TEXT_USER_ID)).toBe(true);

    // /stop records the opt-out against the same text id: found again by it, not by a number.
    await t.db.handle.db.insert(customers).values({ telegramId: TEXT_USER_ID, firstName: 'Sara' }).onConflictDoNothing();
    expect((await postUpdate({ ...startFrom(3, TEXT_USER_ID), message: { ...startFrom(3, TEXT_USER_ID).message, text: '/stop' } })).status).toBe(200);
    const [row] = await t.db.handle.db.select().from(customers).where(eq(customers.telegramId, TEXT_USER_ID));
    expect(row?.marketingOptedOutAt).toBeInstanceOf(Date);
  });

  it('takes the webhook secret from the URL path (Bale may not send Telegram’s header), and refuses a wrong one', async () => {
    expect((await postUpdate(startFrom(4, 502), '/api/telegram/webhook/wrong-secret_0123456789')).status).toBe(401);
    expect((await postUpdate(startFrom(5, 502), '/api/telegram/webhook')).status).toBe(401);
    // Telegram's header still works, whichever messenger.
    expect((await postUpdate(startFrom(6, 502), '/api/telegram/webhook', { 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
  });

  it('refuses Mini App launch data, however well signed, with a code that says to sign in on the page', async () => {
    // Signed exactly as Telegram signs it, with the shop's own token: Bale documents no such scheme, so
    // the shop cannot know that Bale made it, and does not trust it.
    const initData = await signInitData({
      fields: { user: JSON.stringify({ id: 501, first_name: 'Sara' }), auth_date: String(Math.floor(t.clock.now().getTime() / 1000)) },
      botToken: TEST_BOT_TOKEN,
      crypto: nodeCrypto,
    });
    const res = await shop.app.request('http://shop.test/api/me', { headers: { authorization: `tma ${initData}` } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INIT_DATA_UNVERIFIABLE');
    expect(body.error.message).toMatch(/Bale.*wallet/);
  });

  it('tells the page which SDK to load, and offers no Telegram Login Widget (a Bale token is no Telegram bot’s)', async () => {
    const res = await shop.app.request('http://shop.test/api/auth/config');
    expect(await res.json()).toMatchObject({
      telegramLogin: null,
      tonProof: true,
      messenger: { name: 'bale', miniAppSdkUrl: 'https://tapi.bale.ai/miniapp.js', verifiesLaunchData: false },
    });
  });
});

describe('MESSENGER settings', () => {
  it('accepts text ids for Bale, and refuses them for Telegram with the variable named', () => {
    expect(loadConfig({ MESSENGER: 'bale', ADMIN_IDS: 'admin_1,77' }).env.ADMIN_IDS).toEqual(['admin_1', '77']);
    expect(() => loadConfig({ ADMIN_IDS: 'admin_1' })).toThrow(/ADMIN_IDS.*admin_1/);
    expect(() => loadConfig({ SHOP_CHANNEL_IDS: '12345' })).toThrow(/SHOP_CHANNEL_IDS.*12345/);
    expect(loadConfig({ SHOP_CHANNEL_IDS: '-1001234567890' }).env.SHOP_CHANNEL_IDS).toEqual(['-1001234567890']);
  });
});

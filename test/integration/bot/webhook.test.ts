import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers, outboxMessages, productVariants, products, shopSettings, telegramUpdates } from '../../../functions/adapters/db/schema';
import { createTestApp, TEST_CRON_SECRET, TEST_WEBHOOK_SECRET, type TestApp } from '../../support/test-app';

const PUBLIC_URL = 'https://shop.example';
let t: TestApp;
let nextUpdateId = 1000;
let nextUserId = 70_000;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(() => {
  t.bot.calls.length = 0;
});

function post(body: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET }) {
  return t.request('/api/telegram/webhook', { method: 'POST', body, headers });
}

/** A private-chat text message from `user`, as Telegram delivers it. */
function textUpdate(text: string, user: { id: number; language_code?: string; first_name?: string }, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      from: { id: user.id, is_bot: false, first_name: user.first_name ?? 'Ada', language_code: user.language_code ?? 'en' },
      chat: { id: user.id, type: 'private', first_name: user.first_name ?? 'Ada' },
      text,
      ...(text.startsWith('/') && { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }),
    },
  };
}

async function updateRows(updateId: number) {
  return t.db.handle.db.select().from(telegramUpdates).where(eq(telegramUpdates.updateId, updateId));
}

type Sent = {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: { text: string; web_app?: { url: string }; url?: string }[][] };
};
const sent = () => t.bot.callsOf('sendMessage') as unknown as Sent[];
const buttonsOf = (message: Sent) => message.reply_markup?.inline_keyboard.flat() ?? [];

describe('who may call the webhook', () => {
  it.each([
    ['no secret header', {}],
    ['a wrong secret', { 'x-telegram-bot-api-secret-token': 'wrong-secret_0123456789abcd' }],
    ['the secret with one character changed', { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET.slice(0, -1) + 'X' }],
  ])('answers 401 to %s and processes nothing', async (_name, headers) => {
    const update = textUpdate('/start', { id: nextUserId++ });
    const res = await post(update, headers);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('WEBHOOK_UNAUTHORIZED');
    expect(await updateRows(update.update_id)).toEqual([]);
    expect(t.bot.calls).toEqual([]);
  });

  it('is off with a clear 403 when no bot token is configured', async () => {
    const devShop = await createTestApp({ liveBot: false, seed: false });
    try {
      const res = await devShop.request('/api/telegram/webhook', {
        method: 'POST',
        body: textUpdate('/start', { id: 1 }),
        headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('WEBHOOK_DISABLED');
    } finally {
      await devShop.close();
    }
  });
});

describe('reading updates', () => {
  it('answers 400 to malformed JSON', async () => {
    const res = await post('{"update_id": 1, "message": {');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_JSON');
  });

  it('answers 400 to an update without an update_id', async () => {
    const res = await post({ message: textUpdate('/start', { id: 5 }).message });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('acknowledges an update of a kind it does not handle, and does nothing else', async () => {
    const updateId = nextUpdateId++;
    const res = await post({
      update_id: updateId,
      edited_message: { message_id: 7, date: 1, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'A' }, text: 'typo fixed' },
    });
    expect(res.status).toBe(200);
    expect(await updateRows(updateId)).toMatchObject([{ kind: 'edited_message' }]);
    expect(t.bot.calls).toEqual([]);
  });

  it('processes an update delivered twice only once: one reply', async () => {
    const update = textUpdate('/help', { id: nextUserId++ });
    const first = await post(update);
    const second = await post(update);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toEqual({ ok: true, duplicate: true });
    expect(sent()).toHaveLength(1);
    expect(await updateRows(update.update_id)).toHaveLength(1);
  });

  it('processes the same update arriving five times at once only once', async () => {
    const update = textUpdate('/help', { id: nextUserId++ });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(update)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(sent()).toHaveLength(1);
  });

  // The update is Telegram's and must be acknowledged (a refusal is retried for hours), so text the
  // database cannot store is replaced by U+FFFD, never refused.
  it.each([
    ['U+0000', '\u0000'],
    ['a lone high surrogate', '\uD83D'],
    ['a lone low surrogate', '\uDE00'],
  ])('acknowledges an update with %s in its kind and its text, and stores it with U+FFFD', async (_name, bad) => {
    const updateId = nextUpdateId++;
    const res = await post({ update_id: updateId, [`future_kind${bad}`]: { note: `x${bad}` } });
    expect(res.status).toBe(200);
    expect(await updateRows(updateId)).toMatchObject([{ kind: 'future_kind\uFFFD' }]);
    const user = { id: nextUserId++, first_name: `Ada${bad}`, language_code: `ru${bad}` };
    const message = await post(textUpdate(`/start product_espresso-beans${bad}`, user));
    expect(message.status).toBe(200);
    expect(await message.json()).toEqual({ ok: true, duplicate: false });
    // Not a product slug any more: the shop's welcome, as for any unknown product.
    expect(sent()).toHaveLength(1);
  });

  it('does not talk in groups', async () => {
    const updateId = nextUpdateId++;
    const res = await post({
      update_id: updateId,
      message: {
        message_id: 1,
        date: 1,
        from: { id: 77, is_bot: false, first_name: 'G' },
        chat: { id: -100500, type: 'supergroup', title: 'Shop staff' },
        text: '/start',
      },
    });
    expect(res.status).toBe(200);
    expect(t.bot.calls).toEqual([]);
  });
});

describe('/start', () => {
  it('greets and offers a web_app button that opens the shop, and mentions the web address', async () => {
    const user = { id: nextUserId++ };
    expect((await post(textUpdate('/start', user))).status).toBe(200);
    const [message] = sent();
    expect(message).toMatchObject({ chat_id: user.id, parse_mode: 'HTML' });
    expect(message!.text).toContain('Welcome to <b>Bazaar test shop</b>');
    expect(message!.text).toContain(PUBLIC_URL);
    expect(buttonsOf(message!)).toEqual([{ text: '🛍 Open the shop', web_app: { url: `${PUBLIC_URL}/` } }]);
  });

  it('with product_<slug> opens that product', async () => {
    const user = { id: nextUserId++ };
    await post(textUpdate('/start product_travel-mug', user));
    const [message] = sent();
    const [product] = await t.db.handle.db.select().from(products).where(eq(products.slug, 'travel-mug'));
    expect(message!.chat_id).toBe(user.id);
    expect(message!.text).toContain(`<b>${product!.title}</b>`);
    expect(buttonsOf(message!)).toEqual([{ text: '🛍 View the product', web_app: { url: `${PUBLIC_URL}/p/travel-mug` } }]);
  });

  it('with an unknown product says so and opens the shop instead', async () => {
    await post(textUpdate('/start product_no-such-thing', { id: nextUserId++ }));
    const [message] = sent();
    expect(message!.text).toContain('no longer available');
    expect(buttonsOf(message!)).toEqual([{ text: '🛍 Open the shop', web_app: { url: `${PUBLIC_URL}/` } }]);
  });

  it('escapes a product title that contains HTML', async () => {
    await t.db.handle.db.update(products).set({ title: 'Mug <b>&</b> "Co"' }).where(eq(products.slug, 'beanie'));
    await post(textUpdate('/start product_beanie', { id: nextUserId++ }));
    expect(sent()[0]!.text).toContain('<b>Mug &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;</b>');
  });

  it('uses the shop name the merchant set in the admin screens, escaped', async () => {
    await t.db.handle.db.insert(shopSettings).values({ key: 'shop', value: { name: 'Tea & <Cakes>', defaultLanguage: 'en' }, updatedAt: new Date() });
    try {
      await post(textUpdate('/start', { id: nextUserId++ }));
      expect(sent()[0]!.text).toContain('Welcome to <b>Tea &amp; &lt;Cakes&gt;</b>');
    } finally {
      await t.db.handle.db.delete(shopSettings).where(eq(shopSettings.key, 'shop'));
    }
  });

  it('answers in the sender’s language, Persian included', async () => {
    await post(textUpdate('/start', { id: nextUserId++, language_code: 'ru' }));
    await post(textUpdate('/start', { id: nextUserId++, language_code: 'fa' }));
    await post(textUpdate('/start', { id: nextUserId++, language_code: 'hi' }));
    const [ru, fa, hi] = sent();
    expect(ru!.text).toContain('Добро пожаловать');
    expect(buttonsOf(ru!)[0]!.text).toBe('🛍 Открыть магазин');
    expect(fa!.text).toContain('خوش آمدید');
    expect(hi!.text).toContain('स्वागत');
  });
});

describe('/orders, /help, /web', () => {
  it('lists the sender’s own recent orders with their status', async () => {
    const buyer = { id: nextUserId++ };
    const other = { id: nextUserId++ };
    const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
    const mug = catalog.products.find((p) => p.slug === 'travel-mug')!;
    await t.db.handle.db.update(productVariants).set({ stock: 100 });
    const codes: string[] = [];
    for (const user of [buyer, buyer, other]) {
      const res = await t.request('/api/orders', { auth: await t.authFor(user), body: { items: [{ productId: mug.id, quantity: 1 }] } });
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { code: string }).code);
    }
    await post(textUpdate('/orders', buyer));
    const [message] = sent();
    expect(message!.chat_id).toBe(buyer.id);
    expect(message!.text).toContain('Your recent orders');
    expect(message!.text).toContain(`<code>${codes[0]}</code> — Awaiting payment`);
    expect(message!.text).toContain(`<code>${codes[1]}</code> — Awaiting payment`);
    expect(message!.text).not.toContain(codes[2]!);
    expect(buttonsOf(message!)).toEqual([{ text: '🧾 My orders', web_app: { url: `${PUBLIC_URL}/orders` } }]);
  });

  it('says there are no orders yet to someone who has none', async () => {
    await post(textUpdate('/orders', { id: nextUserId++, language_code: 'ru' }));
    expect(sent()[0]!.text).toContain('У вас пока нет заказов');
  });

  it('/help lists the commands (the offers’ /stop and /offers among them) and /web gives the shop’s web address', async () => {
    const user = { id: nextUserId++ };
    await post(textUpdate('/help', user));
    await post(textUpdate('/web', user));
    const [help, web] = sent();
    for (const command of ['/start', '/orders', '/web', '/paysupport', '/stop', '/offers', '/help']) expect(help!.text).toContain(command);
    expect(web!.text).toContain(PUBLIC_URL);
  });

  it('answers an unknown command with a pointer to /help', async () => {
    await post(textUpdate('/dance', { id: nextUserId++ }));
    expect(sent()[0]!.text).toContain('/help');
  });
});

describe('delivery of replies', () => {
  it('keeps the reply in the outbox when the Bot API is down, and the worker sends it later', async () => {
    const user = { id: nextUserId++ };
    t.bot.failNext('sendMessage', { kind: 'http', status: 502, body: '<html>Bad Gateway</html>' });
    const update = textUpdate('/help', user);
    expect((await post(update)).status).toBe(200);
    const [row] = await t.db.handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.dedupeKey, `update:${update.update_id}`));
    expect(row).toMatchObject({ status: 'pending', kind: 'bot_reply', chatId: String(user.id), attempts: 1 });

    t.clock.advanceSeconds(60);
    const run = await t.request('/api/cron/notify', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    expect(run.status).toBe(200);
    expect(sent().filter((m) => m.chat_id === user.id)).toHaveLength(2);
    const [after] = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, row!.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('blocking and unblocking the bot', () => {
  it('records a customer who blocks the bot, and clears it when they write again', async () => {
    const user = { id: nextUserId++ };
    await t.request('/api/orders', { auth: await t.authFor(user) }); // creates the customer row
    const blockedAt = async () =>
      (
        await t.db.handle.db
          .select({ at: customers.botBlockedAt })
          .from(customers)
          .where(eq(customers.telegramId, String(user.id)))
      )[0]?.at;
    const membership = (status: string) => ({
      update_id: nextUpdateId++,
      my_chat_member: {
        chat: { id: user.id, type: 'private', first_name: 'Ada' },
        from: { id: user.id, is_bot: false, first_name: 'Ada' },
        date: 1,
        old_chat_member: { status: status === 'kicked' ? 'member' : 'kicked', user: { id: 7000000001, is_bot: true, first_name: 'Shop' } },
        new_chat_member: { status, user: { id: 7000000001, is_bot: true, first_name: 'Shop' }, ...(status === 'kicked' && { until_date: 0 }) },
      },
    });
    expect((await post(membership('kicked'))).status).toBe(200);
    expect(await blockedAt()).toBeInstanceOf(Date);
    await post(textUpdate('/start', user));
    expect(await blockedAt()).toBeNull();
    await post(membership('kicked'));
    await post(membership('member'));
    expect(await blockedAt()).toBeNull();
  });
});

describe('inline mode: @bot <words> in any chat', () => {
  const inlineUpdate = (query: string, user: { id: number; language_code?: string }, offset = '', updateId = nextUpdateId++) => ({
    update_id: updateId,
    inline_query: { id: `iq-${updateId}`, from: { is_bot: false, first_name: 'Ada', ...user }, query, offset, chat_type: 'sender' },
  });
  const answers = () =>
    t.bot.callsOf('answerInlineQuery') as { inline_query_id: string; results: Record<string, unknown>[]; is_personal: boolean; button?: unknown }[];

  it('answers with the matching products, each with a button that opens it in the Mini App', async () => {
    const update = inlineUpdate('travel mug', { id: nextUserId++ });
    const outboxBefore = (await t.db.handle.db.select().from(outboxMessages)).length;
    expect((await post(update)).status).toBe(200);
    const [answer] = answers();
    expect(answer).toMatchObject({ inline_query_id: update.inline_query.id, is_personal: true, button: { web_app: { url: `${PUBLIC_URL}/` } } });
    expect(answer!.results.map((r) => r.title)).toEqual(['Travel mug, 350 ml']);
    expect(answer!.results[0]).toMatchObject({
      type: 'article',
      description: expect.stringContaining('7.2 TON'),
      reply_markup: { inline_keyboard: [[{ text: '🛍 View the product', url: 'https://t.me/bazaar_test_bot?startapp=product_travel-mug' }]] },
    });
    // Nothing is kept to send later: the answer only matters while the person types.
    expect(await t.db.handle.db.select().from(outboxMessages)).toHaveLength(outboxBefore);
  });

  it('searches and answers in the person’s language', async () => {
    await post(inlineUpdate('чай', { id: nextUserId++, language_code: 'ru' }));
    const [answer] = answers();
    expect(answer!.results.map((r) => r.title)).toEqual(expect.arrayContaining(['Масала-чай, 150 г']));
    expect(JSON.stringify(answer!.results)).toContain('Посмотреть товар');
  });

  it('answers a query Telegram sends twice only once', async () => {
    const update = inlineUpdate('kettle', { id: nextUserId++ });
    await post(update);
    expect((await post(update)).status).toBe(200);
    expect(answers()).toHaveLength(1);
  });

  it('still answers 200 when the Bot API refuses the answer, and logs it', async () => {
    t.bot.failNext('answerInlineQuery', {
      kind: 'error',
      errorCode: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    const before = t.errors.length;
    expect((await post(inlineUpdate('kettle', { id: nextUserId++ }))).status).toBe(200);
    expect(t.errors.slice(before).map((e) => (e as { message: string }).message)).toEqual(['answering an inline query failed']);
    t.errors.splice(before);
  });
});

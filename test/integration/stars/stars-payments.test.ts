import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboxMessages, products, starPayments } from '../../../functions/adapters/db/schema';
import { createTestApp, sessionCookieOf, TEST_CRON_SECRET, TEST_WEBHOOK_SECRET, type TestApp } from '../../support/test-app';
import { shopFlows } from '../../support/shop-flows';
import type { FakeSuccessfulPayment } from '../../fakes/fake-bot-api';
import { asAdmin } from '../admin/admin-helpers';

// Telegram Stars end to end: the Mini App asks for an invoice, the fake Bot API makes it and lets a
// customer pay it, and the webhook gets the real update JSON Telegram would post (pre_checkout_query,
// then a message with successful_payment). Prices in Stars are the merchant's own figures.
const GIFT_CARD_STARS = 150;
const BIG_GIFT_CARD_STARS = 350;
const PUBLIC_URL = 'https://shop.example';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;
let nextUpdateId = 50_000;
let nextUserId = 810_000;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  flows = shopFlows(t);
  await t.db.handle.db.update(products).set({ priceStars: GIFT_CARD_STARS }).where(eq(products.slug, 'gift-card-10'));
  await t.db.handle.db.update(products).set({ priceStars: BIG_GIFT_CARD_STARS }).where(eq(products.slug, 'gift-card-25'));
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(() => {
  t.bot.calls.length = 0;
});

interface Customer {
  id: number;
  auth: string;
  languageCode: string;
}

async function newCustomer(languageCode = 'en'): Promise<Customer> {
  const id = nextUserId++;
  return { id, languageCode, auth: await t.authFor({ id, languageCode }) };
}

async function order(customer: Customer, items: { slug: string; quantity: number }[]) {
  const res = await t.request('/api/orders', {
    auth: customer.auth,
    body: { items: await Promise.all(items.map(async (item) => ({ productId: await flows.productId(item.slug), quantity: item.quantity }))) },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; code: string; status: string };
}

function invoiceFor(customer: Customer, orderId: string, body?: unknown) {
  return t.request(`/api/orders/${orderId}/stars-invoice`, { method: 'POST', auth: customer.auth, ...(body !== undefined && { body }) });
}

async function invoiceUrlFor(customer: Customer, orderId: string): Promise<string> {
  const res = await invoiceFor(customer, orderId);
  expect(res.status).toBe(200);
  return ((await res.json()) as { invoiceUrl: string }).invoiceUrl;
}

function postUpdate(update: Record<string, unknown>) {
  return t.request('/api/telegram/webhook', { method: 'POST', body: update, headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET } });
}

function telegramUser(customer: Customer) {
  return { id: customer.id, is_bot: false, first_name: 'Ada', language_code: customer.languageCode };
}

/** core.telegram.org/bots/api#precheckoutquery, as Telegram posts it before taking the Stars. */
function preCheckoutUpdate(customer: Customer, query: { payload: string; totalAmount: number; currency?: string }) {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    pre_checkout_query: {
      id: `pcq-${updateId}`,
      from: telegramUser(customer),
      currency: query.currency ?? 'XTR',
      total_amount: query.totalAmount,
      invoice_payload: query.payload,
    },
  };
}

/** The service message Telegram posts once the Stars are taken (core.telegram.org/bots/api#successfulpayment). */
function successfulPaymentUpdate(customer: Customer, payment: FakeSuccessfulPayment, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(t.clock.now().getTime() / 1000),
      from: telegramUser(customer),
      chat: { id: customer.id, type: 'private', first_name: 'Ada' },
      successful_payment: payment,
    },
  };
}

async function preCheckoutAnswer(customer: Customer, query: Parameters<typeof preCheckoutUpdate>[1]) {
  const update = preCheckoutUpdate(customer, query);
  const res = await postUpdate(update);
  expect(res.status).toBe(200);
  const answers = t.bot.callsOf('answerPreCheckoutQuery').filter((call) => call.pre_checkout_query_id === update.pre_checkout_query.id);
  expect(answers).toHaveLength(1);
  return answers[0] as { ok: boolean; error_message?: string };
}

async function orderStatus(customer: Customer, orderId: string): Promise<string> {
  return ((await (await t.request(`/api/orders/${orderId}`, { auth: customer.auth })).json()) as { status: string }).status;
}

function chargesOf(orderId: string) {
  return t.db.handle.db.select().from(starPayments).where(eq(starPayments.orderId, orderId));
}

function refundsOf(chargeId: string) {
  return t.bot.stars.transactions.filter((tx) => tx.id === chargeId && tx.receiver);
}

function cron(job: string) {
  return t.request(`/api/cron/${job}`, { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
}

/** Moves past every open order's deadline and the hold that waits for unread TON payments, and expires them. */
async function expireOpenOrders() {
  t.clock.advanceSeconds(50 * 60);
  expect((await cron('expire-orders')).status).toBe(200);
}

/** Leaves exactly one unit of `slug` on the shelf, no open order holding any. */
async function lastUnitOf(slug: string) {
  await expireOpenOrders();
  await flows.setStock(slug, 1);
}

describe('a Stars invoice', () => {
  it('is made for a digital-only order with the total the server computes from the stored order, whatever the client sends', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [
      { slug: 'gift-card-10', quantity: 2 },
      { slug: 'gift-card-25', quantity: 1 },
    ]);
    const res = await invoiceFor(customer, placed.id, { amount: 1, totalStars: 1, currency: 'USD' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { invoiceUrl: string; totalStars: number };
    expect(body.invoiceUrl).toMatch(/^https:\/\/t\.me\/\$/);
    expect(body.totalStars).toBe(2 * GIFT_CARD_STARS + BIG_GIFT_CARD_STARS);

    const [params] = t.bot.callsOf('createInvoiceLink');
    expect(params).toMatchObject({
      currency: 'XTR',
      provider_token: '',
      payload: placed.id,
      prices: [{ amount: 2 * GIFT_CARD_STARS + BIG_GIFT_CARD_STARS }],
    });
    expect(params!.prices).toHaveLength(1);
  });

  it('keeps the total it fixed for the order when the merchant reprices the product later', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    await invoiceUrlFor(customer, placed.id);
    await t.db.handle.db.update(products).set({ priceStars: 1 }).where(eq(products.slug, 'gift-card-10'));
    try {
      await invoiceUrlFor(customer, placed.id);
    } finally {
      await t.db.handle.db.update(products).set({ priceStars: GIFT_CARD_STARS }).where(eq(products.slug, 'gift-card-10'));
    }
    expect(t.bot.callsOf('createInvoiceLink').map((p) => (p.prices as { amount: number }[])[0]!.amount)).toEqual([GIFT_CARD_STARS, GIFT_CARD_STARS]);
  });

  it.each([
    [
      'a mixed cart',
      [
        { slug: 'gift-card-10', quantity: 1 },
        { slug: 'travel-mug', quantity: 1 },
      ],
    ],
    ['a physical cart', [{ slug: 'travel-mug', quantity: 1 }]],
  ])('is refused for %s with STARS_DIGITAL_ONLY, and no invoice is made', async (_name, items) => {
    await flows.setStock('travel-mug', 500);
    const customer = await newCustomer();
    const placed = await order(customer, items);
    const res = await invoiceFor(customer, placed.id);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'STARS_DIGITAL_ONLY' });
    expect(t.bot.callsOf('createInvoiceLink')).toEqual([]);
  });

  it("is refused for a digital product the merchant has not priced in Stars, and for someone else's order", async () => {
    const customer = await newCustomer();
    await t.db.handle.db.update(products).set({ priceStars: null }).where(eq(products.slug, 'gift-card-25'));
    try {
      const placed = await order(customer, [{ slug: 'gift-card-25', quantity: 1 }]);
      const res = await invoiceFor(customer, placed.id);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STARS_PRICE_MISSING');
    } finally {
      await t.db.handle.db.update(products).set({ priceStars: BIG_GIFT_CARD_STARS }).where(eq(products.slug, 'gift-card-25'));
    }
    const mine = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const stranger = await newCustomer();
    const res = await invoiceFor(stranger, mine.id);
    expect(res.status).toBe(404);
    expect(t.bot.callsOf('createInvoiceLink')).toEqual([]);
  });

  it('is refused on the web: Stars are paid inside Telegram only', async () => {
    const signIn = await t.request('/api/auth/telegram-widget', {
      to: PUBLIC_URL,
      headers: { origin: PUBLIC_URL },
      body: await t.widgetFor({ id: nextUserId++ }),
    });
    expect(signIn.status).toBe(200);
    const cookie = sessionCookieOf(signIn);
    const placed = (await (
      await t.request('/api/orders', {
        to: PUBLIC_URL,
        headers: { cookie, origin: PUBLIC_URL },
        body: { items: [{ productId: await flows.productId('gift-card-10'), quantity: 1 }] },
      })
    ).json()) as { id: string };
    const res = await t.request(`/api/orders/${placed.id}/stars-invoice`, { method: 'POST', to: PUBLIC_URL, headers: { cookie, origin: PUBLIC_URL } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STARS_TELEGRAM_ONLY');
  });
});

describe('a shop without a bot token (dev mode)', () => {
  it('refuses a Stars invoice with a 503 JSON error rather than failing', async () => {
    const devShop = await createTestApp({ liveBot: false });
    try {
      await devShop.db.handle.db.update(products).set({ priceStars: GIFT_CARD_STARS }).where(eq(products.slug, 'gift-card-10'));
      const auth = await devShop.authFor({ id: 1234 });
      const catalog = (await (await devShop.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
      const productId = catalog.products.find((p) => p.slug === 'gift-card-10')!.id;
      const placed = (await (await devShop.request('/api/orders', { auth, body: { items: [{ productId, quantity: 1 }] } })).json()) as { id: string };
      const res = await devShop.request(`/api/orders/${placed.id}/stars-invoice`, { method: 'POST', auth });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STARS_UNAVAILABLE');
      expect(devShop.errors).toEqual([]);
    } finally {
      await devShop.close();
    }
  });
});

describe('the pre-checkout query', () => {
  it('is accepted for a pending, unexpired order asking exactly its Stars total', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    await invoiceUrlFor(customer, placed.id);
    expect(await preCheckoutAnswer(customer, { payload: placed.id, totalAmount: GIFT_CARD_STARS })).toEqual({
      pre_checkout_query_id: expect.any(String),
      ok: true,
    });
  });

  it('is refused for an order whose time ran out, in the customer’s language', async () => {
    const customer = await newCustomer('ru');
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    await invoiceUrlFor(customer, placed.id);
    t.clock.advanceSeconds(31 * 60);
    const answer = await preCheckoutAnswer(customer, { payload: placed.id, totalAmount: GIFT_CARD_STARS });
    expect(answer.ok).toBe(false);
    expect(answer.error_message).toBe('Время на оплату заказа истекло. Оформите заказ в магазине заново.');
  });

  it('is refused for an order whose units were sold to someone else after it expired', async () => {
    await lastUnitOf('gift-card-25');
    const late = await newCustomer();
    const placed = await order(late, [{ slug: 'gift-card-25', quantity: 1 }]);
    await invoiceUrlFor(late, placed.id);
    await expireOpenOrders();
    expect(await flows.stockOf('gift-card-25')).toBe(1);
    await order(await newCustomer(), [{ slug: 'gift-card-25', quantity: 1 }]);

    const answer = await preCheckoutAnswer(late, { payload: placed.id, totalAmount: BIG_GIFT_CARD_STARS });
    expect(answer).toMatchObject({ ok: false, error_message: 'Sorry, this item sold out while the order waited. Nothing was charged.' });
    await flows.setStock('gift-card-25', 999);
  });

  it.each([
    ['fewer Stars than the order costs', { totalAmount: GIFT_CARD_STARS - 1 }],
    ['more Stars than the order costs', { totalAmount: GIFT_CARD_STARS + 1 }],
    ['another currency', { totalAmount: GIFT_CARD_STARS, currency: 'USD' }],
  ])('is refused for an invoice asking %s', async (_name, query) => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    await invoiceUrlFor(customer, placed.id);
    const answer = await preCheckoutAnswer(customer, { payload: placed.id, ...query });
    expect(answer).toMatchObject({ ok: false, error_message: expect.stringContaining('does not match') });
  });

  it('is refused for a payload that names no order, and for an order already paid', async () => {
    const customer = await newCustomer();
    expect(await preCheckoutAnswer(customer, { payload: 'not-an-order', totalAmount: 10 })).toMatchObject({ ok: false });

    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const url = await invoiceUrlFor(customer, placed.id);
    await postUpdate(successfulPaymentUpdate(customer, t.bot.stars.payInvoice(url, telegramUser(customer))));
    expect(await preCheckoutAnswer(customer, { payload: placed.id, totalAmount: GIFT_CARD_STARS })).toMatchObject({
      ok: false,
      error_message: 'This order is already paid. Nothing was charged.',
    });
  });
});

describe('a successful payment', () => {
  it('pays the order through the order lifecycle, with the paid messages queued as for TON', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const payment = t.bot.stars.payInvoice(await invoiceUrlFor(customer, placed.id), telegramUser(customer));
    const res = await postUpdate(successfulPaymentUpdate(customer, payment));
    expect(res.status).toBe(200);

    expect(await orderStatus(customer, placed.id)).toBe('paid');
    expect(await chargesOf(placed.id)).toMatchObject([{ telegramPaymentChargeId: payment.telegram_payment_charge_id, status: 'credited', amountStars: 150 }]);
    const queued = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, placed.id));
    expect(queued.map((m) => m.kind).sort()).toEqual(['order_paid_customer', 'order_paid_merchant']);
    expect(t.bot.callsOf('refundStarPayment')).toEqual([]);
  });

  it('credits once when the same charge id arrives twice (a re-delivered update, or a new update id)', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const payment = t.bot.stars.payInvoice(await invoiceUrlFor(customer, placed.id), telegramUser(customer));
    const update = successfulPaymentUpdate(customer, payment);
    await postUpdate(update);
    await postUpdate(update);
    await postUpdate(successfulPaymentUpdate(customer, payment));

    expect(await orderStatus(customer, placed.id)).toBe('paid');
    expect(await chargesOf(placed.id)).toHaveLength(1);
    const queued = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.orderId, placed.id));
    expect(queued.filter((m) => m.kind === 'order_paid_customer')).toHaveLength(1);
    expect(t.bot.callsOf('refundStarPayment')).toEqual([]);
  });

  it('refunds a second, different charge for a paid order at once, exactly once however often it is reported', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const url = await invoiceUrlFor(customer, placed.id);
    // A double tap: the same invoice paid twice.
    const first = t.bot.stars.payInvoice(url, telegramUser(customer));
    const second = t.bot.stars.payInvoice(url, telegramUser(customer));
    await postUpdate(successfulPaymentUpdate(customer, first));
    const secondUpdate = successfulPaymentUpdate(customer, second);
    await postUpdate(secondUpdate);
    await postUpdate(secondUpdate);
    await postUpdate(successfulPaymentUpdate(customer, second));
    expect((await cron('reconcile-stars')).status).toBe(200);
    expect((await cron('notify')).status).toBe(200);

    expect(await orderStatus(customer, placed.id)).toBe('paid');
    expect(t.bot.callsOf('refundStarPayment')).toEqual([{ user_id: customer.id, telegram_payment_charge_id: second.telegram_payment_charge_id }]);
    expect(refundsOf(second.telegram_payment_charge_id)).toHaveLength(1);
    expect(refundsOf(first.telegram_payment_charge_id)).toHaveLength(0);
    const charges = await chargesOf(placed.id);
    expect(charges.map((c) => [c.telegramPaymentChargeId, c.status]).sort()).toEqual(
      [
        [first.telegram_payment_charge_id, 'credited'],
        [second.telegram_payment_charge_id, 'refunded_duplicate'],
      ].sort(),
    );
  });

  it('keeps the refund in the outbox while the Bot API is down, and sends it once when it is back', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const url = await invoiceUrlFor(customer, placed.id);
    const first = t.bot.stars.payInvoice(url, telegramUser(customer));
    const second = t.bot.stars.payInvoice(url, telegramUser(customer));
    await postUpdate(successfulPaymentUpdate(customer, first));
    t.bot.failNext('refundStarPayment', { kind: 'error', errorCode: 502, description: 'Bad Gateway' });
    const res = await postUpdate(successfulPaymentUpdate(customer, second));
    expect(res.status).toBe(200);
    expect(refundsOf(second.telegram_payment_charge_id)).toHaveLength(0);

    t.clock.advanceSeconds(60);
    expect((await cron('notify')).status).toBe(200);
    expect((await cron('notify')).status).toBe(200);
    expect(refundsOf(second.telegram_payment_charge_id)).toHaveLength(1);
    expect(t.bot.callsOf('refundStarPayment')).toHaveLength(2);
    const [refund] = await t.db.handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.dedupeKey, `stars_refund:${second.telegram_payment_charge_id}`));
    expect(refund).toMatchObject({ status: 'sent', kind: 'stars_refund' });
  });

  it('counts a refund Telegram already made (an earlier attempt whose answer was lost) as done, without a second one', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const url = await invoiceUrlFor(customer, placed.id);
    const first = t.bot.stars.payInvoice(url, telegramUser(customer));
    const second = t.bot.stars.payInvoice(url, telegramUser(customer));
    await postUpdate(successfulPaymentUpdate(customer, first));
    t.bot.failNext('refundStarPayment', { kind: 'network' });
    await postUpdate(successfulPaymentUpdate(customer, second));
    // Telegram carried the refund out; only its answer never reached the shop.
    await t.deps.bot.api.refundStarPayment({ user_id: String(customer.id), telegram_payment_charge_id: second.telegram_payment_charge_id });

    t.clock.advanceSeconds(60);
    expect((await cron('notify')).status).toBe(200);
    const [refund] = await t.db.handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.dedupeKey, `stars_refund:${second.telegram_payment_charge_id}`));
    expect(refund).toMatchObject({ status: 'sent' });
    expect(refundsOf(second.telegram_payment_charge_id)).toHaveLength(1);
  });

  it('refunds a payment for an order that expired and sold out meanwhile, and leaves the order expired', async () => {
    await lastUnitOf('gift-card-25');
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-25', quantity: 1 }]);
    const url = await invoiceUrlFor(customer, placed.id);
    await expireOpenOrders();
    await order(await newCustomer(), [{ slug: 'gift-card-25', quantity: 1 }]);
    const payment = t.bot.stars.payInvoice(url, telegramUser(customer), t.clock.now());
    await postUpdate(successfulPaymentUpdate(customer, payment));

    expect(await orderStatus(customer, placed.id)).toBe('expired');
    expect(await chargesOf(placed.id)).toMatchObject([{ status: 'refunded' }]);
    expect(refundsOf(payment.telegram_payment_charge_id)).toHaveLength(1);
    await flows.setStock('gift-card-25', 999);
  });
});

describe('payments arriving at once', () => {
  it('two different charges for one order: exactly one credits, the other is refunded once', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const url = await invoiceUrlFor(customer, placed.id);
    const first = t.bot.stars.payInvoice(url, telegramUser(customer));
    const second = t.bot.stars.payInvoice(url, telegramUser(customer));
    const answers = await Promise.all([postUpdate(successfulPaymentUpdate(customer, first)), postUpdate(successfulPaymentUpdate(customer, second))]);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);

    const charges = await chargesOf(placed.id);
    expect(charges.map((c) => c.status).sort()).toEqual(['credited', 'refunded_duplicate']);
    const refunded = charges.find((c) => c.status === 'refunded_duplicate')!.telegramPaymentChargeId;
    expect(refundsOf(refunded)).toHaveLength(1);
    expect(t.bot.callsOf('refundStarPayment')).toHaveLength(1);
  });

  it('the webhook and the reconciler reading the same charge together record it once', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const payment = t.bot.stars.payInvoice(await invoiceUrlFor(customer, placed.id), telegramUser(customer), t.clock.now());
    await Promise.all([postUpdate(successfulPaymentUpdate(customer, payment)), cron('reconcile-stars')]);

    expect(await orderStatus(customer, placed.id)).toBe('paid');
    expect(await chargesOf(placed.id)).toMatchObject([{ status: 'credited' }]);
    expect(t.bot.callsOf('refundStarPayment')).toEqual([]);
  });
});

describe('a payment for no order of the shop', () => {
  it('is recorded and refunded once (an invoice made elsewhere with this bot, a payload edited by hand)', async () => {
    const customer = await newCustomer();
    const url = await t.deps.bot.api.createInvoiceLink({
      title: 'Not an order',
      description: 'An invoice whose payload names nothing',
      payload: 'a-payload-of-no-order',
      provider_token: '',
      currency: 'XTR',
      prices: [{ label: 'Thing', amount: 7 }],
    });
    const payment = t.bot.stars.payInvoice(url, telegramUser(customer));
    const update = successfulPaymentUpdate(customer, payment);
    expect((await postUpdate(update)).status).toBe(200);
    expect((await postUpdate(update)).status).toBe(200);

    const rows = await t.db.handle.db.select().from(starPayments).where(eq(starPayments.telegramPaymentChargeId, payment.telegram_payment_charge_id));
    expect(rows).toMatchObject([{ orderId: null, status: 'refunded', invoicePayload: 'a-payload-of-no-order', amountStars: 7 }]);
    expect(refundsOf(payment.telegram_payment_charge_id)).toHaveLength(1);
  });
});

describe('the Stars reconciler', () => {
  it('applies a payment whose update never reached the webhook, once, and a late update then changes nothing', async () => {
    const customer = await newCustomer();
    const placed = await order(customer, [{ slug: 'gift-card-10', quantity: 1 }]);
    const payment = t.bot.stars.payInvoice(await invoiceUrlFor(customer, placed.id), telegramUser(customer), t.clock.now());
    expect(await orderStatus(customer, placed.id)).toBe('pending');

    const run = await cron('reconcile-stars');
    expect(run.status).toBe(200);
    expect(((await run.json()) as { applied: number }).applied).toBe(1);
    expect(await orderStatus(customer, placed.id)).toBe('paid');
    expect(await chargesOf(placed.id)).toMatchObject([{ status: 'credited', source: 'reconciler' }]);

    const again = (await (await cron('reconcile-stars')).json()) as { applied: number; read: number };
    expect(again).toMatchObject({ applied: 0, read: 0 });
    await postUpdate(successfulPaymentUpdate(customer, payment));
    expect(await chargesOf(placed.id)).toHaveLength(1);
    expect(t.bot.callsOf('refundStarPayment')).toEqual([]);
  });

  it('reads on from its stored offset, page by page', async () => {
    const before = (t.bot.callsOf('getStarTransactions') as { offset: number }[]).length;
    expect(before).toBe(0);
    await cron('reconcile-stars');
    const [call] = t.bot.callsOf('getStarTransactions') as { offset: number; limit: number }[];
    expect(call).toEqual({ offset: t.bot.stars.transactions.length, limit: 100 });
  });
});

describe('/paysupport', () => {
  function paySupportReply(customer: Customer) {
    const updateId = nextUpdateId++;
    return postUpdate({
      update_id: updateId,
      message: {
        message_id: updateId,
        date: Math.floor(t.clock.now().getTime() / 1000),
        from: telegramUser(customer),
        chat: { id: customer.id, type: 'private', first_name: 'Ada' },
        text: '/paysupport',
        entities: [{ type: 'bot_command', offset: 0, length: 11 }],
      },
    });
  }

  it("answers with the shop's support text once the merchant has written one, and with a way to ask before", async () => {
    const customer = await newCustomer();
    await paySupportReply(customer);
    const [before] = t.bot.callsOf('sendMessage') as { chat_id: number; text: string }[];
    expect(before).toMatchObject({ chat_id: customer.id, text: expect.stringContaining('with your order code') });

    const current = (await asAdmin(t, '/api/admin/settings')).body.settings as Record<string, unknown>;
    const saved = await asAdmin(t, '/api/admin/settings', { method: 'PUT', body: { ...current, paySupportText: 'Mail help@shop.example <24 h>' } });
    expect(saved.status).toBe(200);
    t.bot.calls.length = 0;
    await paySupportReply(customer);
    const [after] = t.bot.callsOf('sendMessage') as { text: string }[];
    expect(after!.text).toContain('Mail help@shop.example &lt;24 h&gt;');
  });
});

describe("a digital product's price in Stars, in the admin", () => {
  it('is saved as whole Stars and read back, and cleared with null', async () => {
    const id = await flows.productId('gift-card-25');
    const set = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { priceStars: 275 } });
    expect(set.status).toBe(200);
    expect((set.body as { product: { priceStars: number | null } }).product.priceStars).toBe(275);
    const cleared = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { priceStars: null } });
    expect((cleared.body as { product: { priceStars: number | null } }).product.priceStars).toBeNull();
    await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { priceStars: BIG_GIFT_CARD_STARS } });
  });

  it.each([
    ['zero', 0],
    ['a negative price', -5],
    ['a fraction of a Star', 1.5],
    ['a price in text', '100'],
  ])('refuses %s with a 400 JSON error', async (_name, priceStars) => {
    const id = await flows.productId('gift-card-25');
    const res = await asAdmin(t, `/api/admin/products/${id}`, { method: 'PATCH', body: { priceStars } });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });
});

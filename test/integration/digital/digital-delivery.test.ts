import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { licenseKeys, outboxMessages, productVariants } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import type { FakeUploadedFile } from '../../fakes/fake-bot-api';
import { asAdmin } from '../admin/admin-helpers';
import { payOrder } from '../admin/admin-helpers';
import { addKeys, cron, digitalProduct, newBuyer, orderDetail, orderOf, payInStars, placeOrder, pools, setText, uploadFile } from './digital-support';

// Digital products from the merchant's upload to the customer's chat (#15): a file, license keys, a text;
// delivered through the outbox exactly once whatever the Bot API does, shown in My orders, taken back by
// a refund.
const PUBLIC_URL = 'https://shop.example';
const EBOOK = new TextEncoder().encode('%PDF-1.7 the whole e-book, byte for byte\n');

let t: TestApp;
let ebook: string;
let gameKey: string;
let course: string;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  ebook = await digitalProduct(t, 'ebook', 120);
  gameKey = await digitalProduct(t, 'game-key', 300);
  course = await digitalProduct(t, 'course-link', 50);
  expect((await uploadFile(t, ebook, EBOOK, 'Guide — édition 2.pdf')).status).toBe(201);
  expect((await addKeys(t, gameKey, 'KEY-0001\nKEY-0002\n\nKEY-0003\nKEY-0004\nKEY-0005\nKEY-0006\nKEY-0007\nKEY-0008\n')).status).toBe(201);
  await setText(t, course, 'Your course: https://course.example/join?code=ZX81 <welcome>');
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});
beforeEach(() => {
  t.bot.failWhen = null;
});

async function keysIn(orderId: string) {
  return t.db.handle.db.select({ key: licenseKeys.key, status: licenseKeys.status }).from(licenseKeys).where(eq(licenseKeys.orderId, orderId));
}

async function stockOfProduct(productId: string) {
  const [row] = await t.db.handle.db.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.productId, productId));
  return row!.stock;
}

describe('the merchant sets digital content', () => {
  it('shows the keys left per pool and flags a pool at or under the low threshold', async () => {
    const view = await pools(t, gameKey);
    expect(view.content).toEqual({ kind: 'license_keys' });
    expect(view.pools).toMatchObject([{ available: 8, reserved: 0, sold: 0, revoked: 0, low: false }]);
    expect(view.lowThreshold).toBe(5);

    const small = await digitalProduct(t, 'small-pool');
    const res = await addKeys(t, small, 'A-1\nA-2\nA-1\nA-3');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ added: 3, skipped: 1, pools: [{ available: 3, low: true }] });
    // The same keys again are not a second copy of each: a key is sold once.
    expect((await addKeys(t, small, 'A-2\nA-3\nA-4')).body).toMatchObject({ added: 1, skipped: 2, pools: [{ available: 4 }] });
  });

  it('makes the stock of a key product its keys available, whatever stock an edit of the product sends', async () => {
    expect(await stockOfProduct(gameKey)).toBe((await pools(t, gameKey)).pools[0]!.available);
    const edit = await asAdmin(t, `/api/admin/products/${gameKey}`, { method: 'PATCH', body: { stock: 500, title: 'Digital game-key' } });
    expect(edit.status).toBe(200);
    expect(await stockOfProduct(gameKey)).toBe((await pools(t, gameKey)).pools[0]!.available);
  });

  it('refuses digital content on a physical product, an empty paste, and a text too long', async () => {
    const mug = (await asAdmin(t, '/api/admin/products', { body: { slug: 'plain-mug', title: 'Mug', priceMinor: '1000', stock: 3 } })).body.product
      .id as string;
    expect((await addKeys(t, mug, 'K-1')).body.error.code).toBe('PRODUCT_NOT_DIGITAL');
    const empty = await addKeys(t, gameKey, '\n  \n');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('LICENSE_KEYS_INVALID');
    const long = await asAdmin(t, `/api/admin/products/${course}/digital`, { method: 'PUT', body: { kind: 'text', text: 'x'.repeat(3001) } });
    expect(long.status).toBe(400);
  });

  it('keeps the file private: the admin never gets its storage key, and /media does not serve it', async () => {
    const view = await pools(t, ebook);
    expect(view.content).toEqual({ kind: 'file', file: { fileName: 'Guide — édition 2.pdf', contentType: 'application/pdf', sizeBytes: EBOOK.length } });
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', EBOOK)).toString('hex');
    const res = await t.request(`/media/u/${digest}.bin`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MEDIA_NOT_FOUND');
  });
});

describe('license keys and orders', () => {
  it('refuses an order for more keys than are left with OUT_OF_STOCK, reserving none', async () => {
    const before = await pools(t, gameKey);
    const res = await orderOf(t, await newBuyer(t), gameKey, before.pools[0]!.available + 1);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OUT_OF_STOCK');
    expect((await pools(t, gameKey)).pools).toEqual(before.pools);
  });

  it('reserves the keys with the order and gives them back to the pool when it expires unpaid', async () => {
    const before = (await pools(t, gameKey)).pools[0]!;
    const placed = await placeOrder(t, await newBuyer(t), gameKey, 2);
    expect((await keysIn(placed.id)).map((k) => k.status)).toEqual(['reserved', 'reserved']);
    expect((await pools(t, gameKey)).pools[0]).toMatchObject({ available: before.available - 2, reserved: 2 });
    expect(await stockOfProduct(gameKey)).toBe(before.available - 2);

    t.clock.advanceSeconds(50 * 60);
    expect((await cron(t, 'expire-orders')).status).toBe(200);
    expect(await keysIn(placed.id)).toEqual([]);
    expect((await pools(t, gameKey)).pools[0]).toMatchObject({ available: before.available, reserved: 0 });
    expect(await stockOfProduct(gameKey)).toBe(before.available);
  });
});

describe('an order that expired and is then paid in time', () => {
  it('takes keys from the pool again, sells them and delivers them', async () => {
    const buyer = await newBuyer(t);
    const placed = await placeOrder(t, buyer, gameKey, 1);
    const res = await t.request(`/api/orders/${placed.id}/stars-invoice`, { method: 'POST', auth: buyer.auth });
    const { invoiceUrl } = (await res.json()) as { invoiceUrl: string };
    // Paid before the deadline; Telegram's update reaches the shop only after the sweep expired the order.
    const payment = t.bot.stars.payInvoice(invoiceUrl, { id: buyer.id }, t.clock.now());
    t.clock.advanceSeconds(50 * 60);
    expect((await cron(t, 'expire-orders')).status).toBe(200);
    expect(await keysIn(placed.id)).toEqual([]);
    const available = (await pools(t, gameKey)).pools[0]!.available;

    expect((await cron(t, 'reconcile-stars')).status).toBe(200);
    const [sold] = await keysIn(placed.id);
    expect(sold).toMatchObject({ status: 'sold' });
    expect((await pools(t, gameKey)).pools[0]!.available).toBe(available - 1);
    expect(await stockOfProduct(gameKey)).toBe(available - 1);
    expect((await cron(t, 'notify')).status).toBe(200);
    expect(t.bot.succeeded.filter((call) => call.params.chat_id === buyer.id && String(call.params.text ?? '').includes(sold!.key))).toHaveLength(1);
    expect(payment.telegram_payment_charge_id).toBeTruthy();
  });
});

describe('delivery when a digital order is paid', () => {
  it('reaches the chat exactly once per product while the Bot API fails every other call', async () => {
    const buyer = await newBuyer(t, 'ru');
    const placed = await placeOrder(t, buyer, ebook);
    const keyOrder = await placeOrder(t, buyer, gameKey, 2);
    const textOrder = await placeOrder(t, buyer, course);
    for (const order of [placed, keyOrder, textOrder]) await payInStars(t, buyer, order.id);
    let calls = 0;
    // From here half of all calls fail, in turn a 500, a dropped connection and a 502 page from a proxy.
    t.bot.failWhen = () => {
      calls++;
      if (calls % 2 === 1) return null;
      return [
        { kind: 'error', errorCode: 500, description: 'Internal Server Error' } as const,
        { kind: 'network' } as const,
        { kind: 'http', status: 502, body: '<html>Bad Gateway</html>' } as const,
      ][calls % 3]!;
    };
    for (let round = 0; round < 12; round++) {
      expect((await cron(t, 'notify')).status).toBe(200);
      t.clock.advanceSeconds(120);
    }
    const mine = t.bot.succeeded.filter((call) => call.params.chat_id === buyer.id);
    const documents = mine.filter((call) => call.method === 'sendDocument');
    expect(documents).toHaveLength(1);
    const document = documents[0]!.params.document as FakeUploadedFile;
    expect(document.fileName).toBe('Guide — édition 2.pdf');
    expect(document.contentType).toBe('application/pdf');
    expect(Buffer.from(document.bytes).equals(Buffer.from(EBOOK))).toBe(true);
    expect(documents[0]!.params.caption).toContain('из заказа');

    const sold = (await keysIn(keyOrder.id)).map((k) => k.key);
    expect(sold).toHaveLength(2);
    const keyMessages = mine.filter((call) => call.method === 'sendMessage' && sold.every((key) => String(call.params.text).includes(`<code>${key}</code>`)));
    expect(keyMessages).toHaveLength(1);
    const textMessages = mine.filter(
      (call) => call.method === 'sendMessage' && String(call.params.text).includes('course.example/join?code=ZX81 &lt;welcome&gt;'),
    );
    expect(textMessages).toHaveLength(1);

    const deliveries = await t.db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'digital_delivery'));
    expect(deliveries.filter((row) => [placed.id, keyOrder.id, textOrder.id].includes(row.orderId!)).map((row) => row.status)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    expect(calls).toBeGreaterThan(6);
  });

  it('is the same for an order paid in TON, and My orders shows the keys and the text', async () => {
    const buyer = await newBuyer(t);
    const res = await t.request('/api/orders', {
      auth: buyer.auth,
      body: {
        items: [
          { productId: gameKey, quantity: 1 },
          { productId: course, quantity: 1 },
        ],
      },
    });
    const placed = (await res.json()) as { id: string; code: string; totalMinor: string; payment: { comment: string } };
    expect(res.status).toBe(201);
    await payOrder(t, { ...placed, auth: buyer.auth });
    const detail = await orderDetail(t, buyer, placed.id);
    const [sold] = await keysIn(placed.id);
    expect(sold).toMatchObject({ status: 'sold' });
    expect(detail.digital).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productId: gameKey, kind: 'license_keys', keys: [sold!.key] }),
        expect.objectContaining({ productId: course, kind: 'text', text: 'Your course: https://course.example/join?code=ZX81 <welcome>' }),
      ]),
    );
    expect((await cron(t, 'notify')).status).toBe(200);
    const keyMessages = t.bot.succeeded.filter((call) => call.params.chat_id === buyer.id && String(call.params.text ?? '').includes(sold!.key));
    expect(keyMessages).toHaveLength(1);
  });

  it('shows nothing of the content before payment', async () => {
    const buyer = await newBuyer(t);
    const placed = await placeOrder(t, buyer, course);
    expect((await orderDetail(t, buyer, placed.id)).digital).toBeUndefined();
    const links = await t.request(`/api/orders/${placed.id}/download-links`, { method: 'POST', auth: buyer.auth });
    expect(links.status).toBe(409);
  });
});

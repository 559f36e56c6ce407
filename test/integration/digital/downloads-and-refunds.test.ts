import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { licenseKeys, starPayments } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { asAdmin } from '../admin/admin-helpers';
import { addKeys, cron, digitalProduct, newBuyer, orderDetail, payInStars, placeOrder, pools, uploadFile, type Buyer } from './digital-support';

// A paid file is downloaded by a signed link only: per customer, for 24 hours, new on demand, and dead
// once the order is refunded. A refund from the admin gives the Stars back once, revokes the keys (never
// back in the pool) and tells the customer.
const PUBLIC_URL = 'https://shop.example';
const FILE = new TextEncoder().encode('PK\u0003\u0004 a zip of the course materials');

let t: TestApp;
let archive: string;
let keyed: string;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  archive = await digitalProduct(t, 'course-archive', 80);
  keyed = await digitalProduct(t, 'software-licence', 200);
  expect((await uploadFile(t, archive, FILE, 'материалы курса.zip', 'application/zip')).status).toBe(201);
  expect((await addKeys(t, keyed, 'LIC-A\nLIC-B\nLIC-C\nLIC-D\nLIC-E\nLIC-F\nLIC-G')).status).toBe(201);
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  expect(t.bot.unexpected).toEqual([]);
  await t.close();
});

async function paidArchive(buyer: Buyer) {
  const placed = await placeOrder(t, buyer, archive);
  await payInStars(t, buyer, placed.id);
  return placed;
}

async function linksFor(buyer: Buyer, orderId: string) {
  const res = await t.request(`/api/orders/${orderId}/download-links`, { method: 'POST', auth: buyer.auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { links: { productId: string; url: string; expiresAt: string }[] }).links;
}

/** Opens a link as a browser would: no initData, no cookie. */
function download(url: string) {
  return t.request(new URL(url).pathname);
}

async function errorCode(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toContain('application/json');
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('a download link', () => {
  it('gives the file with its name to whoever holds it, for 24 hours', async () => {
    const buyer = await newBuyer(t);
    const placed = await paidArchive(buyer);
    const detail = await orderDetail(t, buyer, placed.id);
    expect(detail.digital).toEqual([expect.objectContaining({ kind: 'file', fileName: 'материалы курса.zip', productId: archive })]);
    const [link] = await linksFor(buyer, placed.id);
    expect(link!.url.startsWith(`${PUBLIC_URL}/api/downloads/`)).toBe(true);
    expect(new Date(link!.expiresAt).getTime() - t.clock.now().getTime()).toBe(24 * 3600 * 1000);

    const res = await download(link!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="_________ _____.zip"; filename*=UTF-8''${encodeURIComponent('материалы курса.zip')}`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(FILE))).toBe(true);
  });

  it('stops working when its time runs out, and a new link works again', async () => {
    const buyer = await newBuyer(t);
    const placed = await paidArchive(buyer);
    const [old] = await linksFor(buyer, placed.id);
    t.clock.advanceSeconds(24 * 3600 + 1);
    const expired = await download(old!.url);
    expect(expired.status).toBe(403);
    expect(await errorCode(expired)).toBe('DOWNLOAD_LINK_EXPIRED');
    // A day later the Mini App is opened again (new initData), and My orders asks for a new link.
    const [fresh] = await linksFor({ ...buyer, auth: await t.authFor({ id: buyer.id }) }, placed.id);
    expect((await download(fresh!.url)).status).toBe(200);
  });

  it('is refused when edited by hand, cut short, or signed for another customer', async () => {
    const buyer = await newBuyer(t);
    const placed = await paidArchive(buyer);
    const [link] = await linksFor(buyer, placed.id);
    const token = new URL(link!.url).pathname.split('/').pop()!;
    const [orderId, productId, customerId, expires, mac] = token.split('.') as [string, string, string, string, string];

    const later = `${orderId}.${productId}.${customerId}.${Number(expires) + 86_400}.${mac}`;
    const flipped = `${orderId}.${productId}.${customerId}.${expires}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [later, flipped, token.slice(0, -5), 'not-a-token', `${token}.extra`]) {
      const res = await t.request(`/api/downloads/${bad}`);
      expect(res.status, bad).toBe(403);
      expect(await errorCode(res)).toBe('DOWNLOAD_LINK_INVALID');
    }

    // A link the shop really signed, but for someone else's order: the customer it names does not own it.
    const stranger = await newBuyer(t);
    await linksFor(stranger, (await paidArchive(stranger)).id);
    const strangerId = (await (await t.request('/api/me', { auth: stranger.auth })).json()) as { customer: { id: string } };
    const forged = await t.deps.digital.signer.sign({ orderId, productId, customerId: strangerId.customer.id, expiresAt: Number(expires) });
    const res = await t.request(`/api/downloads/${forged}`);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('DOWNLOAD_LINK_INVALID');
    // And another customer cannot ask for links to this order.
    expect((await t.request(`/api/orders/${placed.id}/download-links`, { method: 'POST', auth: stranger.auth })).status).toBe(404);
  });
});

describe('a refund from the admin of a Stars order', () => {
  it('gives the Stars back once, revokes the keys without returning them, ends the links and tells the customer', async () => {
    const buyer = await newBuyer(t, 'en');
    const keyOrder = await placeOrder(t, buyer, keyed, 2);
    const keyPayment = await payInStars(t, buyer, keyOrder.id);
    const fileOrder = await paidArchive(buyer);
    const [link] = await linksFor(buyer, fileOrder.id);
    expect((await cron(t, 'notify')).status).toBe(200);
    const poolBefore = (await pools(t, keyed)).pools[0]!;
    expect(poolBefore).toMatchObject({ sold: 2 });

    const refunded = await asAdmin(t, `/api/admin/orders/${keyOrder.id}/stars-refund`, { method: 'POST' });
    expect(refunded.status).toBe(200);
    expect(refunded.body.order.status).toBe('refunded');
    // A second click changes nothing and is refused as a transition the order no longer allows.
    expect((await asAdmin(t, `/api/admin/orders/${keyOrder.id}/stars-refund`, { method: 'POST' })).status).toBe(409);
    expect((await asAdmin(t, `/api/admin/orders/${fileOrder.id}/stars-refund`, { method: 'POST' })).status).toBe(200);

    t.bot.calls.length = 0;
    expect((await cron(t, 'notify')).status).toBe(200);
    expect((await cron(t, 'notify')).status).toBe(200);
    expect(t.bot.callsOf('refundStarPayment')).toEqual(
      expect.arrayContaining([{ user_id: buyer.id, telegram_payment_charge_id: keyPayment.telegram_payment_charge_id }]),
    );
    expect(t.bot.callsOf('refundStarPayment')).toHaveLength(2);
    expect(t.bot.stars.transactions.filter((tx) => tx.id === keyPayment.telegram_payment_charge_id && tx.receiver)).toHaveLength(1);
    const told = t.bot.callsOf('sendMessage').filter((m) => m.chat_id === buyer.id && String(m.text).includes('has been refunded'));
    expect(told).toHaveLength(2);

    const keys = await t.db.handle.db.select({ status: licenseKeys.status }).from(licenseKeys).where(eq(licenseKeys.orderId, keyOrder.id));
    expect(keys.map((k) => k.status)).toEqual(['revoked', 'revoked']);
    expect((await pools(t, keyed)).pools[0]).toMatchObject({ available: poolBefore.available, sold: 0, revoked: 2 });
    const [charge] = await t.db.handle.db.select().from(starPayments).where(eq(starPayments.orderId, keyOrder.id));
    expect(charge).toMatchObject({ status: 'refunded', reason: 'merchant_refund' });

    const dead = await download(link!.url);
    expect(dead.status).toBe(403);
    expect(await errorCode(dead)).toBe('DOWNLOAD_REVOKED');
    expect((await orderDetail(t, buyer, keyOrder.id)).digital).toBeUndefined();
    expect((await t.request(`/api/orders/${fileOrder.id}/download-links`, { method: 'POST', auth: buyer.auth })).status).toBe(409);
  });

  it('is refused for an order not paid in Stars', async () => {
    const buyer = await newBuyer(t);
    const placed = await placeOrder(t, buyer, keyed);
    const res = await asAdmin(t, `/api/admin/orders/${placed.id}/stars-refund`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ORDER_NOT_PAID_IN_STARS');
    expect((await asAdmin(t, `/api/admin/orders/00000000-0000-4000-8000-000000000000/stars-refund`, { method: 'POST' })).status).toBe(404);
  });
});

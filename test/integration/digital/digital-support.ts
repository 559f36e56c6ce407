import { expect } from 'vitest';
import type { FakeSuccessfulPayment } from '../../fakes/fake-bot-api';
import { TEST_CRON_SECRET, TEST_WEBHOOK_SECRET, type TestApp } from '../../support/test-app';
import { adminAuth, asAdmin } from '../admin/admin-helpers';

// What the digital suites do through the real API: the merchant makes a digital product and sets its
// content, a customer orders it and pays in Stars (the fake Bot API's invoice, the webhook's update).

export interface Buyer {
  id: number;
  auth: string;
  languageCode: string;
}

let nextBuyer = 920_000 + Math.floor(Math.random() * 50_000);
let nextUpdateId = 70_000;

export async function newBuyer(t: TestApp, languageCode = 'en'): Promise<Buyer> {
  const id = nextBuyer++;
  return { id, languageCode, auth: await t.authFor({ id, languageCode }) };
}

/** A digital product priced in TON and Stars, made in the admin; its id. */
export async function digitalProduct(t: TestApp, slug: string, priceStars = 100, stock = 999): Promise<string> {
  const res = await asAdmin(t, '/api/admin/products', {
    body: { slug, title: `Digital ${slug}`, priceMinor: '1000000000', priceStars, kind: 'digital', stock },
  });
  expect(res.status).toBe(201);
  return (res.body as { product: { id: string } }).product.id;
}

export async function setText(t: TestApp, productId: string, text: string) {
  const res = await asAdmin(t, `/api/admin/products/${productId}/digital`, { method: 'PUT', body: { kind: 'text', text } });
  expect(res.status).toBe(200);
  return res.body;
}

export async function addKeys(t: TestApp, productId: string, keys: string, variantId?: string) {
  const res = await asAdmin(t, `/api/admin/products/${productId}/digital/keys`, { body: { keys, ...(variantId && { variantId }) } });
  return res;
}

export async function uploadFile(t: TestApp, productId: string, bytes: Uint8Array, fileName: string, contentType = 'application/pdf') {
  const res = await t.app.request(`http://shop.test/api/admin/products/${productId}/digital/file`, {
    method: 'POST',
    headers: { host: 'shop.test', authorization: await adminAuth(t), 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return res;
}

export async function orderOf(t: TestApp, buyer: Buyer, productId: string, quantity = 1) {
  return t.request('/api/orders', { auth: buyer.auth, body: { items: [{ productId, quantity }] } });
}

export async function placeOrder(t: TestApp, buyer: Buyer, productId: string, quantity = 1): Promise<{ id: string; code: string }> {
  const res = await orderOf(t, buyer, productId, quantity);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; code: string };
}

export function postUpdate(t: TestApp, update: Record<string, unknown>) {
  return t.request('/api/telegram/webhook', { method: 'POST', body: update, headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET } });
}

function successfulPaymentUpdate(t: TestApp, buyer: Buyer, payment: FakeSuccessfulPayment) {
  const updateId = nextUpdateId++;
  const from = { id: buyer.id, is_bot: false, first_name: 'Ada', language_code: buyer.languageCode };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(t.clock.now().getTime() / 1000),
      from,
      chat: { id: buyer.id, type: 'private', first_name: 'Ada' },
      successful_payment: payment,
    },
  };
}

/** The customer pays the order in Stars and Telegram posts the successful_payment update (once). */
export async function payInStars(t: TestApp, buyer: Buyer, orderId: string): Promise<FakeSuccessfulPayment> {
  const res = await t.request(`/api/orders/${orderId}/stars-invoice`, { method: 'POST', auth: buyer.auth });
  expect(res.status).toBe(200);
  const { invoiceUrl } = (await res.json()) as { invoiceUrl: string };
  const payment = t.bot.stars.payInvoice(invoiceUrl, { id: buyer.id, first_name: 'Ada' }, t.clock.now());
  expect((await postUpdate(t, successfulPaymentUpdate(t, buyer, payment))).status).toBe(200);
  return payment;
}

export function cron(t: TestApp, job: string) {
  return t.request(`/api/cron/${job}`, { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
}

export async function orderDetail(t: TestApp, buyer: Buyer, orderId: string) {
  const res = await t.request(`/api/orders/${orderId}`, { auth: buyer.auth });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; digital?: { kind: string; keys?: string[]; text?: string; fileName?: string; productId: string }[] };
}

export async function pools(t: TestApp, productId: string) {
  const res = await asAdmin(t, `/api/admin/products/${productId}/digital`);
  expect(res.status).toBe(200);
  return res.body as {
    content: { kind: string } | null;
    pools: { variantId: string; available: number; reserved: number; sold: number; revoked: number; low: boolean }[];
    lowThreshold: number;
  };
}

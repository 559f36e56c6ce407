import { expect } from 'vitest';
import { products } from '../../../functions/adapters/db/schema';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { TEST_ADMIN_IDS, type TestApp } from '../../support/test-app';
import { stockOf as stockOfSlug } from '../../support/stock';

/** The signed Authorization header of the shop's admin (TEST_ADMIN_IDS). */
export function adminAuth(t: TestApp): Promise<string> {
  return t.authFor({ id: TEST_ADMIN_IDS[0]!, firstName: 'Merchant' });
}

/** A JSON request as the admin; answers status and parsed body. */
export async function asAdmin(t: TestApp, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await t.request(path, { ...init, auth: await adminAuth(t) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null) as any };
}

export async function productIdsBySlug(t: TestApp): Promise<Map<string, string>> {
  const rows = await t.db.handle.db.select({ id: products.id, slug: products.slug }).from(products);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export function stockOf(t: TestApp, slug: string): Promise<number> {
  return stockOfSlug(t.db.handle.db, slug);
}

export interface PlacedOrder {
  id: string;
  code: string;
  totalMinor: string;
  auth: string;
  payment: { comment: string } | null;
}

/** A customer places an order through the real API (stock reserved, priced by the server). */
export async function placeOrder(
  t: TestApp,
  user: { id: number; firstName?: string; username?: string },
  items: { productId: string; quantity: number }[],
): Promise<PlacedOrder> {
  const auth = await t.authFor(user);
  const res = await t.request('/api/orders', { auth, body: { items } });
  if (res.status !== 201) throw new Error(`order not created: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as Omit<PlacedOrder, 'auth'>), auth };
}

/** Pays an order for real: a dev-chain wallet sends the total with the order's comment, the customer confirms. */
export async function payOrder(t: TestApp, order: PlacedOrder): Promise<void> {
  const wallet = await t.ton.dev.chain.createDevWallet();
  const boc = await t.ton.dev.chain.signTransfer(wallet.id, {
    messages: [{ address: t.deps.payments.merchant.friendly, amount: order.totalMinor, payload: buildCommentPayload(order.payment!.comment) }],
    validUntil: Math.floor(Math.max(Date.now(), t.clock.now().getTime()) / 1000) + 300,
  });
  await t.ton.dev.chain.sendExternal(boc);
  const res = await t.request(`/api/orders/${order.id}/payment`, { auth: order.auth, body: { boc } });
  const body = (await res.json()) as { status: string };
  if (res.status !== 200 || body.status !== 'paid') throw new Error(`order not paid: ${res.status} ${JSON.stringify(body)}`);
}

/** GET /api/admin/export of `kind` (catalog, orders, customers) in `format` (json, csv), asserting 200. */
export async function exportFile(t: TestApp, kind: string, format: string): Promise<{ text: string; headers: Headers }> {
  const res = await t.request(`/api/admin/export?kind=${kind}&format=${format}`, { auth: await adminAuth(t) });
  expect(res.status).toBe(200);
  return { text: await res.text(), headers: res.headers };
}

/** POST /api/admin/import of a `format` (json, csv) file: its status and JSON answer. */
export async function importFile(t: TestApp, format: string, body: string) {
  const res = await t.request(`/api/admin/import?format=${format}`, {
    method: 'POST',
    auth: await adminAuth(t),
    body,
    headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/json' },
  });
  return { status: res.status, body: await res.json() };
}

import { expect } from 'vitest';
import { TEST_CRON_SECRET, type TestApp, type TestUser } from '../../support/test-app';

/** One run of the reminder job through the cron route: what it planned into the outbox. */
export async function runRemind(t: TestApp) {
  const res = await t.request('/api/cron/remind', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { cartReminders: number; backInStock: number; abandonedCartHours: number };
}

/** The catalog's product ids and variant ids by slug. */
export async function catalogIds(t: TestApp) {
  const catalog = (await (await t.request('/api/catalog')).json()) as {
    products: { id: string; slug: string; variants: { id: string; optionValues: string[]; stock: number }[] }[];
  };
  return new Map(catalog.products.map((p) => [p.slug, p]));
}

/** The Mini App reporting `user`'s cart. */
export async function putCart(t: TestApp, user: TestUser, items: { productId: string; variantId?: string | null; quantity: number }[]) {
  return t.request('/api/cart', { method: 'PUT', auth: await t.authFor(user), body: { items } });
}

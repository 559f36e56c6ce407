// The merchant wallet has a life before the shop: at least the transfer that funded it. The reconciler
// must read past that history without calling it "payments needing attention", and still catch every
// transfer from the shop's first order on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../functions/adapters/db/schema';
import { buildCommentPayload } from '../../functions/core/payments/comment-payload';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../support/test-app';
import { setStock } from '../support/stock';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

async function reconcile(): Promise<{ scanned: number; skipped: number; paid: number; attention: number }> {
  const res = await t.request('/api/cron/reconcile', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

async function transfer(amountNano: bigint, comment?: string): Promise<void> {
  const wallet = await t.ton.dev.chain.createDevWallet();
  const boc = await t.ton.dev.chain.signTransfer(wallet.id, {
    messages: [{ address: t.deps.payments.merchant.friendly, amount: String(amountNano), ...(comment && { payload: buildCommentPayload(comment) }) }],
    validUntil: Math.floor(Date.now() / 1000) + 300,
  });
  await t.ton.dev.chain.sendExternal(boc);
}

describe('reconciling a merchant wallet that had a history before the shop', () => {
  it('reads past transfers made before the shop’s first order without recording them', async () => {
    await transfer(2_000_000_000n, 'rent for March');
    const report = await reconcile();
    // The dev chain's funding of the merchant wallet and the transfer above.
    expect(report.skipped).toBeGreaterThanOrEqual(2);
    expect(report).toMatchObject({ paid: 0, attention: 0 });
    expect(await t.db.handle.db.select().from(payments)).toEqual([]);
  });

  it('records every transfer from the first order on, shop payments and strangers alike', async () => {
    const catalog = (await (await t.request('/api/catalog')).json()) as { products: { id: string; slug: string }[] };
    const mug = catalog.products.find((p) => p.slug === 'travel-mug')!;
    await setStock(t.db.handle.db, 'travel-mug', 10);
    const auth = await t.authFor({ id: 31_001 });
    const order = (await (await t.request('/api/orders', { auth, body: { items: [{ productId: mug.id, quantity: 1 }] } })).json()) as {
      id: string;
      totalMinor: string;
      payment: { comment: string };
    };
    await transfer(BigInt(order.totalMinor), order.payment.comment);
    await transfer(1_000_000_000n, 'not an order');

    const report = await reconcile();
    expect(report).toMatchObject({ skipped: 0, paid: 1, attention: 1 });
    const rows = await t.db.handle.db.select().from(payments);
    expect(rows.map((r) => [r.status, r.reason]).sort()).toEqual([
      ['applied', null],
      ['attention', 'unknown_comment'],
    ]);
  });

  it('does not read the skipped history again', async () => {
    expect(await reconcile()).toMatchObject({ scanned: 0, skipped: 0 });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, productVariants } from '../../../functions/adapters/db/schema';
import { DEV_RATES, createFixedRates } from '../../../functions/adapters/rates/fixed-rates';
import { createRateBook } from '../../../functions/core/pricing/rate-book';
import { shopFlows, type OrderJson } from '../../support/shop-flows';
import { createTestApp, type TestApp } from '../../support/test-app';

// A shop that prices in dollars and takes TON and USDT. The dev rates say 1 TON = 5 USD and 1 USDT = 1 USD,
// so a $12.50 mug is quoted 2.5 TON and 12.5 USDT, and 1250 (its total in cents) means nothing in either.
const MUG_CENTS = 1250n;
const MUG_NANOTONS = 2_500_000_000n;
const MUG_MICRO_USDT = 12_500_000n;

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;

beforeAll(async () => {
  t = await createTestApp({
    pricing: { currency: 'USD', accepted: ['TON', 'USDT'], rates: createRateBook({ sources: [createFixedRates(DEV_RATES)], cacheMs: 0 }) },
  });
  flows = shopFlows(t);
  // The merchant repriced the mug in dollars and nothing else: every other product is still in TON, from
  // before the shop switched (set here whatever currency the demo seed priced it in).
  const db = t.db.handle.db;
  await db.update(products).set({ currency: 'TON' });
  const [mug] = await db
    .update(products)
    .set({ currency: 'USD', priceMinor: MUG_CENTS, compareAtPriceMinor: null })
    .where(eq(products.slug, 'travel-mug'))
    .returning();
  await db.update(productVariants).set({ priceMinor: null }).where(eq(productVariants.productId, mug!.id));
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

interface CatalogJson {
  currency: string;
  products: { slug: string; currency: string; priceMinor: string; variants: { id: string }[] }[];
}

describe('a shop priced in dollars', () => {
  it('lists only what is priced in dollars, and says so; a product still in TON is not found', async () => {
    const catalog = (await (await t.request('/api/catalog')).json()) as CatalogJson;
    expect(catalog.currency).toBe('USD');
    expect(catalog.products.map((p) => [p.slug, p.currency, p.priceMinor])).toEqual([['travel-mug', 'USD', MUG_CENTS.toString()]]);
    expect((await t.request('/api/products/espresso-beans')).status).toBe(404);
    expect((await t.request('/api/products/travel-mug')).status).toBe(200);
  });

  it('refuses to sell a product still priced in TON, even named by its variant id (409 PRODUCT_INACTIVE), and reserves nothing', async () => {
    const [beans] = await t.db.handle.db
      .select({ variantId: productVariants.id, stock: productVariants.stock })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(products.slug, 'espresso-beans'));
    const res = await t.request('/api/orders', { auth: await flows.newCustomer(), body: { items: [{ variantId: beans!.variantId, quantity: 1 }] } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PRODUCT_INACTIVE');
    expect(await flows.stockOf('espresso-beans')).toBe(beans!.stock);
  });

  it('prices the order in cents and quotes it in TON and USDT through the rates, exactly', async () => {
    const { order } = await flows.newOrder();
    expect(order).toMatchObject({ currency: 'USD', totalMinor: MUG_CENTS.toString() });
    expect(order.quotes.map((q) => [q.asset, q.amount, q.rate, q.source])).toEqual([
      ['TON', MUG_NANOTONS.toString(), '5/1', 'fixed'],
      ['USDT', MUG_MICRO_USDT.toString(), '1/1', 'fixed'],
    ]);
    // The TON the wallet is asked for is the quote, not the total read as nanotons.
    expect(order.payment?.amountNano).toBe(MUG_NANOTONS.toString());
  });

  it('is paid in TON by the TON quote; its total in cents sent as nanotons pays nothing', async () => {
    const { order, auth } = await flows.newOrder();
    const wallet = await flows.customerWallet();
    await flows.payFor(order, wallet.id, { amountNano: MUG_CENTS });
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
    expect((await flows.paymentRowsFor(order.id)).map((p) => [p.status, p.reason, p.amountNano])).toEqual([['attention', 'underpaid', MUG_CENTS]]);

    await flows.payFor(order, wallet.id);
    await flows.reconciled();
    const paid = await flows.getOrder(auth, order.id);
    expect(paid.status).toBe('paid');
    expect(paid.payments?.find((p) => p.status === 'applied')).toMatchObject({ amountNano: MUG_NANOTONS.toString(), overpaymentNano: '0' });
  });

  it('is paid in USDT by the USDT quote, on the dev chain', async () => {
    const { order, auth } = await flows.newOrder();
    const wallet = await flows.customerWallet();
    const usdt = await t.ton.dev.chain.jettons.usdt();
    await t.ton.dev.chain.jettons.mint(usdt.master, wallet.address, 100_000_000n);
    const res = await t.request(`/api/orders/${order.id}/payment-request`, { auth, body: { asset: 'USDT', wallet: wallet.address } });
    expect(res.status).toBe(200);
    const { amount, request } = (await res.json()) as { amount: string; request: { validUntil: number; messages: never[] } };
    expect(amount).toBe(MUG_MICRO_USDT.toString());
    await t.ton.dev.chain.sendTransaction(wallet.id, { validUntil: request.validUntil, messages: request.messages as [never] });
    await flows.reconciled();
    const paid = (await flows.getOrder(auth, order.id)) as OrderJson & { payments: { asset?: string; amountNano: string; status: string }[] };
    expect(paid.status).toBe('paid');
    expect(paid.payments).toEqual([expect.objectContaining({ status: 'applied', asset: 'USDT', amountNano: MUG_MICRO_USDT.toString() })]);
  });
});

describe('a shop priced in dollars that takes only USDT', () => {
  it('has no TON amount to ask for, and refuses a TON payment request', async () => {
    const usdtOnly = await createTestApp({
      pricing: { currency: 'USD', accepted: ['USDT'], rates: createRateBook({ sources: [createFixedRates(DEV_RATES)] }) },
    });
    try {
      const db = usdtOnly.db.handle.db;
      const [mug] = await db.update(products).set({ currency: 'USD', priceMinor: MUG_CENTS }).where(eq(products.slug, 'travel-mug')).returning();
      await db.update(productVariants).set({ priceMinor: null }).where(eq(productVariants.productId, mug!.id));
      const { order, auth } = await shopFlows(usdtOnly).newOrder();
      expect(order.quotes.map((q) => q.asset)).toEqual(['USDT']);
      expect(order.payment).toMatchObject({ amountNano: null });
      const res = await usdtOnly.request(`/api/orders/${order.id}/payment-request`, { auth, body: { asset: 'TON' } });
      expect(res.status).toBe(422);
    } finally {
      await usdtOnly.close();
    }
  });
});

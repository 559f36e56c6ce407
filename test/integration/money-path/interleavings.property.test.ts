// Property-based, against the real app, database and dev chain: random interleavings of customers
// ordering, wallets signing and paying (exact, over, under, late, twice), the clock moving, the expiry
// sweep, the merchant cancelling and the reconciler. After every step the database must hold the
// invariants: stock conserved, a paid order has exactly one applied payment, no order both paid and
// restocked; after the last, every transfer of value to the merchant is recorded once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productVariants, products } from '../../../functions/adapters/db/schema';
import { creditedValue } from '../../../functions/core/payments/credited-value';
import { asAdmin } from '../admin/admin-helpers';
import { doubleCredits, paymentViolations, stockViolations, unrecordedTransfers } from '../../support/money-invariants';
import { shopFlows, type OrderJson } from '../../support/shop-flows';
import { createTestApp, TEST_CRON_SECRET, type TestApp } from '../../support/test-app';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;

beforeAll(async () => {
  t = await createTestApp();
  flows = shopFlows(t);
  // The shop's first order: the reconciler reads past what came before it.
  await flows.newOrder();
  await flows.reconciled();
});
afterAll(async () => {
  expect(t.errors.filter((e) => !String((e as { message: string }).message).includes('deferred to the reconciler'))).toEqual([]);
  await t.close();
});

type Step =
  | { kind: 'order'; customer: number; product: number; quantity: number }
  | { kind: 'submit'; order: number }
  | { kind: 'pay'; order: number; amount: 'exact' | 'over' | 'under'; report: boolean }
  | { kind: 'stranger' }
  | { kind: 'advance'; seconds: number }
  | { kind: 'sweep' }
  | { kind: 'cancel'; order: number }
  | { kind: 'reconcile' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('order' as const), customer: fc.nat(2), product: fc.nat(1), quantity: fc.integer({ min: 1, max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submit' as const), order: fc.nat(9) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      order: fc.nat(9),
      amount: fc.constantFrom('exact' as const, 'exact' as const, 'over' as const, 'under' as const),
      report: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stranger' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.constantFrom(60, 900, 1800, 3600) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sweep' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconcile' as const) }) },
);

const INITIAL_STOCK = 3;
let runNumber = 0;

/** A run's own products and customers, so that its invariants see only its own rows. */
async function freshRun() {
  runNumber++;
  const inserted = await t.db.handle.db
    .insert(products)
    .values([0, 1].map((i) => ({ slug: `prop-${runNumber}-${i}`, title: `Property ${runNumber}/${i}`, priceMinor: 1_000_000_000n + BigInt(i) })))
    .returning({ id: products.id });
  const variants = await t.db.handle.db
    .insert(productVariants)
    .values(inserted.map((row) => ({ productId: row.id, optionValues: [], stock: INITIAL_STOCK })))
    .returning({ id: productVariants.id });
  const customers = await Promise.all([0, 1, 2].map(() => flows.newCustomer()));
  return {
    productIds: inserted.map((row) => row.id),
    variantIds: variants.map((row) => row.id),
    customers,
    orders: [] as { order: OrderJson; auth: string }[],
  };
}

type Run = Awaited<ReturnType<typeof freshRun>>;

async function perform(run: Run, s: Step): Promise<void> {
  const pick = (i: number) => run.orders[i % Math.max(1, run.orders.length)];
  switch (s.kind) {
    case 'order': {
      const auth = run.customers[s.customer]!;
      const res = await t.request('/api/orders', { auth, body: { items: [{ productId: run.productIds[s.product]!, quantity: s.quantity }] } });
      expect([201, 409, 429]).toContain(res.status);
      if (res.status === 201) run.orders.push({ order: (await res.json()) as OrderJson, auth });
      return;
    }
    case 'submit': {
      const placed = pick(s.order);
      if (!placed?.order.payment) return;
      const boc = await flows.payFor(placed.order, (await flows.customerWallet()).id, {}, { broadcast: false, validUntil: placed.order.payment.validUntil });
      expect([200, 409, 422]).toContain((await flows.confirm(placed.auth, placed.order.id, boc)).status);
      return;
    }
    case 'pay': {
      const placed = pick(s.order);
      if (!placed?.order.payment) return;
      const total = BigInt(placed.order.totalMinor);
      const amountNano = s.amount === 'exact' ? total : s.amount === 'over' ? total + 5n : total - 1n;
      const boc = await flows.payFor(placed.order, (await flows.customerWallet()).id, { amountNano });
      if (s.report) expect([200, 409, 422]).toContain((await flows.confirm(placed.auth, placed.order.id, boc)).status);
      return;
    }
    case 'stranger':
      await flows.signPayment((await flows.customerWallet()).id, { amountNano: 7_000_000n, comment: 'a stranger\u0000s tip' });
      return;
    case 'advance':
      t.clock.advanceSeconds(s.seconds);
      return;
    case 'sweep':
      expect((await t.request('/api/cron/expire-orders', { method: 'POST', headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } })).status).toBe(200);
      return;
    case 'cancel': {
      const placed = pick(s.order);
      if (!placed) return;
      const res = await asAdmin(t, `/api/admin/orders/${placed.order.id}/actions`, { body: { action: 'cancel' } });
      expect([200, 409]).toContain(res.status);
      return;
    }
    case 'reconcile':
      expect((await flows.reconcile()).status).toBe(200);
      return;
  }
}

async function checkInvariants(run: Run): Promise<void> {
  const db = t.db.handle.db;
  // Stock conserved: on the shelf plus held by orders (reserved or sold) is what there was.
  expect(await stockViolations(db, new Map(run.variantIds.map((id) => [id, INITIAL_STOCK])))).toEqual([]);
  // A paid order has exactly one applied payment; one neither paid nor cancelled has none.
  expect(
    await paymentViolations(
      db,
      run.orders.map((o) => o.order.id),
    ),
  ).toEqual([]);
}

describe('the money path under random interleavings, on the real database and chain', () => {
  it('holds its invariants after every step, and accounts for every transfer in the end', async () => {
    const seed = Number(process.env.PROPERTY_SEED ?? 11_2026);
    const numRuns = Number(process.env.PROPERTY_RUNS ?? 12);
    console.log(`money path property on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: seed ${seed}, ${numRuns} runs`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 18 }), async (steps) => {
        const run = await freshRun();
        for (const s of steps) {
          await perform(run, s);
          await checkInvariants(run);
        }
        expect((await flows.reconcile()).status).toBe(200);
        await checkInvariants(run);
      }),
      { seed, numRuns },
    );

    // Every transfer of value to the merchant is recorded, once.
    const firstOrderAt = (await t.deps.payments.repo.firstOrderCreatedAt())!.getTime();
    const chainTxs = await t.ton.chain.listAccountTransactions(t.deps.payments.merchant.raw, 0n, 1000);
    expect(chainTxs.filter((tx) => creditedValue(tx) > 0n && tx.now * 1000 >= firstOrderAt).length).toBeGreaterThan(0);
    expect(await unrecordedTransfers(t.db.handle.db, chainTxs, firstOrderAt)).toEqual([]);
    expect(await doubleCredits(t.db.handle.db)).toEqual([]);
  }, 240_000);
});

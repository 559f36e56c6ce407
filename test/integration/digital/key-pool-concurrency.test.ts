// K license keys and K+10 buyers at once, each on its own connection of the PostgreSQL server: exactly K
// orders get a key, the others are refused as sold out, and no key is handed to two orders, reserved or
// paid. Needs real concurrency, so the PostgreSQL server (DATABASE_URL); PGlite runs one statement at a
// time and would prove nothing, so without it this file is skipped (.ci/run runs it on the server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { licenseKeys, productVariants } from '../../../functions/adapters/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { addKeys, digitalProduct, newBuyer, orderOf, payInStars, pools, type Buyer } from './digital-support';

const K = 12;
const BUYERS = K + 10;

describe.skipIf(!process.env.DATABASE_URL)('a pool of K license keys and K+10 concurrent buyers on the PostgreSQL server', () => {
  let t: TestApp;
  let productId: string;

  beforeAll(async () => {
    t = await createTestApp();
    productId = await digitalProduct(t, 'contended-key', 10);
    const keys = Array.from({ length: K }, (_, i) => `POOL-${String(i).padStart(3, '0')}`);
    expect((await addKeys(t, productId, keys.join('\n'))).status).toBe(201);
  });
  afterAll(async () => {
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('sells exactly K, refuses the rest as sold out, and never hands one key to two orders', async () => {
    const buyers: Buyer[] = await Promise.all(Array.from({ length: BUYERS }, () => newBuyer(t)));
    const answers = await Promise.all(buyers.map((buyer) => orderOf(t, buyer, productId, 1)));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(K);
    expect(statuses.filter((s) => s === 409)).toHaveLength(BUYERS - K);
    const bodies = await Promise.all(answers.map(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> })));
    for (const refused of bodies.filter((b) => b.status === 409)) expect((refused.body.error as { code: string }).code).toBe('OUT_OF_STOCK');

    const placed = bodies.map((b, i) => ({ ...b, buyer: buyers[i]! })).filter((b) => b.status === 201);
    const orderIds = placed.map((p) => p.body.id as string);
    const held = await t.db.handle.db.select().from(licenseKeys).where(inArray(licenseKeys.orderId, orderIds));
    expect(held).toHaveLength(K);
    expect(new Set(held.map((k) => k.key)).size).toBe(K);
    expect(new Set(held.map((k) => k.orderId)).size).toBe(K);

    // All paid at once: each order's own key is sold, still one key per order.
    await Promise.all(placed.map((p) => payInStars(t, p.buyer, p.body.id as string)));
    const sold = await t.db.handle.db.select().from(licenseKeys).where(eq(licenseKeys.status, 'sold'));
    expect(sold).toHaveLength(K);
    expect(new Set(sold.map((k) => k.key)).size).toBe(K);
    expect(sold.map((k) => k.orderId).sort()).toEqual([...orderIds].sort());
    expect((await pools(t, productId)).pools[0]).toMatchObject({ available: 0, reserved: 0, sold: K });
    const [variant] = await t.db.handle.db.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.productId, productId));
    expect(variant!.stock).toBe(0);
  });
});

// Issue #11, cases 1 and 5: nothing a stranger puts on the merchant account can stop the reconciler, and
// the reconciler never skips a transaction an indexer lists late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainReader, ChainTransaction } from '../../../functions/core/payments/chain-reader';
import { reconcilePayments } from '../../../functions/core/payments/reconcile-payments';
import { beginCell } from '@ton/core';
import { eq, sql } from 'drizzle-orm';
import { orders } from '../../../functions/adapters/db/schema';
import { shopFlows } from '../../support/shop-flows';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;

beforeAll(async () => {
  t = await createTestApp();
  flows = shopFlows(t);
  // The shop's first order: transfers before it are the wallet's own history, read past unrecorded.
  await flows.newOrder();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

/** The chain as the shop reads it, with a hook to change what one listing returns. */
function readerWith(list: (txs: ChainTransaction[]) => ChainTransaction[]): ChainReader {
  const chain = t.ton.chain;
  return {
    findTransactionByInMessageHash: (hash) => chain.findTransactionByInMessageHash(hash),
    getAccountStatus: (address) => chain.getAccountStatus(address),
    listAccountTransactions: async (account, afterLt, limit) => list(await chain.listAccountTransactions(account, afterLt, limit)),
  };
}

function reconcileWith(chain: ChainReader, options: { pageSize?: number; maxPages?: number } = {}) {
  return reconcilePayments({ chain, payments: t.deps.payments.repo, merchantAddress: t.deps.payments.merchant.raw, now: t.clock.now(), ...options });
}

describe('a transfer whose content the database cannot store', () => {
  it('does not stop the reconciler: a comment with U+0000 is kept safely, and later payments are applied', async () => {
    const stranger = await flows.customerWallet();
    await flows.signPayment(stranger.id, { amountNano: 10_000_000n, comment: 'bz:\u0000hi\u0007there' });
    const { order, auth } = await flows.newOrder();
    await flows.payFor(order, (await flows.customerWallet()).id);

    const res = await flows.reconcile();
    expect(res.status).toBe(200);
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
    const [poisoned] = (await flows.attentionPayments()).filter((p) => p.amountNano === '10000000');
    // The display text has the control characters removed; nothing is lost: the raw bytes are kept.
    expect(poisoned).toMatchObject({ reason: 'unknown_comment', comment: 'bz:hithere' });
    expect((await flows.reconciled()).scanned).toBe(0);
  });

  it('records a transaction the database refuses outright as needing attention, with its hash, lt and amount, and moves on', async () => {
    // A rule the database enforces that the shop's code does not know of (a future column, a stricter
    // type): here a CHECK that refuses one comment. Whatever the rule, the scan must not stop at it.
    await t.db.handle.db.execute(sql`alter table payments add constraint test_refuses_poison check (comment is distinct from 'poison')`);
    try {
      const stranger = await flows.customerWallet();
      await flows.signPayment(stranger.id, { amountNano: 20_000_000n, comment: 'poison' });
      const { order, auth } = await flows.newOrder();
      await flows.payFor(order, (await flows.customerWallet()).id);

      const report = await flows.reconciled();
      expect(report.paid).toBe(1);
      expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
      const row = (await flows.attentionPayments()).find((p) => p.amountNano === '20000000');
      expect(row).toMatchObject({ reason: 'unrecordable', comment: null, orderId: null });
      expect(row!.txHash).toMatch(/^[0-9a-f]{64}$/);
      expect(BigInt(row!.lt)).toBeGreaterThan(0n);
    } finally {
      await t.db.handle.db.execute(sql`alter table payments drop constraint test_refuses_poison`);
    }
  });

  it('records a value beyond int64 exactly (a message value is a VarUInteger 16)', async () => {
    await flows.reconciled();
    const stranger = await flows.customerWallet();
    await flows.signPayment(stranger.id, { amountNano: 21_000_000n, comment: 'big' });
    let hash = '';
    const chain = readerWith((txs) =>
      txs.map((tx) => {
        if (tx.inMessage?.valueNano !== 21_000_000n) return tx;
        hash = tx.hash;
        return { ...tx, inMessage: { ...tx.inMessage, valueNano: 2n ** 100n } };
      }),
    );
    await reconcileWith(chain);
    expect((await flows.attentionPayments()).find((p) => p.txHash === hash)).toMatchObject({ reason: 'unknown_comment', amountNano: (2n ** 100n).toString() });
  });
});

describe('continuity of the merchant account history', () => {
  it('does not skip a transaction that the indexer lists only after a later one', async () => {
    const first = await flows.newOrder();
    const second = await flows.newOrder();
    await flows.payFor(first.order, (await flows.customerWallet()).id);
    await flows.payFor(second.order, (await flows.customerWallet()).id);
    // The indexer has not caught up with the first payment yet, but lists the second.
    let hidden: string | null = null;
    const lagging = readerWith((txs) => {
      const firstPayment = txs.find((tx) => tx.inMessage?.comment === first.order.payment!.comment);
      hidden ??= firstPayment?.hash ?? null;
      return txs.filter((tx) => tx.hash !== hidden);
    });

    const during = await reconcileWith(lagging);
    expect(during.paid).toBe(0);
    expect((await flows.getOrder(second.auth, second.order.id)).status).toBe('pending');

    // Caught up: both are read, in order.
    await flows.reconciled();
    expect((await flows.getOrder(first.auth, first.order.id)).status).toBe('paid');
    expect((await flows.getOrder(second.auth, second.order.id)).status).toBe('paid');
  });

  it('does not release stale submissions after a scan that stopped at its page limit', async () => {
    await flows.reconciled();
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id, {}, { broadcast: false });
    expect(((await (await flows.confirm(auth, order.id, boc)).json()) as { status: string }).status).toBe('confirming');
    // Two more transactions than one page of one can read.
    for (const amount of [30_000_000n, 31_000_000n]) await flows.signPayment((await flows.customerWallet()).id, { amountNano: amount, comment: 'tip' });
    t.clock.advanceSeconds(3 * 3600);

    const truncated = await reconcileWith(t.ton.chain, { pageSize: 1, maxPages: 1 });
    expect(truncated.released).toBe(0);
    const [row] = await t.db.handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row?.status).toBe('confirming');

    const full = await reconcileWith(t.ton.chain);
    expect(full.released).toBe(1);
    expect((await flows.getOrder(auth, order.id)).status).not.toBe('confirming');
  });
});

describe('a payload that is not a text comment', () => {
  it('is set aside like any payment with no order comment', async () => {
    const stranger = await flows.customerWallet();
    // 0xdeadbeef op with a body: a "binary comment" to indexers.
    const body = beginCell().storeUint(0xdeadbeef, 32).storeStringTail('\u0000\u0000').endCell().toBoc().toString('base64');
    await flows.signPayment(stranger.id, { amountNano: 40_000_000n, payload: body });
    await flows.reconciled();
    expect((await flows.attentionPayments()).find((p) => p.amountNano === '40000000')).toMatchObject({ reason: 'unknown_comment', comment: null });
  });
});

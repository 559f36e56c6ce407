import { Address, beginCell } from '@ton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentRepo } from '../../functions/adapters/db/payment-repo';
import { createTonapiReader } from '../../functions/adapters/ton/tonapi-reader';
import { buildCommentCell } from '../../functions/core/payments/comment-payload';
import { JETTON_TRANSFER_NOTIFICATION_OP } from '../../functions/core/payments/jetton-notification';
import { reconcilePayments } from '../../functions/core/payments/reconcile-payments';
import { createUsdtWallets } from '../../functions/core/payments/usdt-wallets';
import { createFakeTonapi, tonapiMessage, tonapiTransaction, type FakeTonapi } from '../fakes/fake-tonapi';
import { shopFlows, type OrderJson } from '../support/shop-flows';
import { createTestApp, type TestApp } from '../support/test-app';

// The same shop, its merchant account read through tonapi v2 instead of toncenter: the fake speaks tonapi's
// documented format (raw_body as hex, get-methods as MethodExecutionResult), the orders and their USDT quotes
// are the shop's own.
const USDT_MASTER = '0:' + 'c3'.repeat(32);
const MERCHANT_USDT_WALLET = '0:' + 'd4'.repeat(32);
const FAKE_JETTON_WALLET = '0:' + 'e5'.repeat(32);
const PAYER = '0:' + 'b2'.repeat(32);
const MUG_MICRO_USDT = 36_000_000n;
const hash = (n: number) => n.toString(16).padStart(64, '0');

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;
let fake: FakeTonapi;
let merchant: string;

beforeAll(async () => {
  t = await createTestApp({ pricing: { accepted: ['TON', 'USDT'] } });
  flows = shopFlows(t);
  fake = createFakeTonapi();
  merchant = t.ton.dev.chain.merchant.address;
  fake.setJettonWallet(USDT_MASTER, merchant, MERCHANT_USDT_WALLET);
});
afterAll(async () => {
  expect(fake.unexpected).toEqual([]);
  await t.close();
});

function notification(comment: string, amount: bigint): string {
  return beginCell()
    .storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32)
    .storeUint(7, 64)
    .storeCoins(amount)
    .storeAddress(Address.parse(PAYER))
    .storeBit(1)
    .storeRef(buildCommentCell(comment))
    .endCell()
    .toBoc()
    .toString('hex');
}

describe('USDT through the tonapi reader', () => {
  it("pays the order from the merchant's USDT jetton wallet's notification and sets a forged one aside", async () => {
    const paid = await flows.newOrder();
    const target = await flows.newOrder();
    const quoted = (paid.order as OrderJson & { quotes: { asset: string; amount: string }[] }).quotes.find((q) => q.asset === 'USDT');
    expect(quoted?.amount).toBe(MUG_MICRO_USDT.toString());
    const utime = Math.floor(t.clock.now().getTime() / 1000);
    const first = tonapiTransaction({
      hash: hash(1),
      lt: 1_000n,
      prevLt: 0n,
      prevHash: '00'.repeat(32),
      account: merchant,
      utime,
      // A 1-nanoton forward: the merchant's wallet cannot run it, and the USDT arrived all the same.
      aborted: true,
      computeSkipReason: 'cskip_no_gas',
      inMsg: tonapiMessage({
        hash: hash(101),
        source: MERCHANT_USDT_WALLET,
        destination: merchant,
        valueNano: 1n,
        rawBodyHex: notification(`bz:${paid.order.code}`, MUG_MICRO_USDT),
      }),
    });
    const forged = tonapiTransaction({
      hash: hash(2),
      lt: 2_000n,
      prevLt: 1_000n,
      prevHash: hash(1),
      account: merchant,
      utime,
      inMsg: tonapiMessage({
        hash: hash(102),
        source: FAKE_JETTON_WALLET,
        destination: merchant,
        valueNano: 1n,
        rawBodyHex: notification(`bz:${target.order.code}`, 10n ** 12n),
      }),
    });
    fake.add(first, forged);

    const chain = createTonapiReader({ baseUrl: fake.baseUrl, fetch: fake.fetch, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const payments = createPaymentRepo(t.db.handle.db, { usdt: createUsdtWallets({ chain, master: async () => USDT_MASTER, merchantAddress: merchant }) });
    const report = await reconcilePayments({ chain, payments, merchantAddress: merchant, now: t.clock.now() });
    expect(report).toMatchObject({ scanned: 2, paid: 1, attention: 1, stoppedAt: 'head' });

    const after = (await flows.getOrder(paid.auth, paid.order.id)) as OrderJson & { payments: { asset: string }[] };
    expect(after.status).toBe('paid');
    expect(after.payments).toEqual([expect.objectContaining({ asset: 'USDT', amountNano: MUG_MICRO_USDT.toString(), payerAddress: PAYER, status: 'applied' })]);
    expect((await flows.getOrder(target.auth, target.order.id)).status).toBe('pending');
    expect(await flows.attentionPayments()).toEqual([expect.objectContaining({ txHash: hash(2), reason: 'forged', comment: `bz:${target.order.code}` })]);
    // The merchant's jetton wallet was asked for once, and kept.
    expect(fake.requests.filter((r) => r.path.endsWith('/get_wallet_address'))).toHaveLength(1);
  });
});

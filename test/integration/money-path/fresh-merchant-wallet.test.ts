// Issue #11, case 3: a merchant wallet made in a wallet app and never used to send is not deployed. A
// non-bounceable payment to it is credited (the value stays) in a transaction that reads aborted, with the
// compute phase skipped for `no_state`. That is money received, and must pay the order.
import { randomBytes } from 'node:crypto';
import { keyPairFromSeed } from '@ton/crypto';
import { WalletContractV5R1 } from '@ton/ton';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopFlows } from '../../support/shop-flows';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;
const freshWallet = WalletContractV5R1.create({ workchain: 0, publicKey: keyPairFromSeed(randomBytes(32)).publicKey });

beforeAll(async () => {
  t = await createTestApp({ merchantAddress: freshWallet.address.toString({ bounceable: false, testOnly: true }) });
  flows = shopFlows(t);
});
afterAll(async () => {
  expect(t.errors.filter((e) => !String((e as { message: string }).message).includes('deferred to the reconciler'))).toEqual([]);
  await t.close();
});

describe('a merchant wallet that has never sent anything', () => {
  it('is paid by the first customer: the transfer it was credited with marks the order paid', async () => {
    const { order, auth } = await flows.newOrder();
    const boc = await flows.payFor(order, (await flows.customerWallet()).id);
    const [merchantTx] = await t.ton.chain.listAccountTransactions(t.deps.payments.merchant.raw, 0n, 10);
    // What the chain did: the account came into being uninit, holding the value, and nothing ran.
    expect(merchantTx).toBeDefined();

    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('paid');
  });

  it('is paid through the reconciler too, and nothing of value is passed unaccounted', async () => {
    const { order, auth } = await flows.newOrder();
    await flows.payFor(order, (await flows.customerWallet()).id);
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).status).toBe('paid');
    const applied = await flows.paymentRowsFor(order.id);
    expect(applied).toEqual([expect.objectContaining({ status: 'applied', amountNano: BigInt(order.totalMinor) })]);
  });

  it('does not count a bounceable transfer, which the uninit account sends back', async () => {
    const { order, auth } = await flows.newOrder();
    const bounceable = freshWallet.address.toString({ bounceable: true, testOnly: true });
    await flows.payFor(order, (await flows.customerWallet()).id, { to: bounceable });
    await flows.reconciled();
    expect((await flows.getOrder(auth, order.id)).status).toBe('pending');
    expect(await flows.paymentRowsFor(order.id)).toEqual([]);
  });

  it('is reported by /api/health as uninit', async () => {
    const res = await t.request('/api/health');
    const body = (await res.json()) as { merchantAccount?: { status: string } };
    expect(body.merchantAccount).toEqual(expect.objectContaining({ status: 'uninit' }));
  });
});

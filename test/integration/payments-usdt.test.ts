import { Address, beginCell, Cell } from '@ton/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentRepo } from '../../functions/adapters/db/payment-repo';
import { orderQuotes, orders } from '../../functions/adapters/db/schema';
import type { DevJetton } from '../../functions/adapters/ton/dev-chain/dev-jettons';
import type { DevWalletInfo } from '../../functions/adapters/ton/dev-chain/dev-wallet';
import { DEV_RATES, createFixedRates } from '../../functions/adapters/rates/fixed-rates';
import { commentForwardPayload } from '../../functions/core/payments/jetton-forward-payload';
import { JETTON_TRANSFER_NOTIFICATION_OP, parseJettonNotification } from '../../functions/core/payments/jetton-notification';
import { JETTON_TRANSFER_OP } from '../../functions/core/payments/jetton-transfer-body';
import { reconcilePayments } from '../../functions/core/payments/reconcile-payments';
import { createUsdtWallets } from '../../functions/core/payments/usdt-wallets';
import { createRateBook } from '../../functions/core/pricing/rate-book';
import type { RateSource } from '../../functions/core/pricing/rate-source';
import { shopFlows, type OrderJson } from '../support/shop-flows';
import { createTestApp, type TestApp } from '../support/test-app';

// The dev rates say 1 TON = 5 USD and 1 USDT = 1 USD: 1 TON is 5 USDT, so a 7.2 TON mug is 36 USDT.
const MUG_MICRO_USDT = 36_000_000n;
const USDT = 1_000_000n;

interface QuoteJson {
  asset: string;
  amount: string;
  rate: string | null;
  source: string;
  fetchedAt: string;
  lockedUntil: string;
}
type UsdtOrderJson = OrderJson & { quotes: QuoteJson[]; payments?: (NonNullable<OrderJson['payments']>[number] & { asset: string })[] };
interface PaymentRequestJson {
  asset: string;
  amount: string;
  request: { validUntil: number; network: string; from?: string; messages: { address: string; amount: string; payload: string }[] };
}

/** The fixed dev rates, or the same figures ten minutes old (a source that stopped updating). */
function switchableRates(): RateSource & { stale: boolean } {
  const fixed = createFixedRates(DEV_RATES);
  const source = {
    name: 'fixed',
    stale: false,
    async fetchRates(...args: Parameters<RateSource['fetchRates']>) {
      const samples = await fixed.fetchRates(...args);
      return source.stale ? samples.map((s) => ({ ...s, observedAt: Date.now() - 10 * 60_000 })) : samples;
    },
  };
  return source;
}

let t: TestApp;
let flows: ReturnType<typeof shopFlows>;
let usdt: DevJetton;
let rates: ReturnType<typeof switchableRates>;

beforeAll(async () => {
  rates = switchableRates();
  t = await createTestApp({ pricing: { accepted: ['TON', 'USDT'], rates: createRateBook({ sources: [rates], cacheMs: 0 }) } });
  flows = shopFlows(t);
  usdt = await t.ton.dev.chain.jettons.usdt();
});
afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

async function newUsdtOrder(slug = 'travel-mug'): Promise<{ order: UsdtOrderJson; auth: string }> {
  const { order, auth } = await flows.newOrder(slug);
  return { order: order as UsdtOrderJson, auth };
}

async function customerWithUsdt(microUsdt = 1000n * USDT): Promise<DevWalletInfo> {
  const wallet = await flows.customerWallet();
  await t.ton.dev.chain.jettons.mint(usdt.master, wallet.address, microUsdt);
  return wallet;
}

function paymentRequest(auth: string, orderId: string, body: unknown): Promise<Response> {
  return t.request(`/api/orders/${orderId}/payment-request`, { auth, body });
}

/** A dev wallet's USDT transfer to the merchant, as any wallet app would send one (comment in a reference). */
function sendUsdt(wallet: DevWalletInfo, amount: bigint, comment: string, master = usdt.master) {
  return t.ton.dev.chain.jettons.transfer(wallet.id, { master, amount, destination: t.ton.dev.chain.merchant.address, comment });
}

async function detail(auth: string, id: string): Promise<UsdtOrderJson> {
  return (await flows.getOrder(auth, id)) as UsdtOrderJson;
}

describe('quotes stored on the order', () => {
  it('quotes a TON-priced order in TON (the total itself) and in USDT through the dev rate, both locked until the reservation ends', async () => {
    const { order, auth } = await newUsdtOrder();
    expect(order.totalMinor).toBe('7200000000');
    const expected = [
      { asset: 'TON', amount: '7200000000', rate: null, source: 'same currency', lockedUntil: order.expiresAt },
      { asset: 'USDT', amount: MUG_MICRO_USDT.toString(), rate: '1/5', source: 'fixed', lockedUntil: order.expiresAt },
    ];
    expect(order.quotes).toMatchObject(expected);
    expect((await detail(auth, order.id)).quotes).toEqual(order.quotes);
    const rows = await t.db.handle.db.select().from(orderQuotes).where(eq(orderQuotes.orderId, order.id));
    expect(rows.map((r) => [r.asset, r.amount])).toEqual(
      expect.arrayContaining([
        ['TON', 7_200_000_000n],
        ['USDT', MUG_MICRO_USDT],
      ]),
    );
  });

  it('shows the same quotes before the order is placed (POST /api/orders/quote), reserving nothing', async () => {
    const customer = await flows.newCustomer();
    const res = await t.request('/api/orders/quote', { auth: customer, body: { items: [{ productId: await flows.productId('travel-mug'), quantity: 1 }] } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { totalMinor: string; quotes: QuoteJson[] };
    expect(body.quotes.map((q) => [q.asset, q.amount, q.rate])).toEqual([
      ['TON', body.totalMinor, null],
      ['USDT', MUG_MICRO_USDT.toString(), '1/5'],
    ]);
  });

  it('refuses the order with 503 RATE_UNAVAILABLE when the rate is stale: no order is made and no stock is held', async () => {
    await flows.setStock('travel-mug', 500);
    const customer = await flows.newCustomer();
    const ordersBefore = (await t.db.handle.db.select({ id: orders.id }).from(orders)).length;
    rates.stale = true;
    try {
      const res = await t.request('/api/orders', { auth: customer, body: { items: [{ productId: await flows.productId('travel-mug'), quantity: 2 }] } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RATE_UNAVAILABLE');
    } finally {
      rates.stale = false;
    }
    expect((await t.db.handle.db.select({ id: orders.id }).from(orders)).length).toBe(ordersBefore);
    expect(await flows.stockOf('travel-mug')).toBe(500);
  });
});

describe('paying in USDT end to end on the dev chain', () => {
  it('asks the wallet for a jetton transfer from its own USDT wallet, and the reconciler marks the order paid in USDT', async () => {
    const { order, auth } = await newUsdtOrder();
    const wallet = await customerWithUsdt();
    const res = await paymentRequest(auth, order.id, { asset: 'USDT', wallet: wallet.addressFriendly });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PaymentRequestJson;

    const customerJettonWallet = await t.ton.dev.chain.jettons.walletAddress(usdt.master, wallet.address);
    expect(body).toMatchObject({ asset: 'USDT', amount: MUG_MICRO_USDT.toString(), request: { network: '-3', from: wallet.address } });
    expect(body.request.validUntil).toBeLessThanOrEqual(Math.floor(new Date(order.expiresAt).getTime() / 1000));
    const [message] = body.request.messages;
    expect(body.request.messages).toHaveLength(1);
    // User-friendly, bounceable, test-only: the customer's jetton wallet is a contract.
    expect(Address.isFriendly(message!.address)).toBe(true);
    expect(Address.parseFriendly(message!.address)).toMatchObject({ isBounceable: true, isTestOnly: true });
    expect(Address.parse(message!.address).toRawString()).toBe(customerJettonWallet);
    expect(message!.amount).toBe('50000000');
    const transfer = Cell.fromBase64(message!.payload).beginParse();
    expect(transfer.loadUint(32)).toBe(JETTON_TRANSFER_OP);
    transfer.loadUintBig(64);
    expect(transfer.loadCoins()).toBe(MUG_MICRO_USDT);
    expect(transfer.loadAddress().toRawString()).toBe(t.ton.dev.chain.merchant.address);
    expect(transfer.loadAddress().toRawString()).toBe(wallet.address);
    expect(transfer.loadBit()).toBe(false); // no custom payload
    expect(transfer.loadCoins()).toBe(1n);
    expect(transfer.loadBit()).toBe(true); // forward payload in a reference

    // The dev wallet sends exactly what a wallet app would be handed.
    await t.ton.dev.chain.sendTransaction(wallet.id, { validUntil: body.request.validUntil, messages: body.request.messages as [never] });
    // (The dev chain's funding of the merchant wallet, read on the first scan, is the attention it may report.)
    expect(await flows.reconciled()).toMatchObject({ paid: 1, stoppedAt: 'head' });

    const paid = await detail(auth, order.id);
    expect(paid.status).toBe('paid');
    expect(paid.payments).toEqual([
      expect.objectContaining({ status: 'applied', asset: 'USDT', amountNano: MUG_MICRO_USDT.toString(), overpaymentNano: '0', payerAddress: wallet.address }),
    ]);
    expect(await t.ton.dev.chain.jettons.balance(usdt.master, t.ton.dev.chain.merchant.address)).toBeGreaterThanOrEqual(MUG_MICRO_USDT);
  });

  it('takes the BOC the wallet returned for a USDT payment: the order is confirmed and paid from the merchant’s notification at once', async () => {
    const { order, auth } = await newUsdtOrder();
    const wallet = await customerWithUsdt();
    const { request } = (await (await paymentRequest(auth, order.id, { asset: 'USDT', wallet: wallet.address })).json()) as PaymentRequestJson;
    const { boc } = await t.ton.dev.chain.sendTransaction(wallet.id, { validUntil: request.validUntil, messages: request.messages as [never] });
    const res = await flows.confirm(auth, order.id, boc);
    expect(res.status).toBe(200);
    const body = (await res.json()) as UsdtOrderJson;
    expect(body.status).toBe('paid');
    expect(body.payments).toEqual([expect.objectContaining({ status: 'applied', asset: 'USDT', amountNano: MUG_MICRO_USDT.toString() })]);
  });

  it('refuses a signed USDT transfer of less than the quote, or through a jetton wallet that is not the customer’s USDT wallet', async () => {
    const { order, auth } = await newUsdtOrder();
    const wallet = await customerWithUsdt();
    const { request } = (await (await paymentRequest(auth, order.id, { asset: 'USDT', wallet: wallet.address })).json()) as PaymentRequestJson;
    const message = request.messages[0]!;
    const lessBody = beginCell()
      .storeUint(JETTON_TRANSFER_OP, 32)
      .storeUint(1, 64)
      .storeCoins(MUG_MICRO_USDT - 1n)
      .storeAddress(Address.parse(t.ton.dev.chain.merchant.address))
      .storeAddress(Address.parse(wallet.address))
      .storeBit(0)
      .storeCoins(1n)
      .storeBit(1)
      .storeRef(commentForwardPayload(`bz:${order.code}`))
      .endCell();
    const sign = (msg: { address: string; amount: string; payload: string }) =>
      t.ton.dev.chain.signTransfer(wallet.id, { validUntil: request.validUntil, messages: [msg] });
    const less = await flows.confirm(auth, order.id, await sign({ ...message, payload: lessBody.toBoc().toString('base64') }));
    expect(less.status).toBe(422);
    expect(((await less.json()) as { error: { code: string } }).error.code).toBe('PAYMENT_AMOUNT_TOO_LOW');

    const fake = await t.ton.dev.chain.jettons.deploy({ name: 'Tether USD', symbol: 'USDT', decimals: 6 });
    const fakeWallet = await t.ton.dev.chain.jettons.walletAddress(fake.master, wallet.address);
    const elsewhere = await flows.confirm(auth, order.id, await sign({ ...message, address: Address.parse(fakeWallet).toString({ testOnly: true }) }));
    expect(elsewhere.status).toBe(422);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe('PAYMENT_WRONG_DESTINATION');
    expect((await detail(auth, order.id)).status).toBe('pending');
  });

  it('gives the TON request for asset TON (the default): one message to the merchant with the total and the comment', async () => {
    const { order, auth } = await newUsdtOrder();
    const body = (await (await paymentRequest(auth, order.id, {})).json()) as PaymentRequestJson;
    expect(body).toMatchObject({ asset: 'TON', amount: order.totalMinor, request: { network: '-3' } });
    expect(body.request.messages).toEqual([{ address: order.payment!.address, amount: order.totalMinor, payload: order.payment!.payload }]);
  });

  it('refuses a USDT request without the wallet, with an address that is not one, and for an order that cannot be paid', async () => {
    const { order, auth } = await newUsdtOrder();
    expect((await paymentRequest(auth, order.id, { asset: 'USDT' })).status).toBe(400);
    expect((await paymentRequest(auth, order.id, { asset: 'USDT', wallet: 'not an address' })).status).toBe(400);
    expect((await paymentRequest(auth, order.id, { asset: 'DOGE' })).status).toBe(400);
    const wallet = await customerWithUsdt();
    await sendUsdt(wallet, MUG_MICRO_USDT, `bz:${order.code}`);
    await flows.reconciled();
    const res = await paymentRequest(auth, order.id, { asset: 'USDT', wallet: wallet.address });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ORDER_NOT_PAYABLE');
  });
});

describe('what a USDT notification does to its order', () => {
  it.each([
    ['exactly the quote: paid, nothing over', MUG_MICRO_USDT, { status: 'paid', payment: { status: 'applied', reason: null, overpaymentNano: '0' } }],
    [
      'more than the quote: paid, the overpayment recorded',
      MUG_MICRO_USDT + 250_000n,
      { status: 'paid', payment: { status: 'applied', overpaymentNano: '250000' } },
    ],
    [
      'one micro-USDT short: underpaid attention, the order unpaid',
      MUG_MICRO_USDT - 1n,
      { status: 'pending', payment: { status: 'attention', reason: 'underpaid' } },
    ],
  ])('pays %s', async (_name, amount, expected) => {
    const { order, auth } = await newUsdtOrder();
    await sendUsdt(await customerWithUsdt(), amount, `bz:${order.code}`);
    await flows.reconciled();
    const after = await detail(auth, order.id);
    expect(after.status).toBe(expected.status);
    expect(after.payments).toEqual([expect.objectContaining({ asset: 'USDT', amountNano: amount.toString(), ...expected.payment })]);
  });

  it('calls a real notification from another jetton master’s wallet forged: attention, and the order stays unpaid', async () => {
    const fake = await t.ton.dev.chain.jettons.deploy({ name: 'Tether USD', symbol: 'USDT', decimals: 6 });
    const wallet = await flows.customerWallet();
    await t.ton.dev.chain.jettons.mint(fake.master, wallet.address, 1000n * USDT);
    const { order, auth } = await newUsdtOrder();
    const sent = await sendUsdt(wallet, 1000n * USDT, `bz:${order.code}`, fake.master);
    const merchantTx = sent.transactions.find((tx) => tx.account === t.ton.dev.chain.merchant.address)!;
    await flows.reconciled();

    expect((await detail(auth, order.id)).status).toBe('pending');
    const forged = (await flows.attentionPayments()).find((p) => p.txHash === merchantTx.hash);
    expect(forged).toMatchObject({ reason: 'forged', orderId: null, comment: `bz:${order.code}`, amountNano: (1000n * USDT).toString(), asset: 'USDT' });
    expect(forged).toMatchObject({ payerAddress: await t.ton.dev.chain.jettons.walletAddress(fake.master, t.ton.dev.chain.merchant.address) });
  });

  it('calls a notification-shaped body sent by a plain wallet forged, whatever amount it names', async () => {
    const { order, auth } = await newUsdtOrder();
    const wallet = await flows.customerWallet();
    const body = beginCell()
      .storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32)
      .storeUint(1, 64)
      .storeCoins(MUG_MICRO_USDT)
      .storeAddress(Address.parse(wallet.address))
      .storeBit(1)
      .storeRef(commentForwardPayload(`bz:${order.code}`))
      .endCell();
    expect(parseJettonNotification(body).comment).toBe(`bz:${order.code}`);
    await t.ton.dev.chain.sendTransaction(wallet.id, {
      validUntil: Math.floor(Date.now() / 1000) + 60,
      messages: [{ address: t.deps.payments.merchant.friendly, amount: '10000000', payload: body.toBoc().toString('base64') }],
    });
    await flows.reconciled();
    expect((await detail(auth, order.id)).status).toBe('pending');
    const forged = (await flows.attentionPayments()).filter((p) => p.comment === `bz:${order.code}`);
    expect(forged).toEqual([expect.objectContaining({ reason: 'forged', payerAddress: wallet.address, asset: 'USDT' })]);
  });

  it('pays nothing when the shop is configured with the wrong master: the real USDT’s notification is then forged', async () => {
    const wrong = await t.ton.dev.chain.jettons.deploy({ name: 'Not the USDT', symbol: 'NOPE', decimals: 6 });
    // The same database and chain, read by a shop whose USDT_MASTER names another jetton.
    const wronglyConfigured = createPaymentRepo(t.db.handle.db, {
      usdt: createUsdtWallets({ chain: t.ton.chain, master: async () => wrong.masterFriendly, merchantAddress: t.ton.dev.chain.merchant.address }),
    });
    const { order, auth } = await newUsdtOrder();
    await sendUsdt(await customerWithUsdt(), MUG_MICRO_USDT, `bz:${order.code}`);
    const report = await reconcilePayments({
      chain: t.ton.chain,
      payments: wronglyConfigured,
      merchantAddress: t.ton.dev.chain.merchant.address,
      now: t.clock.now(),
    });
    expect(report).toMatchObject({ paid: 0, attention: 1 });
    expect((await detail(auth, order.id)).status).toBe('pending');
    expect((await flows.attentionPayments()).filter((p) => p.comment === `bz:${order.code}`)).toEqual([expect.objectContaining({ reason: 'forged' })]);
  });

  it('lets 99.5 % of the quote pay with a 1 % tolerance, recording no overpayment; 98.9 % stays underpaid', async () => {
    const tolerant = createPaymentRepo(t.db.handle.db, { toleranceBasisPoints: 100, usdt: t.deps.payments.usdt });
    const reconcileTolerant = () =>
      reconcilePayments({ chain: t.ton.chain, payments: tolerant, merchantAddress: t.ton.dev.chain.merchant.address, now: t.clock.now() });
    const within = await newUsdtOrder();
    const beyond = await newUsdtOrder();
    const wallet = await customerWithUsdt();
    await sendUsdt(wallet, (MUG_MICRO_USDT * 995n) / 1000n, `bz:${within.order.code}`);
    await sendUsdt(wallet, (MUG_MICRO_USDT * 989n) / 1000n, `bz:${beyond.order.code}`);
    expect(await reconcileTolerant()).toMatchObject({ paid: 1, attention: 1 });

    const paid = await detail(within.auth, within.order.id);
    expect(paid.status).toBe('paid');
    expect(paid.payments).toEqual([expect.objectContaining({ status: 'applied', asset: 'USDT', amountNano: '35820000', overpaymentNano: '0' })]);
    const short = await detail(beyond.auth, beyond.order.id);
    expect(short.status).toBe('pending');
    expect(short.payments).toEqual([expect.objectContaining({ status: 'attention', reason: 'underpaid' })]);
  });

  it('sets USDT with a comment naming no order aside as unknown_comment, and a second USDT payment of a paid order as already_paid', async () => {
    const { order, auth } = await newUsdtOrder();
    const wallet = await customerWithUsdt();
    await sendUsdt(wallet, USDT, 'bz:ZZZZ2345');
    await sendUsdt(wallet, MUG_MICRO_USDT, `bz:${order.code}`);
    await sendUsdt(wallet, MUG_MICRO_USDT, `bz:${order.code}`);
    expect(await flows.reconciled()).toMatchObject({ paid: 1, attention: 2 });
    const attention = await flows.attentionPayments();
    expect(attention.find((p) => p.comment === 'bz:ZZZZ2345')).toMatchObject({ reason: 'unknown_comment', asset: 'USDT', amountNano: USDT.toString() });
    const after = await detail(auth, order.id);
    expect(after.status).toBe('paid');
    expect(after.payments!.map((p) => [p.status, p.reason])).toEqual(
      expect.arrayContaining([
        ['applied', null],
        ['attention', 'already_paid'],
      ]),
    );
  });

  it('records each notification once however often the reconciler runs', async () => {
    const { order } = await newUsdtOrder();
    await sendUsdt(await customerWithUsdt(), MUG_MICRO_USDT, `bz:${order.code}`);
    await Promise.all([flows.reconcile(), flows.reconcile(), flows.reconcile()]);
    await flows.reconciled();
    expect(await flows.paymentRowsFor(order.id)).toEqual([expect.objectContaining({ asset: 'USDT', status: 'applied' })]);
  });
});

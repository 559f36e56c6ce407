// Payments benchmark against the real Node server over loopback HTTP (embedded PGlite, local dev chain):
//  1. chain → paid latency: a wallet pays straight to the dev chain (no confirm call, as a customer who
//     closes the app); time until GET /api/orders/:id says paid. The budget is the reconcile interval
//     plus indexer lag, so the figures are reported for the interval in use.
//  2. confirms/s: POST /api/orders/:id/payment for many already-broadcast payments, 8 at a time.
//  3. USDT chain → paid (#13): the shop takes TON and USDT; a dev wallet holding dev USDT asks
//     POST /api/orders/:id/payment-request for USDT and sends exactly that (a TEP-74 transfer through its
//     own jetton wallet); time from the send's return until the order reads paid (the reconciler reads the
//     merchant's transfer_notification from its own USDT jetton wallet).
// Run: npx tsx bench/payments.bench.ts   (BENCH_ORDERS=40 by default)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCrypto } from '../functions/adapters/crypto/node-crypto';
import { loadConfig } from '../functions/config';
import { signInitData } from '../functions/core/init-data/sign-init-data';
import { startNodeServer } from '../functions/platforms/node/start-server';

const BOT_TOKEN = '7000000009:AAbench-token-for-bazaar-payments-bench';
const ORDERS = Number(process.env.BENCH_ORDERS ?? 40);
const RECONCILE_INTERVAL_SECONDS = 2;

const dataDir = await mkdtemp(join(tmpdir(), 'bazaar-bench-'));
const quiet = { info: () => {}, warn: () => {}, error: (m: string, e?: unknown) => console.error(m, e) };
const server = await startNodeServer(
  loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    BOT_TOKEN,
    ACCEPTED_ASSETS: 'TON,USDT',
    RECONCILE_INTERVAL_SECONDS: String(RECONCILE_INTERVAL_SECONDS),
    ORDER_SWEEP_INTERVAL_SECONDS: '60',
  }),
  quiet,
);

try {
  // A spike is many customers, each placing an order or two: the shop limits one customer's open orders and
  // order rate (docs/api.md), so every order here is placed by a customer of its own.
  let nextCustomerId = 4242;
  const newCustomer = async () =>
    `tma ${await signInitData({
      fields: { user: JSON.stringify({ id: nextCustomerId++, first_name: 'Bench' }), auth_date: String(Math.floor(Date.now() / 1000)) },
      botToken: BOT_TOKEN,
      crypto: nodeCrypto,
    })}`;
  const firstCustomer = await newCustomer();
  const api = async (path: string, init: { method?: string; body?: unknown; auth?: string } = {}) => {
    const res = await fetch(server.url + path, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { authorization: init.auth ?? firstCustomer, 'content-type': 'application/json' },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const catalog = await api('/api/catalog');
  const giftCard = catalog.products.find((p: { slug: string }) => p.slug === 'gift-card-10');
  const wallet = await api('/dev/ton/wallets', { method: 'POST' });
  const newOrder = async () => {
    const auth = await newCustomer();
    return { ...(await api('/api/orders', { auth, body: { items: [{ productId: giftCard.id, quantity: 1 }] } })), auth };
  };
  const pay = (order: any) =>
    api(`/dev/ton/wallets/${wallet.id}/send-transaction`, {
      body: {
        validUntil: order.payment.validUntil,
        messages: [{ address: order.payment.address, amount: order.payment.amountNano, payload: order.payment.payload }],
      },
    });

  /** From now (the payment is on the chain) until the order reads paid. */
  const msUntilPaid = async (order: { id: string; auth: string }) => {
    const onChainAt = performance.now();
    for (;;) {
      const current = await api(`/api/orders/${order.id}`, { auth: order.auth });
      if (current.status === 'paid') return performance.now() - onChainAt;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  // 1. chain → paid, one payment at a time so each measures the whole path.
  const latencies: number[] = [];
  for (let i = 0; i < Math.min(ORDERS, 20); i++) {
    const order = await newOrder();
    // Customers do not pay in step with the reconciler's clock: arrive at a random point of its interval.
    await new Promise((r) => setTimeout(r, Math.random() * RECONCILE_INTERVAL_SECONDS * 1000));
    await pay(order); // returns once the transaction is on the dev chain
    latencies.push(await msUntilPaid(order));
  }
  console.log(`payments chain→paid (reconcile every ${RECONCILE_INTERVAL_SECONDS}s, ${latencies.length} payments): ${percentiles(latencies)}`);

  // 2. confirms/s: payments already on the chain, confirmed through the API 8 at a time.
  const prepared: { id: string; boc: string; auth: string }[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const order = await newOrder();
    prepared.push({ id: order.id, boc: (await pay(order)).boc, auth: order.auth });
  }
  const started = performance.now();
  let next = 0;
  let paid = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < prepared.length) {
        const { id, boc, auth } = prepared[next++]!;
        const result = await api(`/api/orders/${id}/payment`, { auth, body: { boc } });
        if (result.status === 'paid') paid++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `payments confirm: ${(prepared.length / seconds).toFixed(1)} confirms/s (${prepared.length} confirms, ${paid} answered paid, 8 concurrent, PGlite)`,
  );

  // 3. USDT chain → paid, one payment at a time, through the shop's own payment request.
  const usdtWallet = await api('/dev/ton/wallets', { method: 'POST' });
  await api('/dev/ton/faucet/usdt', { body: { address: usdtWallet.address, amountMicroUsdt: String(1_000_000_000_000) } });
  const usdtLatencies: number[] = [];
  for (let i = 0; i < Math.min(ORDERS, 20); i++) {
    const order = await newOrder();
    const { request } = await api(`/api/orders/${order.id}/payment-request`, { auth: order.auth, body: { asset: 'USDT', wallet: usdtWallet.address } });
    await new Promise((r) => setTimeout(r, Math.random() * RECONCILE_INTERVAL_SECONDS * 1000));
    await api(`/dev/ton/wallets/${usdtWallet.id}/send-transaction`, { body: { validUntil: request.validUntil, messages: request.messages } });
    usdtLatencies.push(await msUntilPaid(order));
  }
  console.log(`payments USDT chain→paid (reconcile every ${RECONCILE_INTERVAL_SECONDS}s, ${usdtLatencies.length} payments): ${percentiles(usdtLatencies)}`);
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return `p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

/**
 * USDT on the dev chain (informational): `npx tsx bench/usdt-devchain.bench.ts`.
 * For each of TRANSFERS payments: a dev wallet sends a TEP-74 transfer of dev USDT to the merchant (the
 * body built by the core, comment in a reference), then the toncenter reader polls the merchant account
 * through /dev/ton until the notification is there and the trust rule says it pays. The figure is the
 * time from the wallet's send to that verdict: what the local chain and its indexer add to a USDT checkout.
 */
import { Cell } from '@ton/core';
import { Hono } from 'hono';
import { createDevChain } from '../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../functions/adapters/ton/dev-chain/dev-chain-app';
import { createToncenterReader } from '../functions/adapters/ton/toncenter-reader';
import { judgeJettonNotification } from '../functions/core/payments/jetton-notification-trust';

const TRANSFERS = Number(process.env.TRANSFERS ?? 200);
const QUOTED_MICRO_USDT = 19_990_000n;

const chain = await createDevChain();
const app = new Hono().route('/dev/ton', createDevChainApp(chain));
const reader = createToncenterReader({
  baseUrl: 'http://bench.local/dev/ton',
  fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
});
const t0 = performance.now();
const usdt = await chain.jettons.usdt();
const deployMs = performance.now() - t0;
const merchant = chain.merchant.address;
const merchantJettonWallet = await reader.getJettonWalletAddress!(usdt.master, merchant);
if (!merchantJettonWallet) throw new Error('get_wallet_address gave no wallet');
const customer = await chain.createDevWallet();
await chain.jettons.mint(usdt.master, customer.address, QUOTED_MICRO_USDT * BigInt(TRANSFERS));

let cursor = (await reader.listAccountTransactions(merchant, 0n, 1000)).at(-1)?.lt ?? 0n;
const latenciesMs: number[] = [];
const started = performance.now();
for (let i = 0; i < TRANSFERS; i++) {
  const code = `BENCH${String(i % 1000).padStart(3, '0')}`.replace(/[01]/g, '2');
  const order = { id: `order-${i}`, comment: `bz:${code}`, quotedMicroUsdt: QUOTED_MICRO_USDT };
  const sentAt = performance.now();
  await chain.jettons.transfer(customer.id, { master: usdt.master, amount: QUOTED_MICRO_USDT, destination: merchant, comment: order.comment });
  for (let polls = 0; ; polls++) {
    if (polls > 100) throw new Error(`payment ${i} never became visible`);
    const txs = await reader.listAccountTransactions(merchant, cursor, 10);
    const paid = txs.find((tx) => {
      const body = tx.inMessage?.bodyBoc;
      if (!body) return false;
      const verdict = judgeJettonNotification({ tx, body: Cell.fromBase64(body), merchantAddress: merchant, merchantJettonWallet, order });
      return verdict.kind === 'pays';
    });
    if (txs.length > 0) cursor = txs.at(-1)!.lt;
    if (paid) break;
  }
  latenciesMs.push(performance.now() - sentAt);
}
const totalSeconds = (performance.now() - started) / 1000;

latenciesMs.sort((a, b) => a - b);
const percentile = (p: number) => latenciesMs[Math.min(latenciesMs.length - 1, Math.ceil((p / 100) * latenciesMs.length) - 1)]!;
console.log('dev USDT (TEP-74 minter and wallets in the sandbox, read through the toncenter reader)');
console.log(`  deploy the dev USDT minter                 ${deployMs.toFixed(0)} ms`);
console.log(`  transfer → notification judged paid  p50   ${percentile(50).toFixed(1)} ms`);
console.log(`                                       p95   ${percentile(95).toFixed(1)} ms`);
console.log(`                                       max   ${latenciesMs.at(-1)!.toFixed(1)} ms`);
console.log(
  `  payments/s                                 ${(TRANSFERS / totalSeconds).toFixed(1)}  (${TRANSFERS} payments, ${chain.transactions.size} transactions indexed)`,
);

/**
 * Dev chain throughput on this machine (informational): `npx tsx bench/ton-devchain.bench.ts`.
 * - transfers/s: a dev wallet V5R1 signs a commented transfer to the merchant, the sandbox runs both
 *   transactions, the dev chain indexes them (what a checkout payment costs the local chain);
 * - lookups/s: the toncenter reader finds a wallet transaction by its normalized BOC hash, in-process;
 * - the reconciler's page read: 100 merchant transactions through GET /api/v3/transactions.
 */
import { Hono } from 'hono';
import { createDevChain } from '../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../functions/adapters/ton/dev-chain/dev-chain-app';
import { createToncenterReader } from '../functions/adapters/ton/toncenter-reader';
import { buildCommentPayload } from '../functions/core/payments/comment-payload';
import { parseTransferBoc } from '../functions/core/payments/parse-transfer-boc';

const TRANSFERS = Number(process.env.TRANSFERS ?? 300);

const startedAt = performance.now();
const chain = await createDevChain();
const startMs = performance.now() - startedAt;
const app = new Hono().route('/dev/ton', createDevChainApp(chain));
const reader = createToncenterReader({
  baseUrl: 'http://bench.local/dev/ton',
  fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
});
const wallet = await chain.createDevWallet();
const validUntil = () => Math.floor(Date.now() / 1000) + 60;
const payload = buildCommentPayload('bz:ABCD2345');

const hashes: string[] = [];
const t0 = performance.now();
for (let i = 0; i < TRANSFERS; i++) {
  const { boc } = await chain.sendTransaction(wallet.id, {
    validUntil: validUntil(),
    messages: [{ address: chain.merchant.address, amount: '1000000', payload }],
  });
  hashes.push(parseTransferBoc(boc).hashNorm);
}
const transferSeconds = (performance.now() - t0) / 1000;

const t1 = performance.now();
for (const hash of hashes) {
  if (!(await reader.findTransactionByInMessageHash(hash))) throw new Error('a transfer was not found');
}
const lookupSeconds = (performance.now() - t1) / 1000;

const PAGES = 20;
const t2 = performance.now();
for (let i = 0; i < PAGES; i++) await reader.listAccountTransactions(chain.merchant.address, 0n, 100);
const pageMs = (performance.now() - t2) / PAGES;

const rssMb = process.memoryUsage().rss / 1024 / 1024;
console.log('dev chain (sandbox + own toncenter v3 index)');
console.log(`  start (chain, faucet, merchant deployed)   ${startMs.toFixed(0)} ms`);
console.log(
  `  transfers/s (sign + run + index)          ${(TRANSFERS / transferSeconds).toFixed(1)}  (${TRANSFERS} transfers, ${chain.transactions.size} transactions indexed)`,
);
console.log(`  lookups/s by normalized hash (reader)     ${(TRANSFERS / lookupSeconds).toFixed(0)}`);
console.log(`  page of 100 merchant transactions         ${pageMs.toFixed(1)} ms`);
console.log(`  resident memory                           ${rssMb.toFixed(0)} MB`);

import { createServer } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Address, toNano } from '@ton/core';
import { keyPairFromSeed } from '@ton/crypto';
import { WalletContractV5R1 } from '@ton/ton';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import type { FetchFn } from '../../../functions/adapters/ton/indexer-http';
import { createToncenterReader } from '../../../functions/adapters/ton/toncenter-reader';
import { ChainUnavailableError, type ChainReader } from '../../../functions/core/payments/chain-reader';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { DEV_TON_URL, inSeconds, startDevChain, type DevChainHarness } from './dev-chain-harness';

const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 2_000, requestTimeoutMs: 500 };

describe('toncenter reader against the dev chain', () => {
  let h: DevChainHarness;
  let reader: ChainReader;
  let wallet: DevWalletInfo;
  let merchant: string;
  let paid: ReturnType<typeof parseTransferBoc>;

  beforeAll(async () => {
    h = await startDevChain();
    reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch: h.fetch, retry: FAST_RETRY });
    merchant = h.chain.merchant.address;
    wallet = await h.chain.createDevWallet();
    const { boc } = await h.chain.sendTransaction(wallet.id, {
      validUntil: inSeconds(60),
      messages: [{ address: h.chain.merchant.addressFriendly, amount: '2500000000', payload: buildCommentPayload('bz:ABCD2345') }],
    });
    paid = parseTransferBoc(boc);
  });

  it('finds the wallet transaction by the raw hash of the BOC', async () => {
    const tx = await reader.findTransactionByInMessageHash(paid.hashRaw);
    expect(tx).toMatchObject({
      account: wallet.address,
      phases: { aborted: false, compute: { kind: 'vm', success: true }, bounce: null },
      finalized: true,
      inMessage: { hash: paid.hashRaw, hashNorm: paid.hashNorm, source: null },
    });
    expect(tx!.outMessages).toEqual([
      expect.objectContaining({ source: wallet.address, destination: merchant, valueNano: 2_500_000_000n, comment: 'bz:ABCD2345', bounced: false }),
    ]);
  });

  it('finds the same transaction by the TEP-467 normalized hash', async () => {
    const byNorm = await reader.findTransactionByInMessageHash(paid.hashNorm);
    const byRaw = await reader.findTransactionByInMessageHash(paid.hashRaw);
    expect(byNorm).toEqual(byRaw);
  });

  it('finds the merchant transaction from the wallet’s out-message, with what a payment decision needs', async () => {
    const walletTx = await reader.findTransactionByInMessageHash(paid.hashRaw);
    const merchantTx = await reader.findTransactionByInMessageHash(walletTx!.outMessages[0]!.hash);
    expect(merchantTx).toMatchObject({
      account: merchant,
      phases: { aborted: false, bounce: null },
      finalized: true,
      inMessage: { source: wallet.address, destination: merchant, valueNano: 2_500_000_000n, comment: 'bz:ABCD2345', bounced: false },
    });
    expect(merchantTx!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(merchantTx!.lt).toBeGreaterThan(walletTx!.lt);
    expect(merchantTx!.now).toBeGreaterThan(1_700_000_000);
  });

  it('answers null for a hash the chain has not seen', async () => {
    expect(await reader.findTransactionByInMessageHash('ab'.repeat(32))).toBeNull();
  });

  it('lists the merchant account after a cursor, oldest first, at most `limit`, and pages to the end', async () => {
    for (let i = 1; i <= 4; i++) {
      await h.chain.sendTransaction(wallet.id, {
        validUntil: inSeconds(60),
        messages: [{ address: merchant, amount: String(i), payload: buildCommentPayload(`n${i}`) }],
      });
    }
    const seen: bigint[] = [];
    let cursor = 0n;
    for (;;) {
      const page = await reader.listAccountTransactions(Address.parse(merchant).toString(), cursor, 2);
      expect(page.length).toBeLessThanOrEqual(2);
      if (page.length === 0) break;
      seen.push(...page.map((tx) => tx.lt));
      cursor = page.at(-1)!.lt;
    }
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(seen).size).toBe(seen.length);
    // Deploy, the first payment, four more.
    expect(seen).toHaveLength(6);
    // Each transaction names the one before it: the reconciler checks the history has no hole.
    const all = await reader.listAccountTransactions(merchant, 0n, 10);
    expect(all[0]!.prevLt).toBe(0n);
    for (let i = 1; i < all.length; i++) expect([all[i]!.prevLt, all[i]!.prevHash]).toEqual([all[i - 1]!.lt, all[i - 1]!.hash]);
    const last = await reader.listAccountTransactions(merchant, seen[4]!, 10);
    expect(last.map((tx) => [tx.lt, tx.inMessage?.comment])).toEqual([[seen[5], 'n4']]);
  });

  it('reports a bounceable transfer to an undeployed account as sent back by its bounce phase, and its bounce as bounced', async () => {
    const fresh = WalletContractV5R1.create({ workchain: 0, publicKey: keyPairFromSeed(Buffer.alloc(32, 5)).publicKey }).address;
    await h.chain.faucet(fresh.toRawString(), toNano('1'));
    const { boc } = await h.chain.sendTransaction(wallet.id, {
      validUntil: inSeconds(60),
      messages: [{ address: fresh.toString({ bounceable: true }), amount: toNano('0.5').toString() }],
    });
    const walletTx = await reader.findTransactionByInMessageHash(parseTransferBoc(boc).hashRaw);
    const freshTx = await reader.findTransactionByInMessageHash(walletTx!.outMessages[0]!.hash);
    expect(freshTx).toMatchObject({
      account: fresh.toRawString(),
      phases: { aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: 'ok' },
      inMessage: { bounced: false },
    });
    const bounceBack = await reader.findTransactionByInMessageHash(freshTx!.outMessages[0]!.hash);
    expect(bounceBack).toMatchObject({ account: wallet.address, inMessage: { bounced: true, source: fresh.toRawString() } });
  });

  it('reads a non-bounceable transfer to an undeployed account as aborted, compute skipped for no_state, with no bounce', async () => {
    const fresh = WalletContractV5R1.create({ workchain: 0, publicKey: keyPairFromSeed(Buffer.alloc(32, 6)).publicKey }).address;
    const { boc } = await h.chain.sendTransaction(wallet.id, {
      validUntil: inSeconds(60),
      messages: [{ address: fresh.toString({ bounceable: false }), amount: toNano('0.5').toString() }],
    });
    const walletTx = await reader.findTransactionByInMessageHash(parseTransferBoc(boc).hashRaw);
    const freshTx = await reader.findTransactionByInMessageHash(walletTx!.outMessages[0]!.hash);
    expect(freshTx?.phases).toEqual({ aborted: true, compute: { kind: 'skipped', reason: 'no_state' }, bounce: null });
    expect(await reader.getAccountStatus(fresh.toRawString())).toBe('uninit');
  });

  it('reads account states: active, uninit, and nonexist for an address nothing reached', async () => {
    expect(await reader.getAccountStatus(merchant)).toBe('active');
    const never = WalletContractV5R1.create({ workchain: 0, publicKey: keyPairFromSeed(Buffer.alloc(32, 7)).publicKey }).address;
    expect(await reader.getAccountStatus(never.toString())).toBe('nonexist');
  });

  it('sends the API key as X-Api-Key', async () => {
    const headers: Array<string | null> = [];
    const spying: FetchFn = (input, init) => {
      headers.push(new Headers(init?.headers).get('x-api-key'));
      return h.fetch(input, init);
    };
    await createToncenterReader({ baseUrl: DEV_TON_URL, apiKey: 'k-123', fetch: spying }).listAccountTransactions(merchant, 0n, 1);
    await createToncenterReader({ baseUrl: DEV_TON_URL, fetch: spying }).listAccountTransactions(merchant, 0n, 1);
    expect(headers).toEqual(['k-123', null]);
  });
});

describe('toncenter reader when the indexer fails', () => {
  let h: DevChainHarness;

  beforeAll(async () => {
    h = await startDevChain();
  });

  /** A fetch that answers with `failures` first (a status, or 'network' for a refused connection). */
  function flaky(failures: Array<number | 'network' | 'hang'>): { fetch: FetchFn; calls: () => number } {
    let calls = 0;
    return {
      calls: () => calls,
      fetch: (input, init) => {
        const failure = failures[calls++];
        if (failure === undefined) return h.fetch(input, init);
        if (failure === 'network') return Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
        if (failure === 'hang') {
          return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
        }
        return Promise.resolve(Response.json({ error: 'upstream trouble' }, { status: failure }));
      },
    };
  }

  it('retries 5xx, 429, refused connections and timeouts, then answers', async () => {
    const { fetch, calls } = flaky([503, 'network', 'hang']);
    const reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch, retry: { ...FAST_RETRY, requestTimeoutMs: 50 } });
    expect(await reader.listAccountTransactions(h.chain.merchant.address, 0n, 5)).toHaveLength(1);
    expect(calls()).toBe(4);
  });

  it('gives up with ChainUnavailableError after its attempts', async () => {
    const { fetch, calls } = flaky([502, 502, 502, 502, 502]);
    const reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch, retry: FAST_RETRY });
    const failure = reader.findTransactionByInMessageHash('ab'.repeat(32));
    await expect(failure).rejects.toThrow(ChainUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE', message: expect.stringContaining('HTTP 502: upstream trouble') });
    expect(calls()).toBe(FAST_RETRY.attempts);
  });

  it('gives up when the total deadline passes, whatever attempts are left', async () => {
    const { fetch } = flaky(Array.from({ length: 100 }, () => 'hang' as const));
    const reader = createToncenterReader({
      baseUrl: DEV_TON_URL,
      fetch,
      retry: { attempts: 100, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 300, requestTimeoutMs: 100 },
    });
    const started = Date.now();
    await expect(reader.listAccountTransactions(h.chain.merchant.address, 0n, 5)).rejects.toThrow(ChainUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not retry an answer that will not change (a refused key)', async () => {
    const { fetch, calls } = flaky([401]);
    const reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch, retry: FAST_RETRY });
    await expect(reader.listAccountTransactions(h.chain.merchant.address, 0n, 5)).rejects.toThrow(/HTTP 401/);
    expect(calls()).toBe(1);
  });

  it('reads an answer in an unexpected shape, or a 404 page that is not the indexer’s, as unavailable', async () => {
    const odd: FetchFn = () => Promise.resolve(Response.json({ transactions: [{ hash: 1 }] }));
    await expect(
      createToncenterReader({ baseUrl: DEV_TON_URL, fetch: odd, retry: FAST_RETRY }).listAccountTransactions(h.chain.merchant.address, 0n, 1),
    ).rejects.toThrow(ChainUnavailableError);
    const proxy404: FetchFn = () => Promise.resolve(new Response('<html>Not Found</html>', { status: 404 }));
    await expect(
      createToncenterReader({ baseUrl: DEV_TON_URL, fetch: proxy404, retry: FAST_RETRY }).findTransactionByInMessageHash('ab'.repeat(32)),
    ).rejects.toThrow(ChainUnavailableError);
  });
});

describe('toncenter reader over real HTTP, indexer down then back up', () => {
  let h: DevChainHarness;
  let server: ServerType | undefined;
  let port: number;

  const start = () =>
    new Promise<void>((resolve) => {
      server = serve({ fetch: h.app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
    });
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

  beforeAll(async () => {
    h = await startDevChain();
    port = await freePort();
    await start();
  });
  afterAll(stop);

  it('throws ChainUnavailableError while the indexer is down, and reads again once it is back', async () => {
    const reader = createToncenterReader({ baseUrl: `http://127.0.0.1:${port}/dev/ton`, retry: FAST_RETRY });
    const merchant = h.chain.merchant.address;
    expect(await reader.listAccountTransactions(merchant, 0n, 10)).toHaveLength(1);

    await stop();
    await expect(reader.listAccountTransactions(merchant, 0n, 10)).rejects.toThrow(ChainUnavailableError);

    await start();
    expect(await reader.listAccountTransactions(merchant, 0n, 10)).toHaveLength(1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

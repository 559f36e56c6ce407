import { toNano } from '@ton/core';
import { keyPairFromSeed, type KeyPair } from '@ton/crypto';
import { WalletContractV4 } from '@ton/ton';
import { beforeAll, describe, expect, it } from 'vitest';
import { createToncenterReader } from '../../../functions/adapters/ton/toncenter-reader';
import type { ChainReader } from '../../../functions/core/payments/chain-reader';
import { DEV_TON_URL, startDevChain, type DevChainHarness } from '../ton/dev-chain-harness';

const FAST_RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, deadlineMs: 1_000, requestTimeoutMs: 500 };

/** A key whose first byte is zero: TVM drops leading zeros, so get_public_key returns a shorter number. */
function keyWithLeadingZero(): KeyPair {
  for (let n = 0; ; n++) {
    const seed = Buffer.alloc(32);
    seed.writeUInt32BE(n);
    const keys = keyPairFromSeed(seed);
    if (keys.publicKey[0] === 0) return keys;
  }
}

describe("a wallet's public key from the chain (get_public_key over toncenter's runGetMethod)", () => {
  let h: DevChainHarness;
  let reader: ChainReader;

  beforeAll(async () => {
    h = await startDevChain();
    reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch: h.fetch, retry: FAST_RETRY });
  });

  it('answers runGetMethod in the toncenter v3 format', async () => {
    const wallet = await h.chain.createDevWallet();
    const res = await h.post<{ gas_used: number; exit_code: number; stack: { type: string; value: string }[] }>('/api/v3/runGetMethod', {
      address: wallet.addressFriendly,
      method: 'get_public_key',
      stack: [],
    });
    expect(res.status).toBe(200);
    expect(res.body.exit_code).toBe(0);
    expect(res.body.gas_used).toBeGreaterThan(0);
    expect(res.body.stack).toEqual([{ type: 'num', value: `0x${BigInt(`0x${wallet.publicKey}`).toString(16)}` }]);
  });

  it('reads a deployed wallet’s key', async () => {
    const wallet = await h.chain.createDevWallet();
    const key = await reader.getWalletPublicKey!(wallet.address);
    expect(Buffer.from(key!).toString('hex')).toBe(wallet.publicKey);
  });

  it('pads a key that starts with a zero byte back to 32 bytes', async () => {
    const keys = keyWithLeadingZero();
    const v4 = WalletContractV4.create({ workchain: 0, publicKey: keys.publicKey });
    await h.chain.faucet(v4.address.toRawString(), toNano('1'), v4.init);
    const key = await reader.getWalletPublicKey!(v4.address.toString());
    expect(key).toHaveLength(32);
    expect(Buffer.from(key!).equals(keys.publicKey)).toBe(true);
  });

  it('answers null for an address with no contract (exit code -256, as liteservers report it)', async () => {
    const v4 = WalletContractV4.create({ workchain: 0, publicKey: keyPairFromSeed(Buffer.alloc(32, 3)).publicKey });
    const res = await h.post<{ exit_code: number }>('/api/v3/runGetMethod', { address: v4.address.toRawString(), method: 'get_public_key', stack: [] });
    expect(res.body.exit_code).toBe(-256);
    expect(await reader.getWalletPublicKey!(v4.address.toRawString())).toBeNull();
  });

  it('answers null for a contract without that get-method', async () => {
    const wallet = await h.chain.createDevWallet();
    const res = await h.post<{ exit_code: number }>('/api/v3/runGetMethod', { address: wallet.address, method: 'no_such_method', stack: [] });
    expect(res.body.exit_code).not.toBe(0);
    // The faucet that funded every wallet is a treasury contract, not a wallet with get_public_key.
    const funding = await h.get<{ transactions: { in_msg: { source: string } | null }[] }>(
      `/api/v3/transactions?account=${encodeURIComponent(wallet.address)}&limit=1&sort=asc`,
    );
    const faucet = funding.body.transactions[0]!.in_msg!.source;
    expect(await reader.getWalletPublicKey!(faucet)).toBeNull();
  });

  it('reports an indexer that keeps failing as CHAIN_UNAVAILABLE, never as "no key"', async () => {
    const down = createToncenterReader({
      baseUrl: DEV_TON_URL,
      fetch: async () => Response.json({ error: 'service unavailable' }, { status: 503 }),
      retry: FAST_RETRY,
    });
    const wallet = await h.chain.createDevWallet();
    await expect(down.getWalletPublicKey!(wallet.address)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
  });
});

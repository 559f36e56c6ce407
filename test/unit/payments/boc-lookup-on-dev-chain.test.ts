import { Address, toNano } from '@ton/core';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDevChain, type DevChain } from '../../../functions/adapters/ton/dev-chain/dev-chain';
import { createDevChainApp } from '../../../functions/adapters/ton/dev-chain/dev-chain-app';
import { parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { commentTransfer, sandboxWallet, seededKeyPair, type SandboxWalletVersion } from './sandbox-wallets';

// A wallet the shop did not write (keys outside the dev chain) pays straight through toncenter's
// POST /api/v3/message; the hashes parseTransferBoc computes must find its transaction.
let chain: DevChain;
let app: Hono;

beforeAll(async () => {
  chain = await createDevChain();
  app = new Hono().route('/dev/ton', createDevChainApp(chain));
});

describe.each<SandboxWalletVersion>(['v5r1', 'v4r2', 'v3r2'])('the %s BOC hashes find the transaction on the dev chain', (version) => {
  it('by raw and by normalized hash, through transactionsByMessage', async () => {
    const wallet = sandboxWallet(version, seededKeyPair(40 + version.length));
    await chain.faucet(wallet.address.toString(), toNano('5'));
    const boc = wallet
      .signTransfer({ seqno: 0, withInit: true, messages: [commentTransfer(Address.parse(chain.merchant.address), toNano('1'), 'bz:ABCD2345')] })
      .toBoc()
      .toString('base64');
    const parsed = parseTransferBoc(boc);

    const sent = await app.request('/dev/ton/api/v3/message', { method: 'POST', body: JSON.stringify({ boc }) });
    expect(sent.status).toBe(200);
    for (const hash of [parsed.hashRaw, parsed.hashNorm]) {
      const res = await app.request(`/dev/ton/api/v3/transactionsByMessage?msg_hash=${hash}&direction=in`);
      const body = (await res.json()) as { transactions: Array<{ account: string; in_msg: { hash: string } }> };
      expect(body.transactions).toHaveLength(1);
      expect(body.transactions[0]!.account.toLowerCase()).toBe(parsed.walletAddress);
      expect(Buffer.from(body.transactions[0]!.in_msg.hash, 'base64').toString('hex')).toBe(parsed.hashRaw);
    }
  });
});

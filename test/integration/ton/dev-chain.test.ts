import { Address, toNano } from '@ton/core';
import { keyPairFromSeed } from '@ton/crypto';
import { WalletContractV5R1 } from '@ton/ton';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { hexToBase64, inSeconds, startDevChain, type DevChainHarness, type ToncenterPage } from './dev-chain-harness';

const MERCHANT_SEED = '11'.repeat(32);
const upper = (raw: string) => raw.replace(/:(.*)$/, (_, hex: string) => `:${hex.toUpperCase()}`);

describe('dev chain served in the toncenter v3 format', () => {
  let h: DevChainHarness;
  let wallet: DevWalletInfo;
  let paid: { boc: string; hashRaw: string; hashNorm: string };

  beforeAll(async () => {
    h = await startDevChain({ merchantSeedHex: MERCHANT_SEED });
    wallet = (await h.post<DevWalletInfo>('/wallets')).body;
    const sent = await h.post<{ boc: string }>(`/wallets/${wallet.id}/send-transaction`, {
      validUntil: inSeconds(60),
      messages: [{ address: h.chain.merchant.addressFriendly, amount: '1500000000', payload: buildCommentPayload('bz:ABCD2345') }],
    });
    expect(sent.status).toBe(200);
    paid = { boc: sent.body.boc, ...parseTransferBoc(sent.body.boc) };
  });

  it('starts with the merchant wallet V5R1 of the given seed, deployed and funded', async () => {
    const expected = WalletContractV5R1.create({ workchain: 0, publicKey: keyPairFromSeed(Buffer.from(MERCHANT_SEED, 'hex')).publicKey });
    expect(h.chain.merchant.address).toBe(expected.address.toRawString());
    const { body } = await h.get<ToncenterPage>(`/api/v3/transactions?account=${h.chain.merchant.address}&sort=asc&limit=1`);
    expect(body.transactions[0]).toMatchObject({ orig_status: 'uninit', end_status: 'active', account: upper(h.chain.merchant.address) });
  });

  it('finds the wallet transaction by the BOC hash given as hex, base64 or base64url', async () => {
    for (const hash of [paid.hashRaw, hexToBase64(paid.hashRaw), Buffer.from(paid.hashRaw, 'hex').toString('base64url')]) {
      const { status, body } = await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${encodeURIComponent(hash)}&direction=in`);
      expect(status).toBe(200);
      expect(body.transactions).toHaveLength(1);
      expect(body.transactions[0]!.account).toBe(upper(wallet.address));
      expect(body.transactions[0]!.in_msg).toMatchObject({ hash: hexToBase64(paid.hashRaw), hash_norm: hexToBase64(paid.hashNorm), source: null });
    }
  });

  it('finds the same transaction by the TEP-467 normalized hash', async () => {
    const byRaw = await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${paid.hashRaw}&direction=in`);
    const byNorm = await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${paid.hashNorm}&direction=in`);
    expect(byNorm.body.transactions.map((t) => t.hash)).toEqual(byRaw.body.transactions.map((t) => t.hash));
  });

  it('reports the merchant transaction in the toncenter format: comment, value, payer, flags, finality', async () => {
    const walletTx = (await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${paid.hashRaw}&direction=in`)).body.transactions[0]!;
    const out = walletTx.out_msgs[0]!;
    const { body } = await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${encodeURIComponent(out.hash)}&direction=in`);
    const merchantTx = body.transactions[0]!;
    expect(merchantTx).toMatchObject({
      account: upper(h.chain.merchant.address),
      finality: 'finalized',
      mc_block_seqno: walletTx.mc_block_seqno,
      orig_status: 'active',
      end_status: 'active',
      description: { type: 'ord', aborted: false, compute_ph: { skipped: false, success: true } },
      in_msg: {
        source: upper(wallet.address),
        destination: upper(h.chain.merchant.address),
        value: '1500000000',
        bounced: false,
        bounce: false,
        opcode: '0x00000000',
        message_content: { decoded: { type: 'text_comment', comment: 'bz:ABCD2345' } },
      },
    });
    expect(merchantTx.lt).toMatch(/^\d+$/);
    expect(BigInt(merchantTx.lt)).toBeGreaterThan(BigInt(walletTx.lt));
    expect(body.address_book[upper(wallet.address)]?.user_friendly).toBe(wallet.addressFriendly);
  });

  it('pages an account from a cursor, oldest first, with limit and offset; newest first by default', async () => {
    for (let i = 0; i < 3; i++) {
      await h.chain.sendTransaction(wallet.id, { validUntil: inSeconds(60), messages: [{ address: h.chain.merchant.address, amount: String(1000 + i) }] });
    }
    const account = h.chain.merchant.address;
    const all = (await h.get<ToncenterPage>(`/api/v3/transactions?account=${account}&sort=asc&limit=100`)).body.transactions;
    expect(all.length).toBe(5);
    const lts = all.map((t) => BigInt(t.lt));
    expect([...lts].sort((a, b) => (a < b ? -1 : 1))).toEqual(lts);

    const fromCursor = await h.get<ToncenterPage>(`/api/v3/transactions?account=${account}&start_lt=${lts[1]! + 1n}&sort=asc&limit=2`);
    expect(fromCursor.body.transactions.map((t) => t.lt)).toEqual([all[2]!.lt, all[3]!.lt]);
    const offset = await h.get<ToncenterPage>(`/api/v3/transactions?account=${account}&sort=asc&limit=2&offset=3`);
    expect(offset.body.transactions.map((t) => t.lt)).toEqual([all[3]!.lt, all[4]!.lt]);
    const newest = await h.get<ToncenterPage>(`/api/v3/transactions?account=${Address.parse(account).toString()}&limit=1`);
    expect(newest.body.transactions.map((t) => t.lt)).toEqual([all[4]!.lt]);
  });

  it('accepts any signed BOC at POST /api/v3/message, answers its hashes, and refuses it a second time', async () => {
    const boc = await h.chain.signTransfer(wallet.id, { validUntil: inSeconds(60), messages: [{ address: h.chain.merchant.address, amount: '7' }] });
    const parsed = parseTransferBoc(boc);
    expect((await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${parsed.hashRaw}`)).body.transactions).toEqual([]);

    const first = await h.post<{ message_hash: string; message_hash_norm: string }>('/api/v3/message', { boc });
    expect(first).toEqual({ status: 200, body: { message_hash: hexToBase64(parsed.hashRaw), message_hash_norm: hexToBase64(parsed.hashNorm) } });
    expect((await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${parsed.hashRaw}`)).body.transactions).toHaveLength(1);

    const again = await h.post<{ error: string }>('/api/v3/message', { boc });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatch(/exit code 133/);
  });

  it('answers like toncenter to bad requests', async () => {
    expect(await h.get('/api/v3/transactionsByMessage?direction=in')).toMatchObject({ status: 422, body: { error: expect.any(String) } });
    expect(await h.get('/api/v3/transactionsByMessage?msg_hash=nothex')).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    expect(await h.get('/api/v3/transactions?account=not-an-address')).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    expect(await h.get('/api/v3/transactions?limit=0')).toMatchObject({ status: 400 });
    expect(await h.post('/api/v3/message', { boc: 'bm90IGEgYm9j' })).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    expect(await h.post('/api/v3/message', {})).toMatchObject({ status: 400 });
  });

  it('funds a fresh address from the faucet, and bounces a bounceable transfer to that undeployed address', async () => {
    const fresh = WalletContractV5R1.create({ workchain: 0, publicKey: keyPairFromSeed(Buffer.alloc(32, 77)).publicKey }).address;
    const funded = await h.post<{ address: string; amountNano: string; transactionHash: string }>('/faucet', {
      address: fresh.toString(),
      amountNano: '2000000000',
    });
    expect(funded.status).toBe(200);
    expect(funded.body).toMatchObject({ address: fresh.toRawString(), amountNano: '2000000000' });
    const freshTxs = (await h.get<ToncenterPage>(`/api/v3/transactions?account=${fresh.toRawString()}&sort=asc`)).body.transactions;
    expect(freshTxs).toHaveLength(1);
    expect(freshTxs[0]).toMatchObject({ orig_status: 'uninit', end_status: 'uninit', in_msg: { value: '2000000000', bounced: false } });

    const bounceable = fresh.toString({ bounceable: true, testOnly: true });
    const { boc } = await h.chain.sendTransaction(wallet.id, {
      validUntil: inSeconds(60),
      messages: [{ address: bounceable, amount: toNano('1').toString() }],
    });
    const walletTx = (await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${parseTransferBoc(boc).hashRaw}`)).body.transactions[0]!;
    const toFresh = (await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${encodeURIComponent(walletTx.out_msgs[0]!.hash)}&direction=in`)).body
      .transactions[0]!;
    expect(toFresh.description).toMatchObject({ aborted: true, compute_ph: { skipped: true, reason: 'no_state' } });
    const bounce = toFresh.out_msgs[0]!;
    expect(bounce).toMatchObject({ bounced: true, destination: upper(wallet.address) });
    const back = (await h.get<ToncenterPage>(`/api/v3/transactionsByMessage?msg_hash=${encodeURIComponent(bounce.hash)}&direction=in`)).body.transactions[0]!;
    expect(back).toMatchObject({ account: upper(wallet.address), in_msg: { bounced: true } });
  });

  it('refuses faucet requests it cannot carry out, in the shop’s error format', async () => {
    expect(await h.post('/faucet', { address: 'nope', amountNano: '1' })).toMatchObject({ status: 400, body: { error: { code: 'DEV_TRANSFER_INVALID' } } });
    expect(await h.post('/faucet', { address: h.chain.merchant.address, amountNano: toNano('2000000').toString() })).toMatchObject({
      status: 400,
      body: { error: { code: 'DEV_TRANSFER_INVALID' } },
    });
    expect(await h.post('/faucet', { address: h.chain.merchant.address })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });
});

describe('dev wallets for a browser-side TON Connect bridge', () => {
  let h: DevChainHarness;

  beforeAll(async () => {
    h = await startDevChain();
  });

  it('creates a funded, deployed wallet V5R1 and describes it as TON Connect does', async () => {
    const { status, body } = await h.post<DevWalletInfo>('/wallets');
    expect(status).toBe(201);
    expect(body.address).toMatch(/^0:[0-9a-f]{64}$/);
    expect(Address.parse(body.addressFriendly).toRawString()).toBe(body.address);
    const contract = WalletContractV5R1.create({ workchain: 0, publicKey: Buffer.from(body.publicKey, 'hex') });
    expect(contract.address.toRawString()).toBe(body.address);
    const txs = (await h.get<ToncenterPage>(`/api/v3/transactions?account=${body.address}`)).body.transactions;
    expect(txs[0]).toMatchObject({ end_status: 'active', in_msg: { value: toNano('1000').toString() } });
    expect((await h.get<DevWalletInfo>(`/wallets/${body.id}`)).body).toEqual(body);
  });

  it('sends two transfers asked for at once from one wallet, each with its own seqno', async () => {
    const { body: wallet } = await h.post<DevWalletInfo>('/wallets');
    const request = (amount: string) => ({ validUntil: inSeconds(60), messages: [{ address: h.chain.merchant.address, amount }] });
    const [a, b] = await Promise.all([
      h.post<{ boc: string }>(`/wallets/${wallet.id}/send-transaction`, request('11')),
      h.post<{ boc: string }>(`/wallets/${wallet.id}/send-transaction`, request('12')),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([parseTransferBoc(a.body.boc).seqno, parseTransferBoc(b.body.boc).seqno].sort()).toEqual([0, 1]);
  });

  it('refuses unknown wallets, expired requests and malformed messages', async () => {
    const { body: wallet } = await h.post<DevWalletInfo>('/wallets');
    const send = (id: string, body: unknown) => h.post(`/wallets/${id}/send-transaction`, body);
    const ok = { validUntil: inSeconds(60), messages: [{ address: h.chain.merchant.address, amount: '1' }] };
    expect(await send('no-such-wallet', ok)).toMatchObject({ status: 404, body: { error: { code: 'DEV_WALLET_NOT_FOUND' } } });
    expect(await h.get('/wallets/no-such-wallet')).toMatchObject({ status: 404 });
    expect(await send(wallet.id, { ...ok, validUntil: inSeconds(-1) })).toMatchObject({ status: 400, body: { error: { code: 'DEV_TRANSFER_INVALID' } } });
    expect(await send(wallet.id, { ...ok, messages: [{ address: 'nowhere', amount: '1' }] })).toMatchObject({
      status: 400,
      body: { error: { code: 'DEV_TRANSFER_INVALID' } },
    });
    expect(await send(wallet.id, { ...ok, messages: [{ address: h.chain.merchant.address, amount: '-1' }] })).toMatchObject({ status: 400 });
    expect(await send(wallet.id, { ...ok, messages: [{ address: h.chain.merchant.address, amount: '1', payload: '%%%' }] })).toMatchObject({ status: 400 });
    expect(await send(wallet.id, { validUntil: inSeconds(60), messages: [] })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });

  it('signs without sending: nothing lands until the BOC is posted', async () => {
    const { body: wallet } = await h.post<DevWalletInfo>('/wallets');
    const boc = await h.chain.signTransfer(wallet.id, { validUntil: inSeconds(60), messages: [{ address: h.chain.merchant.address, amount: '5' }] });
    const { hashRaw } = parseTransferBoc(boc);
    expect(h.chain.transactions.byMessageHash(hashRaw)).toEqual([]);
    await h.chain.sendExternal(boc);
    expect(h.chain.transactions.byMessageHash(hashRaw)).toHaveLength(1);
  });
});

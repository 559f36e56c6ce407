import { Address, beginCell, Cell, Dictionary } from '@ton/core';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevJetton } from '../../../functions/adapters/ton/dev-chain/dev-jettons';
import type { DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import { createToncenterReader } from '../../../functions/adapters/ton/toncenter-reader';
import type { FetchFn } from '../../../functions/adapters/ton/indexer-http';
import { ChainUnavailableError, type ChainReader, type ChainTransaction } from '../../../functions/core/payments/chain-reader';
import { commentForwardPayload } from '../../../functions/core/payments/jetton-forward-payload';
import { buildJettonPaymentBody, JETTON_PAYMENT_ATTACHED_NANO } from '../../../functions/core/payments/jetton-payment-transfer';
import { JETTON_TRANSFER_NOTIFICATION_OP, parseJettonNotification } from '../../../functions/core/payments/jetton-notification';
import { judgeJettonNotification, type JettonCandidateOrder } from '../../../functions/core/payments/jetton-notification-trust';
import { DEV_TON_URL, inSeconds, startDevChain, type DevChainHarness, type ToncenterPage } from './dev-chain-harness';

const USDT = 1_000_000n; // micro-USDT in one USDT
const QUOTED = 19_990_000n;
const ORDER: JettonCandidateOrder = { id: 'order-1', comment: 'bz:ABCD2345', quotedMicroUsdt: QUOTED };
const upper = (raw: string) => raw.replace(/:(.*)$/, (_, hex: string) => `:${hex.toUpperCase()}`);

describe('dev USDT on the dev chain: a real TEP-74 minter and wallets', () => {
  let h: DevChainHarness;
  let reader: ChainReader;
  let usdt: DevJetton;
  let customer: DevWalletInfo;
  let merchantUsdtWallet: string;

  beforeAll(async () => {
    h = await startDevChain();
    reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch: h.fetch });
    usdt = await h.chain.jettons.usdt();
    customer = await h.chain.createDevWallet();
    await h.chain.jettons.mint(usdt.master, customer.address, 100n * USDT);
    // As the shop will: the merchant's USDT wallet from the master's get_wallet_address, through the indexer.
    merchantUsdtWallet = (await reader.getJettonWalletAddress!(usdt.masterFriendly, h.chain.merchant.addressFriendly))!;
  });

  /** The merchant's transaction a dev wallet's jetton transfer caused, and its in-message body, as the toncenter reader reads them. */
  async function merchantNotification(transactions: Array<{ hash: string; account: string }>): Promise<{ tx: ChainTransaction; body: Cell }> {
    const onMerchant = transactions.filter((t) => t.account === h.chain.merchant.address);
    expect(onMerchant).toHaveLength(1);
    const listed = await reader.listAccountTransactions(h.chain.merchant.address, 0n, 1000);
    const tx = listed.find((t) => t.hash === onMerchant[0]!.hash);
    expect(tx?.inMessage?.bodyBoc).toBeDefined();
    return { tx: tx!, body: Cell.fromBase64(tx!.inMessage!.bodyBoc!) };
  }

  const judge = (tx: ChainTransaction, body: Cell) =>
    judgeJettonNotification({ tx, body, merchantAddress: h.chain.merchant.addressFriendly, merchantJettonWallet: merchantUsdtWallet, order: ORDER });

  it('says it is USDT with 6 decimals in its TEP-64 on-chain content, and counts what it minted', async () => {
    const data = await h.chain.runGetMethod(usdt.master, 'get_jetton_data');
    expect(data.exitCode).toBe(0);
    const [totalSupply, , , content] = data.stack;
    expect(totalSupply).toEqual({ type: 'int', value: 100n * USDT });
    expect(content?.type).toBe('cell');
    const slice = (content as { cell: Cell }).cell.beginParse();
    expect(slice.loadUint(8)).toBe(0); // onchain#00
    const fields = slice.loadDict(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell());
    const field = (key: string) => {
      const value = fields.get(createHash('sha256').update(key).digest())!.beginParse();
      expect(value.loadUint(8)).toBe(0); // snake#00
      return value.loadStringTail();
    };
    expect(field('decimals')).toBe('6');
    expect(field('symbol')).toBe('USDT');
  });

  it('derives the jetton wallet through /dev/ton runGetMethod as the dev chain itself does, and none for a master with no code', async () => {
    expect(merchantUsdtWallet).toBe(await h.chain.jettons.walletAddress(usdt.master, h.chain.merchant.address));
    expect(merchantUsdtWallet).not.toBe(h.chain.merchant.address);
    expect(await reader.getJettonWalletAddress!('0:' + '77'.repeat(32), h.chain.merchant.address)).toBeNull();
  });

  it('reads a get_wallet_address answer whose slice is not an address as the indexer being unavailable, never as a wallet', async () => {
    const notAnAddress = beginCell().storeUint(0b11, 2).endCell().toBoc().toString('base64');
    const odd: FetchFn = () => Promise.resolve(Response.json({ gas_used: 1, exit_code: 0, stack: [{ type: 'slice', value: notAnAddress }] }));
    const oddReader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch: odd, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(oddReader.getJettonWalletAddress!(usdt.master, h.chain.merchant.address)).rejects.toThrow(ChainUnavailableError);
  });

  it("credits the faucet's mint to the jetton wallet get_wallet_address names for the owner", async () => {
    const fresh = await h.chain.createDevWallet();
    const minted = await h.chain.jettons.mint(usdt.master, fresh.address, 5n * USDT);
    const wallet = await h.chain.jettons.walletAddress(usdt.master, fresh.address);
    expect(wallet).not.toBe(fresh.address);
    expect(minted.map((t) => t.account)).toContain(wallet);
    expect(await h.chain.jettons.balance(usdt.master, fresh.address)).toBe(5n * USDT);
    const data = await h.chain.runGetMethod(wallet, 'get_wallet_data');
    const owner = data.stack[1];
    expect(owner?.type === 'slice' && owner.cell.beginParse().loadAddress().toRawString()).toBe(fresh.address);
  });

  it("pays the merchant: the merchant's own USDT jetton wallet notifies it, the comment in a reference, and the trust rule accepts it", async () => {
    const before = await h.chain.jettons.balance(usdt.master, customer.address);
    const merchantBefore = await h.chain.jettons.balance(usdt.master, h.chain.merchant.address);
    const sent = await h.chain.jettons.transfer(customer.id, {
      master: usdt.master,
      amount: QUOTED,
      destination: h.chain.merchant.address,
      comment: 'bz:ABCD2345',
    });
    const { tx, body } = await merchantNotification(sent.transactions);

    expect(tx.inMessage?.source).toBe(merchantUsdtWallet);
    const notification = parseJettonNotification(body);
    expect(notification).toMatchObject({ amount: QUOTED, comment: 'bz:ABCD2345', forwardPayloadProblem: null });
    expect(notification.forwardPayload?.form).toBe('ref');
    expect(notification.sender?.toRawString()).toBe(customer.address);
    // One nanoton cannot buy the merchant wallet's gas: aborted, compute skipped, and still the proof.
    expect(tx.phases).toEqual({ aborted: true, compute: { kind: 'skipped', reason: 'no_gas' }, bounce: null });

    expect(judge(tx, body)).toMatchObject({
      kind: 'pays',
      orderId: 'order-1',
      fit: 'exact',
      overpaymentMicroUsdt: 0n,
      payment: { payer: customer.address, amountMicroUsdt: QUOTED },
    });
    expect(await h.chain.jettons.balance(usdt.master, customer.address)).toBe(before - QUOTED);
    expect(await h.chain.jettons.balance(usdt.master, h.chain.merchant.address)).toBe(merchantBefore + QUOTED);
  });

  it.each([
    ['one micro-USDT short: underpaid, by that much', QUOTED - 1n, { kind: 'attention', reason: 'underpaid', shortfallMicroUsdt: 1n }],
    ['a cent over: paid, the overpayment recorded', QUOTED + 10_000n, { kind: 'pays', fit: 'over', overpaymentMicroUsdt: 10_000n }],
  ])('classifies a real payment of %s', async (_name, amount, expected) => {
    const sent = await h.chain.jettons.transfer(customer.id, { master: usdt.master, amount, destination: h.chain.merchant.address, comment: 'bz:ABCD2345' });
    const { tx, body } = await merchantNotification(sent.transactions);
    expect(judge(tx, body)).toMatchObject(expected);
  });

  it('calls a real notification from a second, fake USDT master forged: its wallets are not the merchant’s USDT wallet', async () => {
    const fake = await h.chain.jettons.deploy({ name: 'Tether USD', symbol: 'USDT', decimals: 6 });
    expect(fake.master).not.toBe(usdt.master);
    await h.chain.jettons.mint(fake.master, customer.address, 1000n * USDT);
    const fakeMerchantWallet = await h.chain.jettons.walletAddress(fake.master, h.chain.merchant.address);
    expect(fakeMerchantWallet).not.toBe(merchantUsdtWallet);

    const sent = await h.chain.jettons.transfer(customer.id, {
      master: fake.master,
      amount: 1000n * USDT,
      destination: h.chain.merchant.address,
      comment: 'bz:ABCD2345',
    });
    const { tx, body } = await merchantNotification(sent.transactions);
    expect(parseJettonNotification(body)).toMatchObject({ amount: 1000n * USDT, comment: 'bz:ABCD2345' });
    expect(judge(tx, body)).toEqual({ kind: 'attention', reason: 'forged', orderId: null, source: fakeMerchantWallet, txHash: tx.hash });
  });

  it('calls a notification-shaped body sent by a plain wallet forged', async () => {
    const forgedBody = beginCell()
      .storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32)
      .storeUint(1, 64)
      .storeCoins(QUOTED)
      .storeAddress(Address.parse(customer.address))
      .storeBit(1)
      .storeRef(commentForwardPayload('bz:ABCD2345'))
      .endCell();
    await h.chain.sendTransaction(customer.id, {
      validUntil: inSeconds(60),
      messages: [{ address: h.chain.merchant.addressFriendly, amount: '10000000', payload: forgedBody.toBoc().toString('base64') }],
    });
    const page = await h.get<ToncenterPage>(`/api/v3/transactions?account=${h.chain.merchant.address}&sort=desc&limit=1`);
    const latest = page.body.transactions[0]!;
    expect(latest.in_msg).toMatchObject({ source: upper(customer.address), opcode: '0x7362d09c' });
    const [tx] = await reader.listAccountTransactions(h.chain.merchant.address, BigInt(latest.lt) - 1n, 1);
    expect(judge(tx!, Cell.fromBase64(tx!.inMessage!.bodyBoc!))).toMatchObject({ kind: 'attention', reason: 'forged', source: customer.address });
  });

  it('runs get_wallet_address over /api/v3/runGetMethod with a slice argument, answering in toncenter form', async () => {
    const owner = beginCell().storeAddress(Address.parse(customer.address)).endCell().toBoc().toString('base64');
    const { status, body } = await h.post<{ exit_code: number; stack: Array<{ type: string; value: string }> }>('/api/v3/runGetMethod', {
      address: usdt.masterFriendly,
      method: 'get_wallet_address',
      stack: [{ type: 'slice', value: owner }],
    });
    expect(status).toBe(200);
    expect(body.exit_code).toBe(0);
    expect(body.stack[0]!.type).toBe('slice');
    expect(Cell.fromBase64(body.stack[0]!.value).beginParse().loadAddress().toRawString()).toBe(
      await h.chain.jettons.walletAddress(usdt.master, customer.address),
    );
  });

  it.each([
    ['a type it does not know', [{ type: 'tuple', value: [] }], /type must be num, cell or slice/],
    ['a slice that is not a BOC', [{ type: 'slice', value: 'not base64 at all' }], /not a base64 BOC/],
    ['a num that is not a number', [{ type: 'num', value: '0xZZ' }], /is not a number/],
  ])('answers 400 in toncenter form to a get-method argument of %s', async (_name, stack, message) => {
    const { status, body } = await h.post<{ error: string }>('/api/v3/runGetMethod', { address: usdt.master, method: 'get_wallet_address', stack });
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it('gives dev USDT over HTTP, and a dev wallet pays with the raw message a checkout will ask a wallet app for', async () => {
    const { body: jetton } = await h.get<DevJetton>('/jettons/usdt');
    expect(jetton).toMatchObject({ master: usdt.master, symbol: 'USDT', decimals: 6 });
    const { body: wallet } = await h.post<DevWalletInfo>('/wallets');
    const funded = await h.post<{ jettonWallet: string; balanceMicroUsdt: string }>('/faucet/usdt', {
      address: wallet.addressFriendly,
      amountMicroUsdt: '25000000',
    });
    expect(funded.status).toBe(200);
    expect(funded.body.balanceMicroUsdt).toBe('25000000');

    // TON Connect's raw message: to the customer's own USDT jetton wallet, user-friendly bounceable, 0.05 TON.
    const payload = buildJettonPaymentBody({
      orderCode: 'ABCD2345',
      amountMicroUsdt: QUOTED,
      merchant: Address.parse(h.chain.merchant.address),
      customer: Address.parse(wallet.address),
      queryId: 99n,
    });
    const sent = await h.post<{ boc: string }>(`/wallets/${wallet.id}/send-transaction`, {
      validUntil: inSeconds(60),
      messages: [
        {
          address: Address.parse(funded.body.jettonWallet).toString({ bounceable: true, testOnly: true }),
          amount: JETTON_PAYMENT_ATTACHED_NANO.toString(),
          payload: payload.toBoc().toString('base64'),
        },
      ],
    });
    expect(sent.status).toBe(200);
    const page = await h.get<ToncenterPage>(`/api/v3/transactions?account=${h.chain.merchant.address}&sort=desc&limit=1`);
    const [tx] = await reader.listAccountTransactions(h.chain.merchant.address, BigInt(page.body.transactions[0]!.lt) - 1n, 1);
    expect(judge(tx!, Cell.fromBase64(tx!.inMessage!.bodyBoc!))).toMatchObject({ kind: 'pays', fit: 'exact', payment: { payer: wallet.address } });
    expect(await h.chain.jettons.balance(usdt.master, wallet.address)).toBe(25_000_000n - QUOTED);
  });

  it('refuses a USDT faucet request that is not an amount', async () => {
    for (const amountMicroUsdt of ['-1', '1.5', 0]) {
      const { status } = await h.post('/faucet/usdt', { address: customer.address, amountMicroUsdt });
      expect(status).toBe(400);
    }
  });

  it('refuses to mint or transfer a jetton the dev chain did not deploy', async () => {
    const stranger = '0:' + '77'.repeat(32);
    await expect(h.chain.jettons.mint(stranger, customer.address, USDT)).rejects.toMatchObject({ code: 'DEV_TRANSFER_INVALID' });
    await expect(h.chain.jettons.transfer(customer.id, { master: stranger, amount: USDT, destination: h.chain.merchant.address })).rejects.toMatchObject({
      code: 'DEV_TRANSFER_INVALID',
    });
  });
});

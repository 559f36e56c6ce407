import { toNano } from '@ton/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevJetton } from '../../../functions/adapters/ton/dev-chain/dev-jettons';
import type { DevWalletInfo } from '../../../functions/adapters/ton/dev-chain/dev-wallet';
import { createToncenterReader } from '../../../functions/adapters/ton/toncenter-reader';
import type { ChainReader } from '../../../functions/core/payments/chain-reader';
import { buildCommentPayload } from '../../../functions/core/payments/comment-payload';
import { parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { matchJettonRefund, matchTonRefund, type OpenRefund } from '../../../functions/core/refunds/refund-confirmation';
import { RefundWrongWalletError } from '../../../functions/core/refunds/refund-errors';
import { buildRefundSignRequest } from '../../../functions/core/refunds/refund-message';
import { checkRefundSigner } from '../../../functions/core/refunds/refund-rules';
import { DEV_TON_URL, inSeconds, startDevChain, type DevChainHarness } from './dev-chain-harness';

// Refunds on the dev chain: the merchant's real wallet signs the message Bazaar builds, the chain runs it,
// and the refund is confirmed only from what the indexer then shows.
const USDT = 1_000_000n;
const CODE = 'RFND2345';

describe('refunds from the merchant’s own wallet, confirmed from the chain', () => {
  let h: DevChainHarness;
  let reader: ChainReader;
  let customer: DevWalletInfo;
  let usdt: DevJetton;
  let merchantUsdtWallet: string;

  beforeAll(async () => {
    h = await startDevChain();
    reader = createToncenterReader({ baseUrl: DEV_TON_URL, fetch: h.fetch });
    customer = await h.chain.createDevWallet();
    usdt = await h.chain.jettons.usdt();
    await h.chain.jettons.mint(usdt.master, customer.address, 100n * USDT);
    merchantUsdtWallet = (await reader.getJettonWalletAddress!(usdt.masterFriendly, h.chain.merchant.address))!;
  });

  const open = (fields: Partial<OpenRefund> & Pick<OpenRefund, 'asset' | 'amount'>): OpenRefund => ({
    id: 'refund-1',
    recipient: customer.address,
    messageHash: null,
    status: 'sent',
    orderCode: CODE,
    ...fields,
  });

  async function latest(account: string) {
    const listed = await reader.listAccountTransactions(account, 0n, 1000);
    return listed.at(-1)!;
  }

  it('in TON: the customer gets the amount with refund:<CODE>, and the merchant’s transaction confirms the refund by its hash', async () => {
    await h.chain.sendTransaction(customer.id, {
      messages: [{ address: h.chain.merchant.addressFriendly, amount: toNano('2').toString(), payload: buildCommentPayload(`bz:${CODE}`) }],
      validUntil: inSeconds(300),
    });
    const amount = toNano('1.25');
    const request = buildRefundSignRequest({
      refund: { asset: 'TON', amount, recipient: customer.address, validUntil: inSeconds(300) },
      orderCode: CODE,
      merchant: h.chain.merchant.address,
      network: 'local',
      queryId: 1n,
    });
    const { boc } = await h.chain.sendTransaction(h.chain.merchant.id, { messages: request.messages, validUntil: request.validUntil });
    const signed = parseTransferBoc(boc);
    expect(() => checkRefundSigner(signed.walletAddress, h.chain.merchant.address)).not.toThrow();
    expect(signed.transfers).toEqual([{ destination: customer.address, valueNano: amount, comment: `refund:${CODE}`, bounce: false }]);

    const merchantTx = await latest(h.chain.merchant.address);
    const refund = open({ asset: 'TON', amount, messageHash: signed.hashNorm });
    expect(matchTonRefund(merchantTx, [refund])).toEqual({ refundId: 'refund-1', transactionHash: merchantTx.hash });
    // Another refund of the same order for another amount, or one whose message was another, is not this one.
    expect(matchTonRefund(merchantTx, [open({ asset: 'TON', amount: amount + 1n })])).toBeNull();
    expect(matchTonRefund(merchantTx, [open({ asset: 'TON', amount, messageHash: 'ff'.repeat(32) })])).toBeNull();
    // A refund whose BOC never came back is confirmed by the transfer itself.
    expect(matchTonRefund(merchantTx, [open({ asset: 'TON', amount, status: 'requested' })])).toMatchObject({ refundId: 'refund-1' });

    const customerTx = await latest(customer.address);
    expect(customerTx.inMessage).toMatchObject({ source: h.chain.merchant.address, valueNano: amount, comment: `refund:${CODE}` });
  });

  it('in TON: a refund signed by another wallet is refused before it is broadcast', async () => {
    const request = buildRefundSignRequest({
      refund: { asset: 'TON', amount: toNano('1'), recipient: customer.address, validUntil: inSeconds(300) },
      orderCode: CODE,
      merchant: h.chain.merchant.address,
      network: 'local',
      queryId: 1n,
    });
    const other = await h.chain.createDevWallet();
    const boc = await h.chain.signTransfer(other.id, { messages: request.messages, validUntil: request.validUntil });
    expect(() => checkRefundSigner(parseTransferBoc(boc).walletAddress, h.chain.merchant.address)).toThrow(RefundWrongWalletError);
  });

  it('in USDT: the merchant’s jetton wallet moves the amount to the payer, and its successful transaction confirms the refund', async () => {
    await h.chain.jettons.transfer(customer.id, { master: usdt.master, amount: 20n * USDT, destination: h.chain.merchant.address, comment: `bz:${CODE}` });
    const before = await h.chain.jettons.balance(usdt.master, customer.address);
    const amount = 7_500_000n;
    const request = buildRefundSignRequest({
      refund: { asset: 'USDT', amount, recipient: customer.address, validUntil: inSeconds(300) },
      orderCode: CODE,
      merchant: h.chain.merchant.address,
      merchantJettonWallet: merchantUsdtWallet,
      network: 'local',
      queryId: 9n,
    });
    await h.chain.sendTransaction(h.chain.merchant.id, { messages: request.messages, validUntil: request.validUntil });

    expect(await h.chain.jettons.balance(usdt.master, customer.address)).toBe(before + amount);
    const jettonTx = await latest(merchantUsdtWallet);
    expect(matchJettonRefund(jettonTx, h.chain.merchant.address, [open({ asset: 'USDT', amount })])).toEqual({
      refundId: 'refund-1',
      transactionHash: jettonTx.hash,
    });
    // The transfer the merchant's main wallet made is not, by itself, the proof.
    expect(matchTonRefund(await latest(h.chain.merchant.address), [open({ asset: 'TON', amount })])).toBeNull();
  });

  it('in USDT: a refund for more than the merchant’s jetton wallet holds fails on chain and confirms nothing', async () => {
    const held = await h.chain.jettons.balance(usdt.master, h.chain.merchant.address);
    const before = await h.chain.jettons.balance(usdt.master, customer.address);
    const amount = held + 1n;
    const request = buildRefundSignRequest({
      refund: { asset: 'USDT', amount, recipient: customer.address, validUntil: inSeconds(300) },
      orderCode: CODE,
      merchant: h.chain.merchant.address,
      merchantJettonWallet: merchantUsdtWallet,
      network: 'local',
      queryId: 10n,
    });
    await h.chain.sendTransaction(h.chain.merchant.id, { messages: request.messages, validUntil: request.validUntil });

    expect(await h.chain.jettons.balance(usdt.master, customer.address)).toBe(before);
    const jettonTx = await latest(merchantUsdtWallet);
    expect(jettonTx.phases.aborted || (jettonTx.phases.compute?.kind === 'vm' && !jettonTx.phases.compute.success)).toBe(true);
    expect(matchJettonRefund(jettonTx, h.chain.merchant.address, [open({ asset: 'USDT', amount })])).toBeNull();
  });
});

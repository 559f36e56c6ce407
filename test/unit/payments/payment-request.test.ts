import { Address, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { readForwardComment } from '../../../functions/core/payments/jetton-forward-payload';
import { parseJettonTransferBody } from '../../../functions/core/payments/jetton-transfer-body';
import type { PaymentIntent } from '../../../functions/core/payments/payment-intent';
import { buildTonPaymentRequest, buildUsdtPaymentRequest, MAX_SIGNING_WINDOW_SECONDS } from '../../../functions/core/payments/payment-request';

const NOW = new Date('2026-12-04T01:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const MERCHANT = '0:' + 'aa'.repeat(32);
const CUSTOMER = '0:' + 'bb'.repeat(32);
const CUSTOMER_JETTON_WALLET = '0:' + 'b1'.repeat(32);

const intent = (changes: Partial<PaymentIntent> = {}): PaymentIntent => ({
  address: 'UQCqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq',
  amountNano: 7_200_000_000n,
  comment: 'bz:ABCD2345',
  validUntil: NOW_S + 600,
  network: 'mainnet',
  payload: 'te6cc…',
  ...changes,
});

describe('buildUsdtPaymentRequest', () => {
  const request = (network: PaymentIntent['network'] = 'mainnet') =>
    buildUsdtPaymentRequest({
      order: { code: 'ABCD2345' },
      intent: intent({ network }),
      quotedMicroUsdt: 36_000_000n,
      customer: Address.parse(CUSTOMER).toString(),
      customerJettonWallet: CUSTOMER_JETTON_WALLET,
      merchant: MERCHANT,
      now: NOW,
    });

  it("sends 0.05 TON to the customer's own USDT jetton wallet, user-friendly and bounceable, from the customer, on the shop's network", () => {
    const { asset, amount, request: r } = request();
    expect({ asset, amount }).toEqual({ asset: 'USDT', amount: 36_000_000n });
    expect(r).toMatchObject({ network: '-239', from: CUSTOMER, validUntil: NOW_S + MAX_SIGNING_WINDOW_SECONDS });
    expect(r.messages).toHaveLength(1);
    expect(Address.parseFriendly(r.messages[0].address)).toMatchObject({ isBounceable: true, isTestOnly: false });
    expect(Address.parse(r.messages[0].address).toRawString()).toBe(CUSTOMER_JETTON_WALLET);
    expect(r.messages[0].amount).toBe('50000000');
    expect(Address.parseFriendly(request('testnet').request.messages[0].address).isTestOnly).toBe(true);
    expect(request('testnet').request.network).toBe('-3');
  });

  it('carries the quoted micro-USDT to the merchant, the excess back to the customer, a 1-nanoton forward and the comment in a reference', () => {
    const body = parseJettonTransferBody(Cell.fromBase64(request().request.messages[0].payload));
    expect(body).toMatchObject({ amount: 36_000_000n, forwardTonAmountNano: 1n, queryId: BigInt(NOW.getTime()) });
    expect(body.destination.toRawString()).toBe(MERCHANT);
    expect(body.responseDestination?.toRawString()).toBe(CUSTOMER);
    expect(body.forwardPayload.form).toBe('ref');
    expect(readForwardComment(body.forwardPayload)).toBe('bz:ABCD2345');
  });

  it('never outlives the order’s own payment window', () => {
    const short = buildUsdtPaymentRequest({
      order: { code: 'ABCD2345' },
      intent: intent({ validUntil: NOW_S + 30 }),
      quotedMicroUsdt: 1n,
      customer: CUSTOMER,
      customerJettonWallet: CUSTOMER_JETTON_WALLET,
      merchant: MERCHANT,
      now: NOW,
    });
    expect(short.request.validUntil).toBe(NOW_S + 30);
  });
});

describe('buildTonPaymentRequest', () => {
  it('refuses an order that has no TON amount (quoted in USDT only) with ASSET_NOT_QUOTED', () => {
    expect(() => buildTonPaymentRequest({ intent: { ...intent(), amountNano: null }, from: CUSTOMER, now: NOW })).toThrowError(
      expect.objectContaining({ code: 'ASSET_NOT_QUOTED' }),
    );
  });

  it('is the intent as one TON Connect message to the merchant, with `from` when the wallet is known', () => {
    expect(buildTonPaymentRequest({ intent: intent(), from: CUSTOMER, now: NOW })).toEqual({
      asset: 'TON',
      amount: 7_200_000_000n,
      request: {
        validUntil: NOW_S + MAX_SIGNING_WINDOW_SECONDS,
        network: '-239',
        from: CUSTOMER,
        messages: [{ address: intent().address, amount: '7200000000', payload: 'te6cc…' }],
      },
    });
    expect(buildTonPaymentRequest({ intent: intent(), from: null, now: NOW }).request).not.toHaveProperty('from');
  });
});

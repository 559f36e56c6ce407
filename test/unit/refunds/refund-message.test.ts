import { Address, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { readComment } from '../../../functions/core/payments/comment-payload';
import { readForwardComment } from '../../../functions/core/payments/jetton-forward-payload';
import { JETTON_PAYMENT_ATTACHED_NANO } from '../../../functions/core/payments/jetton-payment-transfer';
import { parseJettonTransferBody } from '../../../functions/core/payments/jetton-transfer-body';
import { parseRefundComment, refundComment } from '../../../functions/core/refunds/refund-comment';
import { buildRefundSignRequest } from '../../../functions/core/refunds/refund-message';

const MERCHANT = '0:' + 'aa'.repeat(32);
const PAYER = '0:' + 'bb'.repeat(32);
const MERCHANT_USDT_WALLET = '0:' + 'cc'.repeat(32);

describe('the message a merchant signs to refund', () => {
  it('in TON: goes straight to the payer, non-bounceable, with the comment refund:<CODE>, from the shop’s wallet', () => {
    const request = buildRefundSignRequest({
      refund: { asset: 'TON', amount: 1_500_000_000n, recipient: PAYER, validUntil: 1_800_000_300 },
      orderCode: 'ABCD2345',
      merchant: MERCHANT,
      network: 'mainnet',
      queryId: 1n,
    });
    expect(request).toMatchObject({ validUntil: 1_800_000_300, network: '-239', from: MERCHANT });
    expect(request.messages).toHaveLength(1);
    const [message] = request.messages;
    const address = Address.parseFriendly(message!.address);
    expect(address.address.toRawString()).toBe(PAYER);
    expect(address.isBounceable).toBe(false);
    expect(address.isTestOnly).toBe(false);
    expect(message!.amount).toBe('1500000000');
    expect(readComment(Cell.fromBase64(message!.payload))).toBe('refund:ABCD2345');
  });

  it('in USDT: a jetton transfer through the merchant’s own USDT wallet to the payer, excess back to the merchant, comment in the forward payload', () => {
    const request = buildRefundSignRequest({
      refund: { asset: 'USDT', amount: 12_340_000n, recipient: PAYER, validUntil: 1_800_000_300 },
      orderCode: 'ABCD2345',
      merchant: MERCHANT,
      merchantJettonWallet: MERCHANT_USDT_WALLET,
      network: 'testnet',
      queryId: 77n,
    });
    expect(request).toMatchObject({ network: '-3', from: MERCHANT });
    const [message] = request.messages;
    const address = Address.parseFriendly(message!.address);
    expect(address.address.toRawString()).toBe(MERCHANT_USDT_WALLET);
    expect(address.isBounceable).toBe(true);
    expect(address.isTestOnly).toBe(true);
    expect(BigInt(message!.amount)).toBe(JETTON_PAYMENT_ATTACHED_NANO);
    const transfer = parseJettonTransferBody(Cell.fromBase64(message!.payload));
    expect(transfer).toMatchObject({ queryId: 77n, amount: 12_340_000n, forwardTonAmountNano: 1n, customPayload: null });
    expect(transfer.destination.toRawString()).toBe(PAYER);
    expect(transfer.responseDestination?.toRawString()).toBe(MERCHANT);
    expect(transfer.forwardPayload.form).toBe('ref');
    expect(readForwardComment(transfer.forwardPayload)).toBe('refund:ABCD2345');
  });

  it('in USDT, cannot be built without the merchant’s jetton wallet', () => {
    expect(() =>
      buildRefundSignRequest({
        refund: { asset: 'USDT', amount: 1n, recipient: PAYER, validUntil: 1 },
        orderCode: 'ABCD2345',
        merchant: MERCHANT,
        network: 'local',
        queryId: 1n,
      }),
    ).toThrow(RangeError);
  });
});

describe('a refund comment', () => {
  it('names the order, forgiving case and spaces, and nothing else', () => {
    expect(refundComment('ABCD2345')).toBe('refund:ABCD2345');
    expect(parseRefundComment('refund:ABCD2345')).toBe('ABCD2345');
    expect(parseRefundComment('  REFUND: abcd2345 ')).toBe('ABCD2345');
    for (const other of [null, undefined, '', 'bz:ABCD2345', 'refund:', 'refund:no spaces allowed', 'refunded:ABCD2345']) {
      expect(parseRefundComment(other), String(other)).toBeNull();
    }
  });
});

import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { readForwardComment } from '../../../functions/core/payments/jetton-forward-payload';
import { buildJettonPaymentBody } from '../../../functions/core/payments/jetton-payment-transfer';
import { parseJettonTransferBody } from '../../../functions/core/payments/jetton-transfer-body';

const MERCHANT = new Address(0, Buffer.alloc(32, 0x44));
const CUSTOMER = new Address(0, Buffer.alloc(32, 0x55));

describe('buildJettonPaymentBody', () => {
  it("sends the amount to the merchant's main wallet, the excess back to the customer, with the order comment in a reference", () => {
    const body = buildJettonPaymentBody({ orderCode: 'ABCD2345', amountMicroUsdt: 19_990_000n, merchant: MERCHANT, customer: CUSTOMER, queryId: 7n });
    const transfer = parseJettonTransferBody(body);
    expect(transfer.amount).toBe(19_990_000n);
    expect(transfer.destination.equals(MERCHANT)).toBe(true);
    expect(transfer.responseDestination?.equals(CUSTOMER)).toBe(true);
    expect(transfer.queryId).toBe(7n);
    expect(transfer.customPayload).toBeNull();
    expect(transfer.forwardTonAmountNano).toBe(1n);
    expect(transfer.forwardPayload.form).toBe('ref');
    expect(readForwardComment(transfer.forwardPayload)).toBe('bz:ABCD2345');
  });

  it.each([0n, -1n])('refuses to pay %s micro-USDT', (amountMicroUsdt) => {
    expect(() => buildJettonPaymentBody({ orderCode: 'ABCD2345', amountMicroUsdt, merchant: MERCHANT, customer: CUSTOMER, queryId: 1n })).toThrow(RangeError);
  });
});

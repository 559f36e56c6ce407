import { describe, expect, it } from 'vitest';
import { Cell } from '@ton/core';
import type { ParsedTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import type { RefundStatus } from '../../../functions/core/refunds/refund';
import { RefundMessageMismatchError, RefundNotAwaitingSignatureError, RefundWrongWalletError } from '../../../functions/core/refunds/refund-errors';
import { buildRefundSignRequest } from '../../../functions/core/refunds/refund-message';
import { checkRefundSubmission } from '../../../functions/core/refunds/refund-submission';

const MERCHANT = '0:' + 'aa'.repeat(32);
const PAYER = '0:' + 'bb'.repeat(32);
const VALID_UNTIL = 1_800_000_300;
const refund = { asset: 'TON' as const, amount: 1_500_000_000n, recipient: PAYER, validUntil: VALID_UNTIL };
const expected = buildRefundSignRequest({ refund, orderCode: 'ABCD2345', merchant: MERCHANT, network: 'testnet', queryId: 1n });

/** What parseTransferBoc reads from the merchant's wallet signing exactly the refund. */
function signed(overrides: Partial<ParsedTransferBoc> = {}): ParsedTransferBoc {
  return {
    walletAddress: MERCHANT,
    hashRaw: '11'.repeat(32),
    hashNorm: '22'.repeat(32),
    walletVersion: 'v5r1',
    seqno: 3,
    validUntil: VALID_UNTIL,
    transfers: [{ destination: PAYER, valueNano: refund.amount, comment: 'refund:ABCD2345', bounce: false }],
    ...overrides,
  };
}

const check = (boc: ParsedTransferBoc, status: RefundStatus = 'requested') =>
  checkRefundSubmission({ refund: { status, validUntil: VALID_UNTIL }, signed: boc, expected, merchant: MERCHANT });

describe('the signed message handed back for a refund', () => {
  it('is taken when the shop’s wallet signed exactly the refund, valid no later than it', () => {
    expect(() => check(signed())).not.toThrow();
    // A wallet's clock may put its valid_until a little later than asked.
    expect(() => check(signed({ validUntil: VALID_UNTIL + 60 }))).not.toThrow();
  });

  it('is refused when another wallet signed it', () => {
    expect(() => check(signed({ walletAddress: PAYER }))).toThrow(RefundWrongWalletError);
  });

  it('is refused when it pays another address, another amount, with another comment, or more than once', () => {
    const transfer = signed().transfers[0]!;
    for (const transfers of [
      [{ ...transfer, destination: MERCHANT }],
      [{ ...transfer, valueNano: transfer.valueNano + 1n }],
      [{ ...transfer, comment: 'refund:ZZZZ2345' }],
      [{ ...transfer, comment: null }],
      [transfer, transfer],
      [],
    ]) {
      expect(
        () => check(signed({ transfers })),
        JSON.stringify(transfers, (_, v) => (typeof v === 'bigint' ? String(v) : v)),
      ).toThrow(RefundMessageMismatchError);
    }
  });

  it('is refused when it could land after the refund lapses', () => {
    expect(() => check(signed({ validUntil: VALID_UNTIL + 61 }))).toThrow(RefundMessageMismatchError);
  });

  it('is refused for a refund already sent, confirmed or lapsed', () => {
    for (const status of ['sent', 'confirmed', 'lapsed'] as const) expect(() => check(signed(), status)).toThrow(RefundNotAwaitingSignatureError);
  });
});

describe('the signed message handed back for a USDT refund', () => {
  const JETTON_WALLET = '0:' + 'cc'.repeat(32);
  const usdtRefund = { asset: 'USDT' as const, amount: 9_000_000n, recipient: PAYER, validUntil: VALID_UNTIL };
  const built = buildRefundSignRequest({
    refund: usdtRefund,
    orderCode: 'ABCD2345',
    merchant: MERCHANT,
    merchantJettonWallet: JETTON_WALLET,
    network: 'testnet',
    queryId: 7n,
  });
  const bodyHash = Cell.fromBase64(built.messages[0]!.payload).hash().toString('hex');
  const jettonTransfer = {
    destination: JETTON_WALLET,
    valueNano: BigInt(built.messages[0]!.amount),
    comment: null,
    bounce: true,
    jetton: { amount: usdtRefund.amount, owner: PAYER, comment: 'refund:ABCD2345', bodyHash },
  };
  const checkUsdt = (transfers: ParsedTransferBoc['transfers']) =>
    checkRefundSubmission({ refund: { status: 'requested', validUntil: VALID_UNTIL }, signed: signed({ transfers }), expected: built, merchant: MERCHANT });

  it('is taken when it carries exactly the jetton transfer built, to the merchant’s own jetton wallet', () => {
    expect(() => checkUsdt([jettonTransfer])).not.toThrow();
  });

  it('is refused when the jetton transfer differs in any way, goes to another jetton wallet, or is no jetton transfer', () => {
    const { jetton } = jettonTransfer;
    for (const transfers of [
      [{ ...jettonTransfer, jetton: { ...jetton, bodyHash: '00'.repeat(32) } }],
      [{ ...jettonTransfer, destination: PAYER }],
      [{ ...jettonTransfer, valueNano: 1n }],
      [{ destination: JETTON_WALLET, valueNano: jettonTransfer.valueNano, comment: null, bounce: true }],
    ]) {
      expect(() => checkUsdt(transfers)).toThrow(RefundMessageMismatchError);
    }
  });
});

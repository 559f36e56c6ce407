import { TonConnectUIError, UnknownError, UserRejectsError, WalletWrongNetworkError } from '@tonconnect/ui-react';
import { describe, expect, it } from 'vitest';
import type { OrderPayment } from '../../../src/domain/types';
import { paymentRequestFailure, submissionFailure, walletErrorEvent } from '../../../src/features/payment/payment-errors';
import { createPendingSubmissions } from '../../../src/features/payment/pending-submission';
import { buildTransactionRequest, chainFor, intentNeedsRefresh } from '../../../src/features/payment/transaction-request';
import { ApiError, NetworkError } from '../../../src/platform/api-client';

const NOW = 1_900_000_000;
const intent = (overrides: Partial<OrderPayment & { amountNano: string }> = {}): OrderPayment & { amountNano: string } => ({
  address: 'kQBac_fekQiMMKWpShmv_sNjBRvj9Pu-9iMqELPBXO3Kp4A6',
  amountNano: '4500000000',
  comment: 'bz:K7Q2MX',
  validUntil: NOW + 600,
  network: 'local',
  payload: 'te6cckEBAQEADgAAGAAAAABiejpLN1EyTVhq',
  ...overrides,
});

describe('buildTransactionRequest', () => {
  it('sends one message to the merchant with the amount and the comment cell as payload', () => {
    expect(buildTransactionRequest(intent(), NOW).messages).toEqual([{ address: intent().address, amount: '4500000000', payload: intent().payload }]);
  });
  it('caps validUntil at 5 minutes (TON Connect warns above) and never passes the intent’s', () => {
    expect(buildTransactionRequest(intent({ validUntil: NOW + 600 }), NOW).validUntil).toBe(NOW + 300);
    expect(buildTransactionRequest(intent({ validUntil: NOW + 200 }), NOW).validUntil).toBe(NOW + 200);
  });
  it.each([
    ['mainnet', '-239'],
    ['testnet', '-3'],
    ['local', '-3'],
  ] as const)('asks a wallet on %s for chain %s', (network, chain) => {
    expect(chainFor(network)).toBe(chain);
    expect(buildTransactionRequest(intent({ network }), NOW).network).toBe(chain);
  });
});

describe('intentNeedsRefresh', () => {
  it('refreshes an intent with less than 2 minutes left', () => {
    expect(intentNeedsRefresh(intent({ validUntil: NOW + 119 }), NOW)).toBe(true);
    expect(intentNeedsRefresh(intent({ validUntil: NOW + 120 }), NOW)).toBe(false);
  });
});

describe('walletErrorEvent', () => {
  it('treats a decline in the wallet (UserRejectsError) as declined, not as an error', () => {
    expect(walletErrorEvent(new UserRejectsError('User declined the transaction'))).toEqual({ type: 'walletDeclined' });
  });
  it('treats TON Connect’s modal closed before the wallet answered as cancelled', () => {
    expect(walletErrorEvent(new TonConnectUIError('Transaction was not sent'))).toEqual({ type: 'walletCancelled' });
  });
  it('names a wallet on the wrong network', () => {
    expect(
      walletErrorEvent(new WalletWrongNetworkError('Wallet connected to a wrong network', { cause: { expectedChainId: '-3', actualChainId: '-239' } })),
    ).toEqual({
      type: 'walletFailed',
      failure: { kind: 'wrongNetwork' },
    });
  });
  it('treats anything else as a wallet failure', () => {
    expect(walletErrorEvent(new UnknownError('boom'))).toEqual({ type: 'walletFailed', failure: { kind: 'wallet' } });
    expect(walletErrorEvent(new TonConnectUIError('Connect wallet to send a transaction.'))).toMatchObject({ type: 'walletFailed' });
  });
});

describe('submissionFailure', () => {
  it.each([
    ['the shop unreachable', new NetworkError(new TypeError('Failed to fetch')), { kind: 'network' }, true, false],
    ['a 503', new ApiError(503, 'HTTP_503', 'Service Unavailable'), { kind: 'server' }, true, false],
    ['an order no longer payable', new ApiError(409, 'ORDER_NOT_PAYABLE', 'Expired'), { kind: 'notPayable' }, false, true],
    ['another payment already submitted', new ApiError(409, 'PAYMENT_ALREADY_SUBMITTED', 'In flight'), { kind: 'server' }, false, true],
    [
      'a transfer short of the total',
      new ApiError(422, 'PAYMENT_AMOUNT_TOO_LOW', 'This transfer sends less than the order’s total.'),
      { kind: 'rejected', message: 'This transfer sends less than the order’s total.' },
      false,
      false,
    ],
    ['a BOC that is not one', new ApiError(400, 'BOC_INVALID', 'Not a BOC.'), { kind: 'rejected', message: 'Not a BOC.' }, false, false],
  ])('after %s', (_name, error, failure, keepBoc, reloadOrder) => {
    expect(submissionFailure(error)).toEqual({ failure, keepBoc, reloadOrder });
  });
});

describe('pending submissions', () => {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      items,
    };
  };
  it('keeps a signed BOC per order until cleared', () => {
    const s = storage();
    const pending = createPendingSubmissions(
      () => s,
      () => 1_000,
    );
    pending.save('o-1', 'te6boc');
    expect(pending.load('o-1')).toBe('te6boc');
    expect(pending.load('o-2')).toBeNull();
    pending.clear('o-1');
    expect(pending.load('o-1')).toBeNull();
  });
  it('drops entries older than a day', () => {
    const s = storage();
    let now = 0;
    const pending = createPendingSubmissions(
      () => s,
      () => now,
    );
    pending.save('o-1', 'te6boc');
    now = 24 * 60 * 60 * 1000;
    expect(pending.load('o-1')).toBeNull();
    expect(s.items.size).toBe(0);
  });
  it('works without storage (blocked), remembering nothing', () => {
    const pending = createPendingSubmissions(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    pending.save('o-1', 'te6boc');
    expect(pending.load('o-1')).toBeNull();
  });
});

describe('paymentRequestFailure: POST /api/orders/:id/payment-request refused, nothing signed yet', () => {
  const refused = (status: number, code: string) => new ApiError(status, code, `server says ${code}`);
  it.each([
    [422, 'ASSET_NOT_ACCEPTED', 'notAccepted'],
    [422, 'ASSET_NOT_QUOTED', 'notQuoted'],
    [503, 'USDT_UNAVAILABLE', 'usdtUnavailable'],
    [503, 'CHAIN_UNAVAILABLE', 'chainUnavailable'],
  ] as const)('%i %s is a problem with the asset (%s), named for the person', (status, code, problem) => {
    expect(paymentRequestFailure(refused(status, code), 'USDT')).toEqual({ kind: 'asset', problem, asset: 'USDT' });
  });
  it('an order that can no longer be paid says so', () => {
    expect(paymentRequestFailure(refused(409, 'ORDER_NOT_PAYABLE'), 'USDT')).toEqual({ kind: 'notPayable' });
  });
  it('any other refusal carries the server’s sentence; an outage is worth retrying', () => {
    expect(paymentRequestFailure(refused(400, 'VALIDATION_FAILED'), 'USDT')).toEqual({ kind: 'rejected', message: 'server says VALIDATION_FAILED' });
    expect(paymentRequestFailure(refused(500, 'INTERNAL'), 'USDT')).toEqual({ kind: 'server' });
    expect(paymentRequestFailure(new NetworkError(new TypeError('Failed to fetch')), 'USDT')).toEqual({ kind: 'network' });
  });
});

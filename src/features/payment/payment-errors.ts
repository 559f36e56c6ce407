import { TonConnectUIError, UserRejectsError, WalletWrongNetworkError } from '@tonconnect/ui-react';
import { ApiError, NetworkError } from '../../platform/api-client';
import type { PaymentAsset } from '../../domain/types';
import type { AssetProblem, PaymentEvent, PaymentFailure } from './payment-state';

/**
 * What a failed `tonConnectUI.sendTransaction` means for the person. A decline in the wallet
 * (UserRejectsError, TON Connect error 300) and closing TON Connect's "confirm in your wallet" modal
 * both return to "awaiting payment": nothing was sent, nothing is wrong.
 */
export function walletErrorEvent(error: unknown): PaymentEvent {
  if (error instanceof UserRejectsError) return { type: 'walletDeclined' };
  // @tonconnect/ui rejects with this when its modal is closed before the wallet answers (waitForSendTransaction).
  if (error instanceof TonConnectUIError && error.message.endsWith('Transaction was not sent')) {
    return { type: 'walletCancelled' };
  }
  if (error instanceof WalletWrongNetworkError) return { type: 'walletFailed', failure: { kind: 'wrongNetwork' } };
  return { type: 'walletFailed', failure: { kind: 'wallet' } };
}

export interface SubmissionFailure {
  failure: PaymentFailure;
  /** The shop may not have the BOC yet: keep it to submit again. */
  keepBoc: boolean;
  /** The order changed under us (paid, expired, another payment in flight): read it again. */
  reloadOrder: boolean;
}

/** What a failed `POST /api/orders/:id/payment` means (docs/api.md, functions/api/order-routes.ts). */
export function submissionFailure(error: unknown): SubmissionFailure {
  if (error instanceof ApiError) {
    if (error.code === 'PAYMENT_ALREADY_SUBMITTED') {
      // Another signed payment for this order is confirming: the server's status tells the rest.
      return { failure: { kind: 'server' }, keepBoc: false, reloadOrder: true };
    }
    if (error.code === 'ORDER_NOT_PAYABLE') return { failure: { kind: 'notPayable' }, keepBoc: false, reloadOrder: true };
    if (error.status >= 500) return { failure: { kind: 'server' }, keepBoc: true, reloadOrder: false };
    // 401 (a stale session) is not the payment's fault: the BOC is still good once the person reopens.
    if (error.status === 401) return { failure: { kind: 'rejected', message: error.message }, keepBoc: true, reloadOrder: false };
    // PAYMENT_WRONG_DESTINATION / _AMOUNT_TOO_LOW / _WRONG_COMMENT, BOC_INVALID: the server says why.
    return { failure: { kind: 'rejected', message: error.message }, keepBoc: false, reloadOrder: false };
  }
  if (error instanceof NetworkError) return { failure: { kind: 'network' }, keepBoc: true, reloadOrder: false };
  return { failure: { kind: 'server' }, keepBoc: true, reloadOrder: false };
}

const ASSET_PROBLEMS: Readonly<Record<string, AssetProblem>> = {
  ASSET_NOT_ACCEPTED: 'notAccepted',
  ASSET_NOT_QUOTED: 'notQuoted',
  USDT_UNAVAILABLE: 'usdtUnavailable',
  CHAIN_UNAVAILABLE: 'chainUnavailable',
};

/**
 * What a failed `POST /api/orders/:id/payment-request` means (docs/api.md). Nothing was signed yet, so
 * every one of these leaves the person free to pay again, in the same asset or another.
 */
export function paymentRequestFailure(error: unknown, asset: PaymentAsset): PaymentFailure {
  if (error instanceof ApiError) {
    const problem = ASSET_PROBLEMS[error.code];
    if (problem) return { kind: 'asset', problem, asset };
    if (error.code === 'ORDER_NOT_PAYABLE' || error.code === 'ORDER_NOT_FOUND') return { kind: 'notPayable' };
    if (error.status < 500) return { kind: 'rejected', message: error.message };
  }
  return submissionFailure(error).failure;
}

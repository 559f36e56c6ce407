import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Order, PaymentAsset, PaymentRequest } from '../../domain/types';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi, useResourceCache } from '../../platform/services';
import { paymentRequestFailure, submissionFailure, walletErrorEvent } from './payment-errors';
import { CONFIRMING_POLL_MS, initialPaymentState, paymentReducer, type PaymentState } from './payment-state';
import { pendingSubmissions } from './pending-submission';
import { buildTransactionRequest, intentNeedsRefresh, type TonTransactionRequest } from './transaction-request';

/** Asks the connected wallet to sign and send; resolves with the signed external message (BOC). */
export type SendTransaction = (request: TonTransactionRequest) => Promise<{ boc: string }>;

export interface PaymentFlow {
  state: PaymentState;
  /**
   * Starts a payment with the connected wallet: fresh intent if needed → wallet → shop. In an asset other
   * than TON the shop says what to send (`wallet` is the connected account, which must sign it).
   */
  pay: (send: SendTransaction, inAsset?: { asset: PaymentAsset; wallet: string | null }) => Promise<void>;
  /** Hands a BOC the shop has not acknowledged to it again (it never asks the wallet twice). */
  retrySubmission: () => void;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The payment of one order. The server's order (from the shared cache, polled by the checkout) is the
 * truth; this adds the wallet and submission steps and polls every 2 s while the chain confirms.
 */
export function usePaymentFlow(order: Order): PaymentFlow {
  const api = useApi();
  const cache = useResourceCache();
  const [state, dispatch] = useReducer(paymentReducer, order, (o) => initialPaymentState(o.status, o.updatedAt, Date.now()));
  const orderRef = useRef(order);
  orderRef.current = order;
  const orderKey = resourceKeys.order(order.id);

  const acceptOrder = useCallback(
    (fresh: Order) => {
      cache.set(orderKey, fresh);
      cache.invalidate(resourceKeys.orders);
      dispatch({ type: 'order', status: fresh.status, updatedAt: fresh.updatedAt, nowMs: Date.now() });
    },
    [cache, orderKey],
  );
  const reloadOrder = useCallback(() => void cache.load(orderKey, () => api.getOrder(order.id)), [api, cache, orderKey, order.id]);

  // Follow the server: every fresh copy of the order (polls, other tabs' writes through the cache).
  useEffect(() => {
    dispatch({ type: 'order', status: order.status, updatedAt: order.updatedAt, nowMs: Date.now() });
  }, [order.status, order.updatedAt]);

  // Coming back to a pending order with a signed payment the shop never acknowledged: hand it over.
  useEffect(() => {
    const { id, status } = orderRef.current;
    if (status !== 'pending') {
      pendingSubmissions.clear(id);
      return;
    }
    const boc = pendingSubmissions.load(id);
    if (boc) dispatch({ type: 'resubmit', boc });
  }, []);

  // Submitting: remember the BOC first, so that closing the app now loses nothing.
  const submitting = state.phase === 'submitting' ? state.boc : null;
  const inFlight = useRef<string | null>(null);
  useEffect(() => {
    if (submitting === null || inFlight.current === submitting) return;
    inFlight.current = submitting;
    const { id } = orderRef.current;
    pendingSubmissions.save(id, submitting);
    api
      .submitPayment(id, submitting)
      .then(
        (fresh) => {
          pendingSubmissions.clear(id);
          acceptOrder(fresh);
        },
        (error: unknown) => {
          const { failure, keepBoc, reloadOrder: reload } = submissionFailure(error);
          if (!keepBoc) pendingSubmissions.clear(id);
          dispatch({ type: 'submitFailed', failure, boc: keepBoc ? submitting : null });
          if (reload) reloadOrder();
        },
      )
      .finally(() => {
        inFlight.current = null;
      });
  }, [submitting, api, acceptOrder, reloadOrder]);

  // Confirming on-chain: the local server reconciles every 2 s, so ask as often.
  const confirming = state.phase === 'confirming';
  useEffect(() => {
    if (!confirming) return;
    const timer = setInterval(reloadOrder, CONFIRMING_POLL_MS);
    return () => clearInterval(timer);
  }, [confirming, reloadOrder]);

  // USDT: the server builds the jetton transfer from the customer's own jetton wallet (docs/api.md,
  // POST /api/orders/:id/payment-request); it is sent exactly as answered, and its BOC goes to the shop as TON's does.
  const payInAsset = useCallback(
    async (send: SendTransaction, asset: PaymentAsset, wallet: string | null) => {
      dispatch({ type: 'pay' });
      let answer: PaymentRequest;
      try {
        answer = await api.call<PaymentRequest>(`/api/orders/${encodeURIComponent(orderRef.current.id)}/payment-request`, {
          method: 'POST',
          body: { asset, ...(wallet && { wallet }) },
          auth: true,
        });
      } catch (error) {
        dispatch({ type: 'walletFailed', failure: paymentRequestFailure(error, asset) });
        return;
      }
      dispatch({ type: 'intentReady' });
      try {
        const { boc } = await send(answer.request);
        dispatch({ type: 'walletSigned', boc });
      } catch (error) {
        dispatch(walletErrorEvent(error));
      }
    },
    [api],
  );

  const pay = useCallback(
    async (send: SendTransaction, inAsset?: { asset: PaymentAsset; wallet: string | null }) => {
      if (inAsset && inAsset.asset !== 'TON') {
        await payInAsset(send, inAsset.asset, inAsset.wallet);
        return;
      }
      dispatch({ type: 'pay' });
      let intent = orderRef.current.payment;
      if (!intent || intentNeedsRefresh(intent, nowSeconds())) {
        try {
          const fresh = await api.getOrder(orderRef.current.id);
          acceptOrder(fresh);
          intent = fresh.payment;
        } catch (error) {
          dispatch({ type: 'walletFailed', failure: submissionFailure(error).failure });
          return;
        }
        // No intent: the order can no longer be paid (the 'order' event above usually says why already).
        if (!intent) {
          dispatch({ type: 'walletFailed', failure: { kind: 'notPayable' } });
          return;
        }
      }
      // A fiat order quoted in USDT only has no TON amount: nothing to sign in TON.
      const amountNano = intent.amountNano;
      if (amountNano === null) {
        dispatch({ type: 'walletFailed', failure: { kind: 'notPayable' } });
        return;
      }
      dispatch({ type: 'intentReady' });
      try {
        const { boc } = await send(buildTransactionRequest({ ...intent, amountNano }, nowSeconds()));
        dispatch({ type: 'walletSigned', boc });
      } catch (error) {
        dispatch(walletErrorEvent(error));
      }
    },
    [api, acceptOrder, payInAsset],
  );

  const retrySubmission = useCallback(() => dispatch({ type: 'retry' }), []);

  return { state, pay, retrySubmission };
}

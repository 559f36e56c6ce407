import type { OrderStatus, PaymentAsset } from '../../domain/types';

// The checkout's payment progress as a pure state machine. The order's status on the server is the
// truth (pending → confirming → paid, or back to pending when a submitted message can no longer land);
// the client adds only what the server cannot know yet: the wallet is open, the BOC is on its way.

/** Why the last attempt ended without a payment, shown on the "awaiting payment" screen. */
export type PaymentNotice = 'declined' | 'cancelled' | 'notLanded';

export type PaymentFailure =
  /** The wallet answered with an error other than a decline. */
  | { kind: 'wallet' }
  /** The connected wallet is on another network than the shop's. */
  | { kind: 'wrongNetwork' }
  /** The shop could not be reached, or failed, while recording a signed payment: it is worth retrying. */
  | { kind: 'network' }
  | { kind: 'server' }
  /** The order can no longer be paid (expired, paid meanwhile). */
  | { kind: 'notPayable' }
  /** The shop refused the signed transfer; `message` is the server's sentence for people. */
  | { kind: 'rejected'; message: string }
  /** The shop could not say what to send in `asset` (POST /api/orders/:id/payment-request); nothing was signed. */
  | { kind: 'asset'; problem: AssetProblem; asset: PaymentAsset };

/** Why a payment request in an asset failed: the server's codes ASSET_NOT_ACCEPTED, ASSET_NOT_QUOTED, USDT_UNAVAILABLE, CHAIN_UNAVAILABLE. */
export type AssetProblem = 'notAccepted' | 'notQuoted' | 'usdtUnavailable' | 'chainUnavailable';

export type PaymentState =
  | { phase: 'idle'; notice: PaymentNotice | null; seenAt: string }
  /** Fetching a fresh payment intent before asking the wallet. */
  | { phase: 'preparing'; seenAt: string }
  | { phase: 'awaitingWallet'; seenAt: string }
  /** The wallet signed and sent; the BOC is on its way to the shop. */
  | { phase: 'submitting'; boc: string; seenAt: string }
  | { phase: 'confirming'; sinceMs: number; seenAt: string }
  | { phase: 'paid'; seenAt: string }
  /** `boc` is kept when the wallet already sent the payment: retrying re-submits it, never pays again. */
  | { phase: 'failed'; failure: PaymentFailure; boc: string | null; seenAt: string }
  /** Expired or cancelled: nothing to pay any more. */
  | { phase: 'closed'; seenAt: string };

export type PaymentPhase = PaymentState['phase'];

export type PaymentEvent =
  | { type: 'pay' }
  | { type: 'intentReady' }
  | { type: 'walletSigned'; boc: string }
  | { type: 'walletDeclined' }
  | { type: 'walletCancelled' }
  /** The attempt ended before the wallet sent anything: a wallet error, or the shop unreachable. */
  | { type: 'walletFailed'; failure: PaymentFailure }
  /** A stored BOC from an earlier visit is being handed to the shop again. */
  | { type: 'resubmit'; boc: string }
  | { type: 'submitFailed'; failure: PaymentFailure; boc: string | null }
  | { type: 'retry' }
  /** The order as the server reports it (a poll, or the answer to the submission). */
  | { type: 'order'; status: OrderStatus; updatedAt: string | undefined; nowMs: number };

const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'shipped', 'ready_for_pickup', 'completed']);

/** The state for an order as the server reports it, e.g. when a person comes back to it. */
export function initialPaymentState(status: OrderStatus, updatedAt: string | undefined, nowMs: number): PaymentState {
  const seenAt = updatedAt ?? '';
  if (PAID_STATUSES.has(status)) return { phase: 'paid', seenAt };
  if (status === 'confirming') return { phase: 'confirming', sinceMs: nowMs, seenAt };
  if (status === 'pending') return { phase: 'idle', notice: null, seenAt };
  return { phase: 'closed', seenAt };
}

/** The next state; an event that makes no sense in the current state leaves it unchanged. */
export function paymentReducer(state: PaymentState, event: PaymentEvent): PaymentState {
  const { seenAt } = state;
  switch (event.type) {
    case 'pay':
      return state.phase === 'idle' || (state.phase === 'failed' && state.boc === null) ? { phase: 'preparing', seenAt } : state;
    case 'intentReady':
      return state.phase === 'preparing' ? { phase: 'awaitingWallet', seenAt } : state;
    case 'walletSigned':
      return state.phase === 'awaitingWallet' ? { phase: 'submitting', boc: event.boc, seenAt } : state;
    case 'walletDeclined':
    case 'walletCancelled':
      return isAskingWallet(state) ? { phase: 'idle', notice: event.type === 'walletDeclined' ? 'declined' : 'cancelled', seenAt } : state;
    case 'walletFailed':
      return isAskingWallet(state) ? { phase: 'failed', failure: event.failure, boc: null, seenAt } : state;
    case 'resubmit':
      return state.phase === 'idle' ? { phase: 'submitting', boc: event.boc, seenAt } : state;
    case 'submitFailed':
      return state.phase === 'submitting' ? { phase: 'failed', failure: event.failure, boc: event.boc, seenAt } : state;
    case 'retry':
      // Only a payment the wallet already sent is retried here; otherwise retrying is paying ('pay').
      return state.phase === 'failed' && state.boc !== null ? { phase: 'submitting', boc: state.boc, seenAt } : state;
    case 'order':
      return applyOrderStatus(state, event);
  }
}

function isAskingWallet(state: PaymentState): boolean {
  return state.phase === 'preparing' || state.phase === 'awaitingWallet';
}

function applyOrderStatus(state: PaymentState, event: Extract<PaymentEvent, { type: 'order' }>): PaymentState {
  // An answer older than one already seen (a poll that left before the submission) says nothing new.
  if (event.updatedAt !== undefined && event.updatedAt < state.seenAt) return state;
  const seenAt = event.updatedAt ?? state.seenAt;
  const { status } = event;
  if (PAID_STATUSES.has(status)) return { phase: 'paid', seenAt };
  if (status === 'expired' || status === 'cancelled') return { phase: 'closed', seenAt };
  if (status === 'confirming') {
    if (state.phase === 'confirming') return { ...state, seenAt };
    // The wallet is still open in this tab, yet a payment is confirming (another tab, or the wallet
    // sent it after all): follow the server.
    return { phase: 'confirming', sinceMs: event.nowMs, seenAt };
  }
  // Pending again after confirming: the submitted message can no longer land.
  if (state.phase === 'confirming') return { phase: 'idle', notice: 'notLanded', seenAt };
  if (state.phase === 'paid' || state.phase === 'closed') return { phase: 'idle', notice: null, seenAt };
  return { ...state, seenAt };
}

/** The four steps a person sees, and where the payment is among them. */
export const PAYMENT_STEPS = ['wallet', 'sent', 'confirming', 'paid'] as const;
export type PaymentStep = (typeof PAYMENT_STEPS)[number];

/** The step in progress (or reached, for paid); null when no payment is under way. */
export function currentStep(state: PaymentState): PaymentStep | null {
  switch (state.phase) {
    case 'preparing':
    case 'awaitingWallet':
      return 'wallet';
    case 'submitting':
      return 'sent';
    case 'confirming':
      return 'confirming';
    case 'paid':
      return 'paid';
    case 'idle':
    case 'failed':
    case 'closed':
      return null;
  }
}

/** Confirming for longer than this earns a "taking longer than usual" note. */
export const SLOW_CONFIRMATION_MS = 90_000;

/** How often to ask the server while a payment is in flight (the local server reconciles every 2 s). */
export const CONFIRMING_POLL_MS = 2_000;

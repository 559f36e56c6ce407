import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../src/domain/types';
import { currentStep, initialPaymentState, paymentReducer, type PaymentEvent, type PaymentState } from '../../../src/features/payment/payment-state';

const T0 = '2026-11-23T09:00:00.000Z';
const T1 = '2026-11-23T09:00:05.000Z';
const T2 = '2026-11-23T09:00:09.000Z';

const idle: PaymentState = { phase: 'idle', notice: null, seenAt: T0 };
const preparing: PaymentState = { phase: 'preparing', seenAt: T0 };
const awaitingWallet: PaymentState = { phase: 'awaitingWallet', seenAt: T0 };
const submitting: PaymentState = { phase: 'submitting', boc: 'te6boc', seenAt: T0 };
const confirming: PaymentState = { phase: 'confirming', sinceMs: 1_000, seenAt: T1 };
const paid: PaymentState = { phase: 'paid', seenAt: T2 };
const failedSent: PaymentState = { phase: 'failed', failure: { kind: 'network' }, boc: 'te6boc', seenAt: T0 };
const failedUnsent: PaymentState = { phase: 'failed', failure: { kind: 'wallet' }, boc: null, seenAt: T0 };

const order = (status: OrderStatus, updatedAt: string | undefined = T1): PaymentEvent => ({ type: 'order', status, updatedAt, nowMs: 5_000 });

function run(state: PaymentState, ...events: PaymentEvent[]): PaymentState {
  return events.reduce(paymentReducer, state);
}

describe('initialPaymentState: resuming the right view when the person comes back to an order', () => {
  it.each<[OrderStatus, PaymentState['phase']]>([
    ['pending', 'idle'],
    ['confirming', 'confirming'],
    ['paid', 'paid'],
    ['shipped', 'paid'],
    ['ready_for_pickup', 'paid'],
    ['completed', 'paid'],
    ['expired', 'closed'],
    ['cancelled', 'closed'],
  ])('an order %s opens on %s', (status, phase) => {
    expect(initialPaymentState(status, T0, 0).phase).toBe(phase);
  });
});

describe('paymentReducer: a payment that goes through', () => {
  it('walks waiting for wallet → sent → confirming → paid', () => {
    const steps: Array<[PaymentEvent, PaymentState['phase']]> = [
      [{ type: 'pay' }, 'preparing'],
      [{ type: 'intentReady' }, 'awaitingWallet'],
      [{ type: 'walletSigned', boc: 'te6boc' }, 'submitting'],
      [order('confirming', T1), 'confirming'],
      [order('paid', T2), 'paid'],
    ];
    let state: PaymentState = idle;
    for (const [event, phase] of steps) {
      state = paymentReducer(state, event);
      expect(state.phase, event.type).toBe(phase);
    }
  });
  it('goes straight to paid when the shop answers the submission with a paid order', () => {
    expect(run(submitting, order('paid', T1)).phase).toBe('paid');
  });
  it('keeps the signed BOC while it is on its way to the shop', () => {
    expect(run(awaitingWallet, { type: 'walletSigned', boc: 'te6xyz' })).toMatchObject({ phase: 'submitting', boc: 'te6xyz' });
  });
});

describe('paymentReducer: the wallet says no', () => {
  it('returns to awaiting payment with a "declined" notice when the person declines in the wallet', () => {
    expect(run(awaitingWallet, { type: 'walletDeclined' })).toEqual({ phase: 'idle', notice: 'declined', seenAt: T0 });
  });
  it('returns to awaiting payment with a "cancelled" notice when TON Connect’s modal is closed', () => {
    expect(run(awaitingWallet, { type: 'walletCancelled' })).toMatchObject({ phase: 'idle', notice: 'cancelled' });
  });
  it('shows a failure with nothing to re-submit when the wallet fails otherwise', () => {
    expect(run(awaitingWallet, { type: 'walletFailed', failure: { kind: 'wrongNetwork' } })).toEqual({
      phase: 'failed',
      failure: { kind: 'wrongNetwork' },
      boc: null,
      seenAt: T0,
    });
  });
  it('fails while preparing when the shop cannot give a fresh intent', () => {
    expect(run(preparing, { type: 'walletFailed', failure: { kind: 'network' } }).phase).toBe('failed');
  });
  it('ignores a late wallet answer once the payment moved on', () => {
    expect(run(confirming, { type: 'walletDeclined' })).toBe(confirming);
    expect(run(paid, { type: 'walletFailed', failure: { kind: 'wallet' } })).toBe(paid);
  });
  it('lets the person pay again after a failure where the wallet sent nothing', () => {
    expect(run(failedUnsent, { type: 'pay' }).phase).toBe('preparing');
  });
  it('clears the last notice when the person pays again', () => {
    expect(run({ ...idle, notice: 'declined' }, { type: 'pay' })).toEqual({ phase: 'preparing', seenAt: T0 });
  });
});

describe('paymentReducer: the shop cannot record a sent payment', () => {
  it('keeps the BOC on a network failure, and retrying re-submits it instead of paying again', () => {
    const failed = run(submitting, { type: 'submitFailed', failure: { kind: 'network' }, boc: 'te6boc' });
    expect(failed).toEqual(failedSent);
    expect(run(failed, { type: 'retry' })).toEqual(submitting);
    expect(run(failed, { type: 'pay' }), 'never asks the wallet to pay twice').toBe(failed);
  });
  it('does nothing on retry when there is nothing to re-submit', () => {
    expect(run(failedUnsent, { type: 'retry' })).toBe(failedUnsent);
  });
  it('re-submits a BOC stored by an earlier visit only from awaiting payment', () => {
    expect(run(idle, { type: 'resubmit', boc: 'te6old' })).toMatchObject({ phase: 'submitting', boc: 'te6old' });
    expect(run(confirming, { type: 'resubmit', boc: 'te6old' })).toBe(confirming);
  });
});

describe('paymentReducer: following the order on the server', () => {
  it('returns to awaiting payment with a "not landed" notice when a confirming order is pending again', () => {
    expect(run(confirming, order('pending', T2))).toEqual({ phase: 'idle', notice: 'notLanded', seenAt: T2 });
  });
  it('ignores an answer older than one already seen (a poll that left before the submission)', () => {
    expect(run(confirming, order('pending', T0))).toBe(confirming);
  });
  it('follows a payment confirming elsewhere (another tab) even while this tab waits for the wallet', () => {
    expect(run(awaitingWallet, order('confirming', T1))).toMatchObject({ phase: 'confirming', sinceMs: 5_000 });
  });
  it('keeps the time confirming started across polls', () => {
    expect(run(confirming, order('confirming', T2))).toEqual({ ...confirming, seenAt: T2 });
  });
  it('closes when the order expires or is cancelled', () => {
    expect(run(awaitingWallet, order('expired', T1)).phase).toBe('closed');
    expect(run(idle, order('cancelled', T1)).phase).toBe('closed');
  });
  it('does not disturb the wallet step while the order is still pending', () => {
    expect(run(awaitingWallet, order('pending', T1))).toEqual({ ...awaitingWallet, seenAt: T1 });
  });
  it('accepts answers without updatedAt (older servers)', () => {
    expect(run(confirming, order('paid', undefined)).phase).toBe('paid');
  });
});

describe('currentStep', () => {
  it.each<[PaymentState, string | null]>([
    [idle, null],
    [preparing, 'wallet'],
    [awaitingWallet, 'wallet'],
    [submitting, 'sent'],
    [confirming, 'confirming'],
    [paid, 'paid'],
    [failedSent, null],
  ])('%o shows step %s', (state, step) => {
    expect(currentStep(state)).toBe(step);
  });
});

import { useEffect, useState } from 'react';
import { tOrder } from '../../i18n/orders-i18n';
import type { OrdersMessageKey } from '../../i18n/en-orders';
import { currentStep, PAYMENT_STEPS, SLOW_CONFIRMATION_MS, type PaymentState, type PaymentStep } from './payment-state';

const STEP_LABELS: Record<PaymentStep, OrdersMessageKey> = {
  wallet: 'payment.step.wallet',
  sent: 'payment.step.sent',
  confirming: 'payment.step.confirming',
  paid: 'payment.step.paid',
};

/** True once `sinceMs + afterMs` has passed; re-renders then, and only then. */
function useElapsed(sinceMs: number | null, afterMs: number): boolean {
  const [now, setNow] = useState(() => Date.now());
  const due = sinceMs === null ? null : sinceMs + afterMs;
  useEffect(() => {
    if (due === null || now >= due) return;
    const timer = setTimeout(() => setNow(Date.now()), due - now);
    return () => clearTimeout(timer);
  }, [due, now]);
  return due !== null && now >= due;
}

/** What is happening now, under the steps. */
function hintFor(state: PaymentState, slow: boolean): string | null {
  switch (state.phase) {
    case 'preparing':
      return tOrder('payment.preparing');
    case 'awaitingWallet':
      return tOrder('payment.walletHint');
    case 'submitting':
      return tOrder('payment.recording');
    case 'confirming':
      return tOrder(slow ? 'payment.confirmingSlow' : 'payment.confirmingHint');
    default:
      return null;
  }
}

/** Waiting for wallet → sent → confirming on-chain → paid, with the step in progress marked. */
export function PaymentProgress({ state }: { state: PaymentState }) {
  const step = currentStep(state);
  const slow = useElapsed(state.phase === 'confirming' ? state.sinceMs : null, SLOW_CONFIRMATION_MS);
  if (step === null) return null;
  const at = PAYMENT_STEPS.indexOf(step);
  const hint = hintFor(state, slow);
  return (
    <div className="payment-progress" data-testid="payment-progress" data-step={step}>
      {step === 'paid' && <p className="payment-progress__title">{tOrder('payment.paidTitle')}</p>}
      <ol className="payment-steps">
        {PAYMENT_STEPS.map((name, i) => {
          // The last step is done when reached; any other step is in progress while it is the current one.
          const status = i < at || (i === at && name === 'paid') ? 'done' : i === at ? 'active' : 'todo';
          return (
            <li key={name} className={`payment-step payment-step--${status}`} data-status={status} aria-current={status === 'active' ? 'step' : undefined}>
              <span className="payment-step__mark" aria-hidden="true">
                {status === 'done' ? '✓' : status === 'active' ? <span className="spinner" /> : ''}
              </span>
              {tOrder(STEP_LABELS[name])}
            </li>
          );
        })}
      </ol>
      {hint && (
        <p className="hint" role="status" aria-live="polite">
          {hint}
        </p>
      )}
    </div>
  );
}

import { lazy, Suspense, useMemo, useState } from 'react';
import type { Order } from '../domain/types';
import { currentLocale } from '../i18n/i18n';
import { tOrder } from '../i18n/orders-i18n';
import { usePlatform } from '../platform/services';
import { ErrorBoundary } from '../ui/error-boundary';

const loadPayment = () => import('../features/payment/payment-panel');

/** The lazily loaded payment card of a checkout; a failed chunk download can be retried. */
export function PaymentSlot({ order }: { order: Order }) {
  const platform = usePlatform();
  const [attempt, setAttempt] = useState(0);
  // React.lazy caches a rejected import; a new lazy() per attempt downloads again.
  const PaymentPanel = useMemo(() => lazy(loadPayment), [attempt]);
  return (
    <ErrorBoundary
      key={attempt}
      fallback={() => (
        <div className="card inline-error" role="alert">
          <span>{tOrder('payment.loadFailed')}</span>
          <button type="button" className="button button--small" data-testid="retry" onClick={() => setAttempt((n) => n + 1)}>
            {tOrder('payment.retry')}
          </button>
        </div>
      )}
    >
      <Suspense
        fallback={
          <div className="card" aria-busy="true">
            <p className="hint">{tOrder('payment.loading')}</p>
          </div>
        }
      >
        <PaymentPanel order={order} colorScheme={platform.colorScheme} language={currentLocale()} />
      </Suspense>
    </ErrorBoundary>
  );
}

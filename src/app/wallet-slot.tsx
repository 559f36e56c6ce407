import { lazy, Suspense, useMemo, useState } from 'react';
import { currentLocale, t } from '../i18n/i18n';
import { usePlatform } from '../platform/services';
import { ErrorBoundary } from '../ui/error-boundary';

const loadPayment = () => import('../features/payment/connect-wallet');

/** The lazily loaded wallet connection; a failed chunk download can be retried. */
export function WalletSlot() {
  const platform = usePlatform();
  const [attempt, setAttempt] = useState(0);
  // React.lazy caches a rejected import; a new lazy() per attempt downloads again.
  const ConnectWallet = useMemo(() => lazy(loadPayment), [attempt]);
  return (
    <ErrorBoundary
      key={attempt}
      fallback={() => (
        <div className="inline-error" role="alert">
          <span>{t('checkout.walletLoadFailed')}</span>
          <button type="button" className="button button--small" data-testid="retry" onClick={() => setAttempt((n) => n + 1)}>
            {t('error.retry')}
          </button>
        </div>
      )}
    >
      <Suspense
        fallback={
          <button type="button" className="button button--primary button--block" disabled aria-busy="true">
            {t('checkout.walletLoading')}
          </button>
        }
      >
        <ConnectWallet colorScheme={platform.colorScheme} language={currentLocale()} />
      </Suspense>
    </ErrorBoundary>
  );
}

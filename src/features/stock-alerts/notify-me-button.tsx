import { useState } from 'react';
import { tCheckout } from '../../i18n/checkout-i18n';
import { ApiError } from '../../platform/api-client';
import { isWebMode } from '../../platform/platform';
import { resourceKeys } from '../../platform/resource-keys';
import { useApi, usePlatform, useResourceCache } from '../../platform/services';
import { useSignedIn } from '../../platform/web-session';
import { STOCK_ALERTS_KEY, subscribeToStock, unsubscribeFromStock, useStockAlerts, type StockAlert } from './api';

type Notice = 'failed' | 'noChat' | 'inStock' | null;

/**
 * "Notify me" on a sold-out variant: one tap asks for one message from the bot when it is on sale
 * again ("We'll tell you"), another takes that back. Inside Telegram the customer is signed in by the
 * Mini App's launch; on the web a visitor who is not is sent to sign in by the tap itself.
 */
export function NotifyMeButton({ slug, variantId }: { slug: string; variantId: string }) {
  const api = useApi();
  const platform = usePlatform();
  const cache = useResourceCache();
  const webSignedIn = useSignedIn();
  const signedIn = !isWebMode(platform) || webSignedIn;
  const alerts = useStockAlerts(signedIn);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  if (signedIn && alerts.data === undefined && alerts.error !== undefined) {
    return (
      <div className="notify-me" data-testid="notify-me-error" role="alert">
        <span className="notify-me__hint">{tCheckout('stockAlert.loadFailed')}</span>
        <button type="button" className="button button--small" onClick={alerts.reload}>
          {tCheckout('stockAlert.retry')}
        </button>
      </div>
    );
  }
  const loading = signedIn && alerts.data === undefined;
  const current = alerts.data ?? [];
  const on = current.some((alert) => alert.variantId === variantId);

  async function toggle() {
    setBusy(true);
    setNotice(null);
    try {
      if (on) {
        await unsubscribeFromStock(api, variantId);
        cache.set<StockAlert[]>(
          STOCK_ALERTS_KEY,
          current.filter((alert) => alert.variantId !== variantId),
        );
      } else {
        const alert = await subscribeToStock(api, variantId);
        cache.set<StockAlert[]>(STOCK_ALERTS_KEY, [...current, alert]);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SIGN_IN_REQUIRED') return; // on its way to sign in
      if (error instanceof ApiError && error.code === 'VARIANT_IN_STOCK') {
        // It came back while the page was open: show it as it is now.
        setNotice('inStock');
        cache.invalidate(resourceKeys.product(slug));
      } else setNotice(error instanceof ApiError && error.code === 'NO_TELEGRAM_CHAT' ? 'noChat' : 'failed');
    } finally {
      setBusy(false);
    }
  }

  const hint =
    notice === 'failed'
      ? tCheckout('stockAlert.failed')
      : notice === 'noChat'
        ? tCheckout('stockAlert.noChat')
        : notice === 'inStock'
          ? tCheckout('stockAlert.inStock')
          : on
            ? tCheckout('stockAlert.onHint')
            : tCheckout('stockAlert.offHint');
  return (
    <div className="notify-me">
      <button
        type="button"
        className={`button button--small notify-me__button${on ? ' notify-me__button--on' : ''}`}
        data-testid="notify-me"
        aria-pressed={on}
        aria-busy={loading || busy}
        disabled={loading || busy}
        onClick={() => void toggle()}
      >
        {on ? tCheckout('stockAlert.on') : tCheckout('stockAlert.notifyMe')}
      </button>
      <span className="notify-me__hint" data-testid="notify-me-hint" aria-live="polite" role={notice === 'failed' ? 'alert' : undefined}>
        {hint}
      </span>
    </div>
  );
}

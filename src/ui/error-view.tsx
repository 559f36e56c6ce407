import { t } from '../i18n/i18n';
import { navigate } from '../platform/router';
import { usePlatform } from '../platform/services';
import { describeError } from './describe-error';

/** A failed load or action: what happened, and one button that helps. */
export function ErrorView({
  error,
  onRetry,
  compact = false,
  title: titleOverride,
}: {
  error: unknown;
  /** Replaces the generic title, e.g. "We couldn't place the order". */
  title?: string;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const platform = usePlatform();
  const described = describeError(error);
  const { message, action } = described;
  const title = action === 'reopen' ? described.title : (titleOverride ?? described.title);
  return (
    <section data-testid="error-view" role="alert" className={`error-view ${compact ? 'error-view--compact' : ''}`}>
      <h2 className="error-view__title">{title}</h2>
      <p className="error-view__message">{message}</p>
      {action === 'reopen' && (
        <button type="button" className="button button--primary" data-testid="reopen" onClick={() => platform.closeOrReload()}>
          {platform.insideTelegram ? t('error.reopen') : t('error.reload')}
        </button>
      )}
      {action === 'retry' && onRetry && (
        <button type="button" className="button button--primary" data-testid="retry" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
      {action === 'home' && (
        <button type="button" className="button button--primary" onClick={() => navigate('/')}>
          {t('nav.home')}
        </button>
      )}
    </section>
  );
}

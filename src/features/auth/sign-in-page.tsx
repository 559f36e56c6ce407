import { useMemo, useState } from 'react';
import { WalletProofCancelledError, type RequestWalletProof } from '../../domain/wallet-proof';
import { tAuth } from '../../i18n/auth-i18n';
import { currentLocale } from '../../i18n/i18n';
import { navigate, useLocation } from '../../platform/router';
import { useApi, useResourceCache } from '../../platform/services';
import { useResource } from '../../platform/use-resource';
import { readSignedIn, setSignedIn } from '../../platform/web-session';
import { ErrorView } from '../../ui/error-view';
import { Link } from '../../ui/link';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { createAuthApi, safeNextPath, type AuthConfig, type TelegramWidgetUser } from './auth-api';
import { AuthFailure } from './auth-failure';
import { forgetPersonalData } from './personal-data';
import { SignInMethod } from './sign-in-method';
import { TelegramLoginButton } from './telegram-login-button';
import './auth.css';

type Busy = 'telegram' | 'wallet' | null;

/**
 * The web's sign-in: Telegram's Login Widget (when the shop has a bot of its own) or a TON wallet's
 * ton_proof. Afterwards it returns to `?next=` (the checkout, the orders …), replacing itself in history.
 */
export function SignInPage({ requestWalletProof }: { requestWalletProof: RequestWalletProof }) {
  const api = useApi();
  const cache = useResourceCache();
  const auth = useMemo(() => createAuthApi(api), [api]);
  const { search } = useLocation();
  const query = new URLSearchParams(search);
  const next = safeNextPath(query.get('next'));
  const config = useResource<AuthConfig>('auth-config', auth.config, { staleMs: 5 * 60_000 });
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [widgetUnavailable, setWidgetUnavailable] = useState(false);

  async function run(kind: Exclude<Busy, null>, signIn: () => Promise<unknown>) {
    setBusy(kind);
    setFailure(null);
    try {
      await signIn();
      forgetPersonalData(cache);
      setSignedIn(true);
      navigate(next, { replace: true });
    } catch (error) {
      if (!(error instanceof WalletProofCancelledError)) setFailure(error);
      setBusy(null);
    }
  }

  const signInWithTelegram = (user: TelegramWidgetUser) => void run('telegram', () => auth.signInWithTelegram(user));
  const signInWithWallet = (network: AuthConfig['tonNetwork']) =>
    void run('wallet', async () => {
      const { payload } = await auth.tonProofPayload();
      await auth.signInWithWallet(await requestWalletProof(payload, network));
    });

  let methods;
  if (!config.data) {
    methods =
      config.error !== undefined ? (
        <ErrorView error={config.error} onRetry={config.reload} />
      ) : (
        <Skeleton label={tAuth('signIn.title')}>
          <SkeletonBlock className="skeleton-block--card" />
        </Skeleton>
      );
  } else {
    const { telegramLogin, tonNetwork } = config.data;
    methods = (
      <>
        {telegramLogin && (
          <SignInMethod id="sign-in-telegram" title={tAuth('signIn.telegramTitle')} hint={tAuth('signIn.telegramHint')}>
            {widgetUnavailable ? (
              <p className="inline-error" role="alert" data-testid="telegram-login-unavailable">
                {tAuth('signIn.telegramUnavailable')}
              </p>
            ) : (
              <TelegramLoginButton
                botUsername={telegramLogin.botUsername}
                language={currentLocale()}
                title={tAuth('signIn.telegramButton')}
                onAuth={signInWithTelegram}
                onUnavailable={() => setWidgetUnavailable(true)}
              />
            )}
          </SignInMethod>
        )}
        <SignInMethod id="sign-in-wallet" title={tAuth('signIn.walletTitle')} hint={tAuth('signIn.walletHint')}>
          <button
            type="button"
            className="button button--primary button--block"
            data-testid="wallet-sign-in"
            disabled={busy !== null}
            aria-busy={busy === 'wallet' || undefined}
            onClick={() => signInWithWallet(tonNetwork)}
          >
            {busy === 'wallet' && <span className="spinner" aria-hidden="true" />}
            {busy === 'wallet' ? tAuth('signIn.walletBusy') : tAuth('signIn.walletButton')}
          </button>
        </SignInMethod>
      </>
    );
  }

  return (
    <main className="screen" data-testid="sign-in-page">
      <h1 className="screen__title">{tAuth('signIn.title')}</h1>
      <p className={query.get('ended') === '1' ? 'sign-in-note sign-in-note--ended' : 'hint'} data-testid="sign-in-reason">
        {query.get('ended') === '1' ? tAuth('signIn.ended') : tAuth('signIn.intro')}
      </p>
      {readSignedIn() && (
        <p className="hint">
          {tAuth('signIn.alreadySignedIn')}{' '}
          <Link to="/account" className="text-link">
            {tAuth('account.title')}
          </Link>
        </p>
      )}
      {busy === 'telegram' && (
        <p role="status" className="hint">
          {tAuth('signIn.signingIn')}
        </p>
      )}
      {failure !== null && <AuthFailure title={tAuth('signIn.failed')} error={failure} />}
      {methods}
    </main>
  );
}

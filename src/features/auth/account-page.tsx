import { useMemo, useState } from 'react';
import { WalletProofCancelledError, type RequestWalletProof } from '../../domain/wallet-proof';
import { tAuth } from '../../i18n/auth-i18n';
import { currentLocale } from '../../i18n/i18n';
import { forgetPushSubscription } from '../../platform/push-subscription';
import { navigate } from '../../platform/router';
import { useApi, useResourceCache } from '../../platform/services';
import { shortenAddress } from '../../platform/ton-connect';
import { useResource } from '../../platform/use-resource';
import { setSignedIn } from '../../platform/web-session';
import { ErrorView } from '../../ui/error-view';
import { Link } from '../../ui/link';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { createAuthApi, type AuthConfig, type Customer, type Me, type TelegramWidgetUser } from './auth-api';
import { AuthFailure } from './auth-failure';
import { forgetPersonalData, ME_KEY } from './personal-data';
import { SignInMethod } from './sign-in-method';
import { TelegramLoginButton } from './telegram-login-button';
import './auth.css';

function displayName(customer: Customer): string {
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || (customer.walletAddress ? shortenAddress(customer.walletAddress, 6) : '');
}

/** Who is signed in, the identities linked to them (Telegram, a TON wallet), linking the other, signing out. */
export function AccountPage({ requestWalletProof }: { requestWalletProof: RequestWalletProof }) {
  const api = useApi();
  const cache = useResourceCache();
  const auth = useMemo(() => createAuthApi(api), [api]);
  const me = useResource<Me>(ME_KEY, auth.me, { staleMs: 0 });
  const config = useResource<AuthConfig>('auth-config', auth.config, { staleMs: 5 * 60_000 });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [linked, setLinked] = useState(false);

  async function link(attach: () => Promise<{ customer: Customer }>) {
    setBusy(true);
    setFailure(null);
    setLinked(false);
    try {
      await attach();
      setLinked(true);
      // Linking may merge another customer's orders into this one.
      forgetPersonalData(cache);
      me.reload();
    } catch (error) {
      if (!(error instanceof WalletProofCancelledError)) setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    // This browser stops getting this customer's order updates (Web Push) before the session ends.
    await forgetPushSubscription(window, api).catch(() => {});
    try {
      await auth.signOut();
    } catch {
      // Signed out here either way: the cookie may already be gone; the server drops dead sessions.
    }
    setSignedIn(false);
    forgetPersonalData(cache);
    navigate('/', { replace: true });
  }

  if (!me.data) {
    return (
      <main className="screen" data-testid="account-page">
        <h1 className="screen__title">{tAuth('account.title')}</h1>
        {me.error !== undefined ? (
          <ErrorView error={me.error} onRetry={me.reload} />
        ) : (
          <Skeleton label={tAuth('account.loading')}>
            <SkeletonBlock className="skeleton-block--card" />
          </Skeleton>
        )}
      </main>
    );
  }

  const { customer, via } = me.data;
  const telegramLogin = config.data?.telegramLogin ?? null;
  return (
    <main className="screen" data-testid="account-page" data-customer-id={customer.id}>
      <h1 className="screen__title">{tAuth('account.title')}</h1>
      <section className="card account-card" aria-labelledby="account-name">
        <h2 id="account-name" className="card__title" dir="auto" data-testid="account-name">
          {displayName(customer)}
        </h2>
        <dl className="account-identities">
          <dt>{tAuth('account.telegram')}</dt>
          <dd data-testid="account-telegram" dir={customer.telegramId !== null ? 'ltr' : undefined}>
            {customer.telegramId === null
              ? tAuth('account.notLinked')
              : customer.username
                ? `@${customer.username}`
                : tAuth('account.telegramId', { id: String(customer.telegramId) })}
          </dd>
          <dt>{tAuth('account.wallet')}</dt>
          <dd data-testid="account-wallet" dir={customer.walletAddress ? 'ltr' : undefined} title={customer.walletAddress ?? undefined}>
            {customer.walletAddress ? shortenAddress(customer.walletAddress, 6) : tAuth('account.notLinked')}
          </dd>
        </dl>
        {via === 'mini-app' && <p className="hint">{tAuth('account.viaMiniApp')}</p>}
      </section>

      {linked && (
        <p className="account-linked" role="status" data-testid="account-linked">
          {tAuth('account.linked')}
        </p>
      )}
      {failure !== null && <AuthFailure title={tAuth('account.linkFailed')} error={failure} />}

      {customer.telegramId === null && telegramLogin && (
        <SignInMethod id="link-telegram" title={tAuth('account.telegram')} hint={tAuth('account.linkTelegramHint')}>
          <TelegramLoginButton
            botUsername={telegramLogin.botUsername}
            language={currentLocale()}
            title={tAuth('signIn.telegramButton')}
            onAuth={(user: TelegramWidgetUser) => void link(() => auth.linkTelegram(user))}
            onUnavailable={() => {}}
          />
        </SignInMethod>
      )}
      {customer.walletAddress === null && config.data && (
        <SignInMethod id="link-wallet" title={tAuth('account.wallet')} hint={tAuth('account.linkWalletHint')}>
          <button
            type="button"
            className="button button--block"
            data-testid="link-wallet"
            disabled={busy}
            onClick={() => {
              const network = config.data!.tonNetwork;
              void link(async () => {
                const { payload } = await auth.tonProofPayload();
                return auth.linkWallet(await requestWalletProof(payload, network));
              });
            }}
          >
            {tAuth('account.linkWallet')}
          </button>
        </SignInMethod>
      )}

      <div className="account-actions">
        <Link to="/orders" className="text-link">
          {tAuth('account.orders')}
        </Link>
        {via === 'session' && (
          <button type="button" className="button" data-testid="sign-out" disabled={busy} onClick={() => void signOut()}>
            {tAuth('account.signOut')}
          </button>
        )}
      </div>
    </main>
  );
}

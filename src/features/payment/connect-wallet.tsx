// Loaded lazily from the checkout screen: TON Connect is ~120 KB gzip and only this screen needs it.
// Paying arrives with the payments issue; for now the feature is connecting a wallet.
import {
  THEME,
  TonConnectUIProvider,
  useIsConnectionRestored,
  useTonAddress,
  useTonConnectUI,
  type Theme,
} from '@tonconnect/ui-react';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/i18n';
import { shortenAddress, tonConnectOptions } from '../../platform/ton-connect';
import { WalletIcon } from '../../ui/icons';

export interface ConnectWalletProps {
  /** Telegram's scheme when inside it; otherwise TON Connect follows the system. */
  colorScheme: 'light' | 'dark' | null;
  language: string;
}

// Where @tonconnect/sdk keeps a (pending or established) wallet session.
const SESSION_STORAGE_KEY = 'ton-connect-storage_bridge-connection';

function hasStoredSession(): boolean {
  try {
    return localStorage.getItem(SESSION_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

const THEMES: Record<'light' | 'dark', Theme> = { light: THEME.LIGHT, dark: THEME.DARK };

function ConnectButton({ onClick, busy = false }: { onClick: () => void; busy?: boolean }) {
  return (
    <button
      type="button"
      data-testid="connect-wallet"
      className="button button--primary button--block"
      disabled={busy}
      aria-busy={busy || undefined}
      onClick={onClick}
    >
      <WalletIcon />
      {t('wallet.connect')}
    </button>
  );
}

function WalletButton({ openOnMount }: { openOnMount: boolean }) {
  const [tonConnectUI] = useTonConnectUI();
  const address = useTonAddress();
  const restored = useIsConnectionRestored();
  const opened = useRef(false);

  useEffect(() => {
    if (!openOnMount || !restored || opened.current) return;
    opened.current = true;
    if (!tonConnectUI.connected) void tonConnectUI.openModal();
  }, [openOnMount, restored, tonConnectUI]);

  if (address) {
    return (
      <div className="wallet-connected" data-testid="wallet-connected">
        <span className="wallet-connected__address" dir="ltr">
          {t('wallet.connected', { address: shortenAddress(address) })}
        </span>
        <button type="button" className="button button--small" onClick={() => void tonConnectUI.disconnect()}>
          {t('wallet.disconnect')}
        </button>
      </div>
    );
  }
  return <ConnectButton busy={!restored} onClick={() => void tonConnectUI.openModal()} />;
}

/**
 * TON Connect starts only when needed: at once if a wallet session is stored (to restore it),
 * otherwise on the first tap. Until then the checkout makes no requests to the wallets registry
 * or the wallets' icon hosts, which is also what keeps a customer's visit private.
 */
export default function ConnectWallet({ colorScheme, language }: ConnectWalletProps) {
  const [started, setStarted] = useState(hasStoredSession);
  const [openOnMount, setOpenOnMount] = useState(false);
  if (!started) {
    return (
      <ConnectButton
        onClick={() => {
          setOpenOnMount(true);
          setStarted(true);
        }}
      />
    );
  }
  const { manifestUrl, analytics } = tonConnectOptions(window.location.origin);
  return (
    <TonConnectUIProvider
      manifestUrl={manifestUrl}
      analytics={analytics}
      language={language === 'ru' ? 'ru' : 'en'}
      uiPreferences={{ theme: colorScheme ? THEMES[colorScheme] : 'SYSTEM' }}
    >
      <WalletButton openOnMount={openOnMount} />
    </TonConnectUIProvider>
  );
}

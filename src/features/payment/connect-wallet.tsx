// Loaded lazily from the checkout screen: TON Connect is ~110 KB gzip and only this screen needs it.
// Paying arrives with the payments issue; for now the feature is connecting a wallet.
import {
  THEME,
  TonConnectUIProvider,
  useIsConnectionRestored,
  useTonAddress,
  useTonConnectUI,
  type Theme,
} from '@tonconnect/ui-react';
import { t } from '../../i18n/i18n';
import { shortenAddress, tonConnectOptions } from '../../platform/ton-connect';
import { WalletIcon } from '../../ui/icons';

export interface ConnectWalletProps {
  /** Telegram's scheme when inside it; otherwise TON Connect follows the system. */
  colorScheme: 'light' | 'dark' | null;
  language: string;
}

function WalletButton() {
  const [tonConnectUI] = useTonConnectUI();
  const address = useTonAddress();
  const restored = useIsConnectionRestored();

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
  return (
    <button
      type="button"
      data-testid="connect-wallet"
      className="button button--primary button--block"
      disabled={!restored}
      aria-busy={!restored || undefined}
      onClick={() => void tonConnectUI.openModal()}
    >
      <WalletIcon />
      {t('wallet.connect')}
    </button>
  );
}

const THEMES: Record<'light' | 'dark', Theme> = { light: THEME.LIGHT, dark: THEME.DARK };

export default function ConnectWallet({ colorScheme, language }: ConnectWalletProps) {
  const { manifestUrl, analytics } = tonConnectOptions(window.location.origin);
  return (
    <TonConnectUIProvider
      manifestUrl={manifestUrl}
      analytics={analytics}
      language={language === 'ru' ? 'ru' : 'en'}
      uiPreferences={{ theme: colorScheme ? THEMES[colorScheme] : 'SYSTEM' }}
    >
      <WalletButton />
    </TonConnectUIProvider>
  );
}

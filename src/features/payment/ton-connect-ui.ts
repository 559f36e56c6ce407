import { THEME, TonConnect, TonConnectUI, type ConnectedWallet, type UIWallet } from '@tonconnect/ui-react';
import type { TonNetwork } from '../../domain/types';
import { tonConnectOptions } from '../../platform/ton-connect';
import { chainFor } from './transaction-request';

// With TON_NETWORK=local no public wallet can reach the dev chain, so the remote wallets list is of no
// use, and fetching it offline ends in the SDK's console.error('[TON_CONNECT_SDK]', TypeError: Failed to
// fetch) before it falls back to its built-in list. An empty list as a data: URL costs no request; the
// dev wallet comes in through includeWallets.
const NO_REMOTE_WALLETS = 'data:application/json,[]';

// What the wallets modal's QR code shows on the dev chain. The modal asks the connector for an HTTP-bridge
// link to draw it, over the bridges of the listed wallets; with none listed, @tonconnect/sdk 3.4's
// BridgeProvider retries `waitForSome([], 1)` (a RangeError) forever, and rejects unhandled with
// "Aborted after attempts N" once the dev wallet connects. No mobile wallet can scan its way onto the
// dev chain anyway.
const NO_BRIDGE_LINK = 'tc://?v=2';

/** The dev chain's connector: no remote wallets, no HTTP bridge. */
function createDevChainConnector(manifestUrl: string, analytics: { mode: 'off' }): TonConnect {
  const connector = new TonConnect({ manifestUrl, analytics, walletsListSource: NO_REMOTE_WALLETS });
  const connect = connector.connect.bind(connector);
  connector.connect = ((wallet: Parameters<typeof connect>[0], ...rest: unknown[]) =>
    Array.isArray(wallet) && wallet.length === 0 ? NO_BRIDGE_LINK : (connect as (...args: unknown[]) => unknown)(wallet, ...rest)) as typeof connector.connect;
  return connector;
}

export interface TonConnectUiSettings {
  network: TonNetwork;
  origin: string;
  colorScheme: 'light' | 'dark' | null;
  language: string;
  /** The dev wallet's wallets-list entry (network 'local' only). */
  devWallet: (UIWallet & { jsBridgeKey: string }) | null;
}

// TON Connect UI is a singleton (it owns a widget root in <body> and the stored session); so is its
// React provider's instance. One per page, made on first use.
let instance: TonConnectUI | null = null;
let devWalletKey: string | null = null;

export function getTonConnectUI(settings: TonConnectUiSettings): TonConnectUI {
  if (instance) return instance;
  const { manifestUrl, analytics } = tonConnectOptions(settings.origin);
  const { devWallet } = settings;
  devWalletKey = devWallet?.jsBridgeKey ?? null;
  instance = new TonConnectUI({
    ...(settings.network === 'local' ? { connector: createDevChainConnector(manifestUrl, analytics) } : { manifestUrl, analytics }),
    language: settings.language === 'ru' ? 'ru' : 'en',
    uiPreferences: { theme: settings.colorScheme === 'dark' ? THEME.DARK : settings.colorScheme === 'light' ? THEME.LIGHT : 'SYSTEM' },
    ...(devWallet && { walletsListConfiguration: { includeWallets: [devWallet] } }),
    // Keep TON Connect's "confirm in your wallet" modal (its "open wallet" button is a real tap, which
    // Telegram's Android browser needs for deep links); our progress view replaces its toasts.
    actionsConfiguration: { modals: ['before'], notifications: [] },
  });
  // A wallet on another network is refused at connect time, not at the first payment.
  instance.setConnectionNetwork(chainFor(settings.network));
  return instance;
}

/**
 * TON Connect UI's phone layout (≤ 440 px wide, or a phone OS: @tonconnect/ui isDevice('mobile')) lists
 * only wallets with a mobile app and cannot open an injected one; the dev wallet is connected without
 * the modal there.
 */
export function isPhoneLayout(win: Window): boolean {
  return win.innerWidth <= 440 || /android|iphone|ipad|ipod/i.test(win.navigator.userAgent);
}

/**
 * Opens TON Connect's wallets modal, or on a phone-sized dev-chain page connects the dev wallet. A
 * ton_proof payload set with setConnectRequestParameters goes with either (`tonProof`, for the latter).
 */
export function openWalletConnection(ui: TonConnectUI, win: Window, tonProof?: string): Promise<void> {
  if (devWalletKey !== null && isPhoneLayout(win)) {
    ui.connector.connect({ jsBridgeKey: devWalletKey }, tonProof === undefined ? undefined : { tonProof });
    return Promise.resolve();
  }
  return ui.openModal();
}

/** Installs the dev wallet first when the shop runs on the local dev chain (its own small chunk). */
export async function prepareWallets(network: TonNetwork, win: Window): Promise<(UIWallet & { jsBridgeKey: string }) | null> {
  if (network !== 'local') return null;
  const { installDevWallet, devWalletListEntry } = await import('./dev-wallet/install-dev-wallet');
  installDevWallet(win);
  return devWalletListEntry(win.location.origin);
}

// Where @tonconnect/sdk keeps a (pending or established) wallet session, injected or remote.
const SESSION_STORAGE_KEY = 'ton-connect-storage_bridge-connection';

export function hasStoredWalletSession(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(SESSION_STORAGE_KEY) != null;
  } catch {
    return false;
  }
}

/**
 * The page's TON Connect UI for `network`, its wallets list ready and its stored session restored: what the
 * sign-in and the merchant's refund wallet ask for before they connect (the payment panel keeps its own
 * steps, as it shows each one).
 */
export async function restoredTonConnectUI(options: {
  network: TonNetwork;
  colorScheme: 'light' | 'dark' | null;
  language: string;
  win: Window;
}): Promise<TonConnectUI> {
  const { network, win } = options;
  const devWallet = await prepareWallets(network, win);
  const ui = getTonConnectUI({ network, origin: win.location.origin, colorScheme: options.colorScheme, language: options.language, devWallet });
  await ui.connectionRestored;
  return ui;
}

/**
 * The wallet the person connects next: resolves once TON Connect reports one, rejects with `cancelled()`
 * when they close the wallets list, or with TON Connect's own error. Call it before opening the list, so
 * no report is missed.
 */
export function nextConnectedWallet(ui: TonConnectUI, cancelled: () => Error): Promise<ConnectedWallet> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      stopStatus();
      stopModal();
    };
    const stopStatus = ui.onStatusChange(
      (wallet) => {
        if (!wallet) return;
        stop();
        resolve(wallet);
      },
      (error) => {
        stop();
        reject(error);
      },
    );
    const stopModal = ui.onModalStateChange((state) => {
      if (state.status === 'closed' && state.closeReason === 'action-cancelled') {
        stop();
        reject(cancelled());
      }
    });
  });
}

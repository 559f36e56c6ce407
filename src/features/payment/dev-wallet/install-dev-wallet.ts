// Loaded (as a chunk of its own) only when the shop's payment intent says network 'local': a shop on
// mainnet or testnet never downloads or installs the dev wallet, and never lists it.
import type { UIWallet } from '@tonconnect/ui-react';
import { askApproval } from './dev-wallet-approval';
import { createDevWalletBridge, DEV_WALLET_BRIDGE_KEY, DEV_WALLET_NAME, type TonConnectInjectedBridge } from './dev-wallet-bridge';

type DevWalletWindow = Window & { [DEV_WALLET_BRIDGE_KEY]?: { tonconnect: TonConnectInjectedBridge } };

/**
 * Puts the bridge at `window.bazaarDevWallet.tonconnect`, as an extension wallet would. Call it before
 * TON Connect UI starts: restoring a stored session looks the bridge up at once.
 */
export function installDevWallet(win: Window): void {
  const target = win as DevWalletWindow;
  if (target[DEV_WALLET_BRIDGE_KEY]) return;
  target[DEV_WALLET_BRIDGE_KEY] = {
    tonconnect: createDevWalletBridge({
      fetch: win.fetch.bind(win),
      storage: win.localStorage,
      origin: win.location.origin,
      approve: (transfer) => askApproval(win.document, transfer),
    }),
  };
}

/**
 * The wallets-list entry that makes TON Connect UI show the dev wallet: the SDK lists an injected
 * wallet only when the list names its jsBridgeKey (walletsListConfiguration.includeWallets).
 */
export function devWalletListEntry(origin: string): UIWallet & { jsBridgeKey: string } {
  return {
    appName: DEV_WALLET_BRIDGE_KEY,
    name: DEV_WALLET_NAME,
    imageUrl: `${origin}/icon-192.png`,
    aboutUrl: origin,
    jsBridgeKey: DEV_WALLET_BRIDGE_KEY,
    platforms: ['chrome', 'firefox', 'safari'],
  };
}

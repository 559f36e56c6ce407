// The merchant's wallet for refunds (admin), on the payment feature's TON Connect instance (one per page).
// Loaded lazily by app/merchant-wallet.ts the first time the admin connects a wallet.
import type { TonConnectUI } from '@tonconnect/ui-react';
import { WalletConnectionCancelledError, type MerchantWalletPort, type WalletTransaction } from '../../domain/merchant-wallet';
import type { TonNetwork } from '../../domain/types';
import { nextConnectedWallet, openWalletConnection, restoredTonConnectUI } from './ton-connect-ui';

export function createMerchantWallet(options: { colorScheme: 'light' | 'dark' | null; language: string; win: Window }): MerchantWalletPort {
  const { win } = options;
  const ready = (network: TonNetwork): Promise<TonConnectUI> => restoredTonConnectUI({ ...options, network });
  return {
    async connect(network) {
      const ui = await ready(network);
      if (ui.account) return ui.account.address;
      const connected = nextConnectedWallet(ui, () => new WalletConnectionCancelledError());
      await openWalletConnection(ui, win);
      return (await connected).account.address;
    },
    async disconnect(network) {
      const ui = await ready(network);
      if (ui.connected) await ui.disconnect();
    },
    async send(network, transaction: WalletTransaction) {
      const ui = await ready(network);
      const { boc } = await ui.sendTransaction({ ...transaction, messages: transaction.messages.map((m) => ({ ...m })) });
      return boc;
    },
  };
}

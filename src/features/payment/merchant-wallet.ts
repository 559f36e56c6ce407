// The merchant's wallet for refunds (admin), on the payment feature's TON Connect instance (one per page).
// Loaded lazily by app/merchant-wallet.ts the first time the admin connects a wallet.
import type { TonConnectUI } from '@tonconnect/ui-react';
import { WalletConnectionCancelledError, type MerchantWalletPort, type WalletTransaction } from '../../domain/merchant-wallet';
import type { TonNetwork } from '../../domain/types';
import { getTonConnectUI, openWalletConnection, prepareWallets } from './ton-connect-ui';

export function createMerchantWallet(options: { colorScheme: 'light' | 'dark' | null; language: string; win: Window }): MerchantWalletPort {
  const { win } = options;
  const ready = async (network: TonNetwork): Promise<TonConnectUI> => {
    const devWallet = await prepareWallets(network, win);
    const ui = getTonConnectUI({ network, origin: win.location.origin, colorScheme: options.colorScheme, language: options.language, devWallet });
    await ui.connectionRestored;
    return ui;
  };
  return {
    async connect(network) {
      const ui = await ready(network);
      if (ui.account) return ui.account.address;
      const connected = waitForAccount(ui);
      await openWalletConnection(ui, win);
      return connected;
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

function waitForAccount(ui: TonConnectUI): Promise<string> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      stopStatus();
      stopModal();
    };
    const stopStatus = ui.onStatusChange(
      (wallet) => {
        if (!wallet) return;
        stop();
        resolve(wallet.account.address);
      },
      (error) => {
        stop();
        reject(error);
      },
    );
    const stopModal = ui.onModalStateChange((state) => {
      if (state.status === 'closed' && state.closeReason === 'action-cancelled') {
        stop();
        reject(new WalletConnectionCancelledError());
      }
    });
  });
}

// Sign-in with a TON wallet, on the payment feature's TON Connect instance (one per page): connect with
// a ton_proof request and hand back what the wallet signed. Loaded lazily by the sign-in and account
// screens (app/wallet-proof.ts); the shop verifies the proof (POST /api/auth/ton-proof).
import type { TonConnectUI } from '@tonconnect/ui-react';
import type { TonNetwork } from '../../domain/types';
import { WalletProofCancelledError, WalletProofRefusedError, type WalletProof } from '../../domain/wallet-proof';
import { nextConnectedWallet, openWalletConnection, restoredTonConnectUI } from './ton-connect-ui';

export interface WalletProofOptions {
  payload: string;
  network: TonNetwork;
  colorScheme: 'light' | 'dark' | null;
  language: string;
  win: Window;
}

/**
 * Connects a wallet with `tonProof: payload` (TON Connect's connect request parameters, set before the
 * wallets list opens) and resolves with the account and its proof. A wallet connected before (for a
 * payment, say) is disconnected first: a proof comes only with a new connection.
 * Rejects with WalletProofCancelledError when the person closes the list.
 */
export async function requestWalletProof(options: WalletProofOptions): Promise<WalletProof> {
  const { payload, win } = options;
  const ui = await restoredTonConnectUI(options);
  if (ui.connected) await ui.disconnect();
  ui.setConnectRequestParameters({ state: 'ready', value: { tonProof: payload } });
  try {
    const proven = waitForProof(ui);
    await openWalletConnection(ui, win, payload);
    return await proven;
  } finally {
    // Later connections (a payment's) ask for no proof.
    ui.setConnectRequestParameters(null);
  }
}

async function waitForProof(ui: TonConnectUI): Promise<WalletProof> {
  const wallet = await nextConnectedWallet(ui, () => new WalletProofCancelledError());
  const item = wallet.connectItems?.tonProof;
  if (!item || !('proof' in item)) {
    // Connected, but without a proof the shop cannot sign anyone in: leave no half-done connection.
    void ui.disconnect().catch(() => {});
    throw new WalletProofRefusedError(item && 'error' in item ? (item.error.message ?? 'no proof') : 'no proof');
  }
  const { account } = wallet;
  return {
    address: account.address,
    network: account.chain,
    ...(account.publicKey && { publicKey: account.publicKey }),
    ...(account.walletStateInit && { walletStateInit: account.walletStateInit }),
    proof: item.proof,
  };
}

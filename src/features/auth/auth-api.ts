// The shop's sign-in and account routes (docs/api.md, Authentication), over the shared API client so the
// session cookie and the web's sign-in gate apply as for every other call.
import type { TonNetwork } from '../../domain/types';
import type { WalletProof } from '../../domain/wallet-proof';
import type { ApiClient } from '../../platform/api-client';

export interface Customer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  telegramId: string | null;
  /** Raw `0:<hex>`. */
  walletAddress: string | null;
  languageCode: string | null;
}

export interface Me {
  customer: Customer;
  via: 'mini-app' | 'session';
  isAdmin: boolean;
}

export interface AuthConfig {
  telegramLogin: { botUsername: string } | null;
  tonProof: boolean;
  tonNetwork: TonNetwork;
  /** Where the shop's bot lives; a messenger other than Telegram has its SDK loaded by the web page. */
  messenger?: { name: string; miniAppSdkUrl: string; verifiesLaunchData: boolean };
}

/** What the Login Widget's `data-onauth` callback received, passed on as is (every field is signed). */
export type TelegramWidgetUser = Record<string, string | number>;

/** The body of POST /api/auth/ton-proof (and its link twin), in the TON Connect demo backend's names. */
export function tonProofBody(wallet: WalletProof) {
  return {
    address: wallet.address,
    network: wallet.network,
    ...(wallet.publicKey && { public_key: wallet.publicKey }),
    proof: { ...wallet.proof, ...(wallet.walletStateInit && { state_init: wallet.walletStateInit }) },
  };
}

export function createAuthApi(api: ApiClient) {
  const post = <T>(path: string, body: unknown, auth = false) => api.call<T>(path, { method: 'POST', body, auth });
  return {
    config: () => api.call<AuthConfig>('/api/auth/config'),
    me: () => api.call<Me>('/api/me', { auth: true }),
    tonProofPayload: () => api.call<{ payload: string; expiresAt: string }>('/api/auth/ton-proof/payload'),
    signInWithTelegram: (user: TelegramWidgetUser) => post<{ customer: Customer }>('/api/auth/telegram-widget', user),
    signInWithWallet: (wallet: WalletProof) => post<{ customer: Customer }>('/api/auth/ton-proof', tonProofBody(wallet)),
    linkTelegram: (user: TelegramWidgetUser) => post<{ customer: Customer }>('/api/auth/link/telegram-widget', user, true),
    linkWallet: (wallet: WalletProof) => post<{ customer: Customer }>('/api/auth/link/ton-proof', tonProofBody(wallet), true),
    signOut: () => post<{ signedOut: true }>('/api/auth/logout', undefined),
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;

/** Where to go after signing in: a path of this shop from `?next=`, never another site or the sign-in itself. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/sign-in') ? '/' : next;
}

// The sign-in and account screens (features/auth) ask the payment feature, which owns TON Connect, for a
// wallet's ton_proof; features don't import each other, so they meet here. Loaded on first use only.
import type { RequestWalletProof } from '../domain/wallet-proof';
import { currentLocale } from '../i18n/i18n';
import type { Platform } from '../platform/platform';

export function walletProofRequester(platform: Platform): RequestWalletProof {
  return async (payload, network) => {
    const { requestWalletProof } = await import('../features/payment/wallet-proof');
    return requestWalletProof({ payload, network, colorScheme: platform.colorScheme, language: currentLocale(), win: window });
  };
}

// The admin's refunds (features/admin) sign in the merchant's wallet through the payment feature, which
// owns TON Connect; features don't import each other, so they meet here. Loaded on first use only.
import type { MerchantWalletPort } from '../domain/merchant-wallet';
import { currentLocale } from '../i18n/i18n';
import type { Platform } from '../platform/platform';

export function merchantWalletFor(platform: Platform): MerchantWalletPort {
  const load = async () => {
    const { createMerchantWallet } = await import('../features/payment/merchant-wallet');
    return createMerchantWallet({ colorScheme: platform.colorScheme, language: currentLocale(), win: window });
  };
  return {
    connect: async (network) => (await load()).connect(network),
    disconnect: async (network) => (await load()).disconnect(network),
    send: async (network, transaction) => (await load()).send(network, transaction),
  };
}

import { createContext, useContext } from 'react';
import type { MerchantWalletPort } from '../../../domain/merchant-wallet';

/** The merchant's wallet (TON Connect), put in by app/admin-screens.tsx; none in a screen rendered on its own. */
export const MerchantWalletContext = createContext<MerchantWalletPort | null>(null);

export const useMerchantWallet = (): MerchantWalletPort | null => useContext(MerchantWalletContext);

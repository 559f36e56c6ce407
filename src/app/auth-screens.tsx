import { useMemo } from 'react';
import { AccountPage } from '../features/auth/account-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { usePlatform } from '../platform/services';
import { walletProofRequester } from './wallet-proof';

/** The sign-in screen, with the payment feature's TON Connect for wallet sign-in (features meet in app/). */
export function SignInScreen() {
  const platform = usePlatform();
  const requestWalletProof = useMemo(() => walletProofRequester(platform), [platform]);
  return <SignInPage requestWalletProof={requestWalletProof} />;
}

export function AccountScreen() {
  const platform = usePlatform();
  const requestWalletProof = useMemo(() => walletProofRequester(platform), [platform]);
  return <AccountPage requestWalletProof={requestWalletProof} />;
}

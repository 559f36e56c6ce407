import { useMemo } from 'react';
import AdminApp from '../features/admin/shell/admin-app';
import { usePlatform } from '../platform/services';
import { merchantWalletFor } from './merchant-wallet';

/** The admin area, with the payment feature's TON Connect for refunds from the merchant's wallet (features meet in app/). */
export default function AdminScreens({ pathname }: { pathname: string }) {
  const platform = usePlatform();
  const merchantWallet = useMemo(() => merchantWalletFor(platform), [platform]);
  return <AdminApp pathname={pathname} merchantWallet={merchantWallet} />;
}

import { CheckoutPage } from '../features/checkout/checkout-page';
import { WalletSlot } from './wallet-slot';

/** The checkout with the (lazily loaded) payment feature in its wallet slot. */
export function CheckoutScreen({ orderId }: { orderId: string }) {
  return <CheckoutPage orderId={orderId} walletSlot={<WalletSlot />} />;
}

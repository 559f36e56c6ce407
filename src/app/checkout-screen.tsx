import { CheckoutPage } from '../features/checkout/checkout-page';
import { PaymentSlot } from './payment-slot';

/** The checkout with the (lazily loaded) payment feature in its payment slot. */
export function CheckoutScreen({ orderId }: { orderId: string }) {
  return <CheckoutPage orderId={orderId} paymentSlot={(order) => <PaymentSlot order={order} />} />;
}

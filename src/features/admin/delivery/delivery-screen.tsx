// The shop's delivery methods (issue #12): shipping zones, courier areas, pickup points, or nothing to
// send, edited as one list (delivery-editor.tsx) and saved with PUT /api/admin/delivery.
// Fees saved in another currency than the shop's (#13: PRICING_CURRENCY changed since) are not offered at
// checkout: the screen says so and asks for them again, showing the old amounts in their own currency.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { Resource } from '../../../platform/use-resource';
import { useShopCurrency } from '../common/shop-currency';
import { PendingView } from '../common/pending-view';
import { useDeliveryMethods } from './api';
import type { SavedDelivery } from './delivery-draft';
import { DeliveryEditor } from './delivery-editor';

export function DeliveryScreen() {
  const answer = useDeliveryMethods();
  if (!answer.data) return <PendingView resource={answer} label={tAdmin('admin.delivery.title')} />;
  // Fees are typed in the shop's pricing currency, which the answer names (an older server does not: then
  // the products answer says it, and the editor waits for it).
  const shop = answer.data.pricingCurrency;
  if (!shop) return <DeliveryInProductsCurrency initial={answer.data.delivery} pending={answer} />;
  return <DeliveryEditor initial={answer.data.delivery} currency={shop} />;
}

function DeliveryInProductsCurrency({ initial, pending }: { initial: SavedDelivery; pending: Resource<unknown> }) {
  const currency = useShopCurrency();
  if (!currency) return <PendingView resource={pending} label={tAdmin('admin.delivery.title')} />;
  return <DeliveryEditor initial={initial} currency={currency} />;
}

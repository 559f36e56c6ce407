// Fees saved in another currency than the shop's (#13: PRICING_CURRENCY changed since) are not offered at
// checkout: the delivery screen says so until they are typed again and saved.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { MoneyCurrency } from '../../../domain/format-money';
import { feeCurrencyOf, type SavedDelivery } from './delivery-draft';

/** Fees saved in another currency than the shop's, for methods that exist: checkout offers none of them. */
export function OtherCurrencyWarning({ saved, currency }: { saved: SavedDelivery; currency: MoneyCurrency }) {
  const feeCurrency = feeCurrencyOf(saved);
  if (feeCurrency === currency || saved.methods.length === 0) return null;
  const withFees = saved.methods.some((m) => m.kind === 'shipping' || m.kind === 'courier');
  return (
    <p className="admin-warning" role="status" data-testid="delivery-other-currency">
      {tAdmin(withFees ? 'admin.delivery.otherCurrency' : 'admin.delivery.otherCurrencyNoFees', { currency: feeCurrency, shop: currency })}
    </p>
  );
}

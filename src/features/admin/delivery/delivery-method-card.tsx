// One delivery method of the list: its name, on/off switch, the parts of its kind (zones, areas or
// points) and its remove button. A "give at least one" error of the parts shows above them.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { MoneyCurrency } from '../../../domain/format-money';
import type { Errors, MethodDraft } from './delivery-draft';
import { DeliveryField } from './delivery-field';
import { ShippingZones } from './shipping-zones';
import { CourierAreas } from './courier-areas';
import { PickupPoints } from './pickup-points';

export function DeliveryMethodCard({
  index,
  method: d,
  errors,
  currency,
  onChange,
  onRemove,
}: {
  index: number;
  method: MethodDraft;
  errors: Errors;
  currency: MoneyCurrency;
  onChange: (patch: Partial<MethodDraft>) => void;
  onRemove: () => void;
}) {
  const at = `methods.${index}`;
  return (
    <section className="card admin-card" data-testid="delivery-method" aria-label={d.name || tAdmin(`admin.delivery.kind.${d.kind}`)}>
      <h2 className="card__title">{tAdmin(`admin.delivery.kind.${d.kind}`)}</h2>
      <DeliveryField path={`${at}.name`} label={tAdmin('admin.delivery.name')} value={d.name} errors={errors} onChange={(name) => onChange({ name })} />
      <label className="admin-filter">
        <input type="checkbox" checked={d.active ?? true} onChange={(e) => onChange({ active: e.target.checked })} />
        <span>{tAdmin('admin.promo.active')}</span>
      </label>
      {errors[`${at}.zones`] && <p className="field__error">{errors[`${at}.zones`]}</p>}
      {d.kind === 'shipping' && <ShippingZones at={at} zones={d.zones} errors={errors} currency={currency} onChange={(zones) => onChange({ zones })} />}
      {errors[`${at}.areas`] && <p className="field__error">{errors[`${at}.areas`]}</p>}
      {d.kind === 'courier' && <CourierAreas at={at} areas={d.areas} estimate={d.estimate ?? ''} errors={errors} currency={currency} onChange={onChange} />}
      {errors[`${at}.points`] && <p className="field__error">{errors[`${at}.points`]}</p>}
      {d.kind === 'pickup' && <PickupPoints at={at} points={d.points} errors={errors} onChange={(points) => onChange({ points })} />}
      <button type="button" className="button button--destructive-text" onClick={onRemove}>
        {tAdmin('admin.delivery.remove')}
      </button>
    </section>
  );
}

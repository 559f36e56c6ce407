// A courier method's areas, each with its fee, and the method's one delivery estimate.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { MoneyCurrency } from '../../../domain/format-money';
import { emptyArea, type AreaDraft, type Errors } from './delivery-draft';
import { DeliveryField, wasHint } from './delivery-field';

export function CourierAreas({
  at,
  areas,
  estimate,
  errors,
  currency,
  onChange,
}: {
  /** The method's field path, `methods.0`. */
  at: string;
  areas: AreaDraft[];
  estimate: string;
  errors: Errors;
  currency: MoneyCurrency;
  onChange: (patch: { areas?: AreaDraft[]; estimate?: string }) => void;
}) {
  return (
    <>
      {areas.map((a, j) => {
        const set = (patch: Partial<AreaDraft>) => onChange({ areas: areas.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
        return (
          <fieldset key={j} className="admin-delivery__part">
            <legend>{tAdmin('admin.delivery.area', { n: j + 1 })}</legend>
            <DeliveryField
              path={`${at}.areas.${j}.name`}
              label={tAdmin('admin.delivery.name')}
              value={a.name}
              errors={errors}
              onChange={(name) => set({ name })}
            />
            <DeliveryField
              path={`${at}.areas.${j}.feeMinor`}
              label={tAdmin('admin.delivery.fee', { currency })}
              value={a.fee}
              errors={errors}
              onChange={(fee) => set({ fee })}
              ltr
              hint={wasHint(a.feeWas)}
            />
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => onChange({ areas: [...areas, emptyArea()] })}>
        {tAdmin('admin.delivery.addArea')}
      </button>
      <DeliveryField
        path={`${at}.estimate`}
        label={tAdmin('admin.delivery.estimate')}
        value={estimate}
        errors={errors}
        onChange={(value) => onChange({ estimate: value })}
      />
    </>
  );
}

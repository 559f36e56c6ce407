// A shipping method's zones: each one's countries, regions, fee, free-above amount and estimate.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { MoneyCurrency } from '../../../domain/format-money';
import { emptyZone, type Errors, type ZoneDraft } from './delivery-draft';
import { DeliveryField, wasHint } from './delivery-field';

export function ShippingZones({
  at,
  zones,
  errors,
  currency,
  onChange,
}: {
  /** The method's field path, `methods.0`. */
  at: string;
  zones: ZoneDraft[];
  errors: Errors;
  currency: MoneyCurrency;
  onChange: (zones: ZoneDraft[]) => void;
}) {
  return (
    <>
      {zones.map((z, j) => {
        const set = (patch: Partial<ZoneDraft>) => onChange(zones.map((x, k) => (k === j ? { ...x, ...patch } : x)));
        const zp = `${at}.zones.${j}`;
        return (
          <fieldset key={j} className="admin-delivery__part">
            <legend>{tAdmin('admin.delivery.zone', { n: j + 1 })}</legend>
            <DeliveryField path={`${zp}.name`} label={tAdmin('admin.delivery.name')} value={z.name} errors={errors} onChange={(name) => set({ name })} />
            <DeliveryField
              path={`${zp}.countries`}
              label={tAdmin('admin.delivery.countries')}
              value={z.countries}
              errors={errors}
              onChange={(countries) => set({ countries })}
              ltr
            />
            <DeliveryField
              path={`${zp}.regions`}
              label={tAdmin('admin.delivery.regions')}
              value={z.regions}
              errors={errors}
              onChange={(regions) => set({ regions })}
            />
            <DeliveryField
              path={`${zp}.feeMinor`}
              label={tAdmin('admin.delivery.fee', { currency })}
              value={z.fee}
              errors={errors}
              onChange={(fee) => set({ fee })}
              ltr
              hint={wasHint(z.feeWas)}
            />
            <DeliveryField
              path={`${zp}.freeAboveMinor`}
              label={tAdmin('admin.delivery.freeAbove', { currency })}
              value={z.freeAbove}
              errors={errors}
              onChange={(freeAbove) => set({ freeAbove })}
              ltr
              hint={wasHint(z.freeAboveWas)}
            />
            <DeliveryField
              path={`${zp}.estimate`}
              label={tAdmin('admin.delivery.estimate')}
              value={z.estimate}
              errors={errors}
              onChange={(estimate) => set({ estimate })}
            />
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => onChange([...zones, emptyZone()])}>
        {tAdmin('admin.delivery.addZone')}
      </button>
    </>
  );
}

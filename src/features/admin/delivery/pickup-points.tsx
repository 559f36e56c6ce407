// A pickup method's points: each one's name, address, opening hours and map link.
import { tAdmin } from '../../../i18n/admin-i18n';
import { emptyPoint, type Errors, type PointDraft } from './delivery-draft';
import { DeliveryField } from './delivery-field';

export function PickupPoints({
  at,
  points,
  errors,
  onChange,
}: {
  /** The method's field path, `methods.0`. */
  at: string;
  points: PointDraft[];
  errors: Errors;
  onChange: (points: PointDraft[]) => void;
}) {
  return (
    <>
      {points.map((p, j) => {
        const set = (patch: Partial<PointDraft>) => onChange(points.map((x, k) => (k === j ? { ...x, ...patch } : x)));
        const pp = `${at}.points.${j}`;
        return (
          <fieldset key={j} className="admin-delivery__part">
            <legend>{tAdmin('admin.delivery.point', { n: j + 1 })}</legend>
            <DeliveryField path={`${pp}.name`} label={tAdmin('admin.delivery.name')} value={p.name} errors={errors} onChange={(name) => set({ name })} />
            <DeliveryField
              path={`${pp}.address`}
              label={tAdmin('admin.delivery.address')}
              value={p.address}
              errors={errors}
              onChange={(address) => set({ address })}
            />
            <DeliveryField
              path={`${pp}.hours`}
              label={tAdmin('admin.delivery.hours')}
              value={p.hours ?? ''}
              errors={errors}
              onChange={(hours) => set({ hours })}
            />
            <DeliveryField
              path={`${pp}.mapUrl`}
              label={tAdmin('admin.delivery.mapUrl')}
              value={p.mapUrl ?? ''}
              errors={errors}
              onChange={(mapUrl) => set({ mapUrl })}
              ltr
            />
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => onChange([...points, emptyPoint()])}>
        {tAdmin('admin.delivery.addPoint')}
      </button>
    </>
  );
}

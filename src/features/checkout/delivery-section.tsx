import type { AddressField, CheckoutDetails, CheckoutForm, DeliveryAddress, DeliveryMethod } from '../../domain/checkout';
import { lowestFeeMinor, shippingCountries, shippingRegions } from '../../domain/checkout';
import { currentLocale } from '../../i18n/i18n';
import { tCheckout } from '../../i18n/checkout-i18n';
import type { CheckoutMessageKey } from '../../i18n/en-checkout';
import { formatPrice, type MoneyCurrency } from '../../ui/format-price';
import { FieldProblem, TextField, fieldErrorText } from './form-fields';
import { PhoneField } from './phone-field';

export interface DeliverySectionProps {
  methods: readonly DeliveryMethod[];
  form: CheckoutForm;
  details: CheckoutDetails | undefined;
  /** Field name (`methodId`, `address.city` …) → the server's problem code. */
  errors: Readonly<Record<string, string>>;
  update: (change: Partial<CheckoutForm>, touched: string[]) => void;
  setAddress: (field: AddressField, value: string) => void;
  /** What the fees count: the shop's pricing currency. */
  currency: MoneyCurrency | undefined;
}

const LABELS: Record<AddressField, CheckoutMessageKey> = {
  recipientName: 'address.recipientName',
  phone: 'address.phone',
  country: 'address.country',
  region: 'address.region',
  city: 'address.city',
  line1: 'address.line1',
  line2: 'address.line2',
  postalCode: 'address.postalCode',
};

function feeLabel(method: DeliveryMethod, currency: MoneyCurrency | undefined): string {
  const low = lowestFeeMinor(method);
  if (method.kind === 'pickup' || method.kind === 'none' || low === '0') return tCheckout('delivery.free');
  return tCheckout('delivery.feeFrom', { fee: formatPrice(low, currency) });
}

const errorOf = (errors: Readonly<Record<string, string>>, field: string) => (errors[field] ? fieldErrorText(errors[field]) : undefined);

/** The delivery methods the cart may use, and under the chosen one only the fields it needs. */
export function DeliverySection(props: DeliverySectionProps) {
  const { methods, form, errors, update, currency } = props;
  const method = methods.find((m) => m.id === form.methodId);
  return (
    <section className="card checkout-section" data-testid="delivery-section">
      <fieldset className="choice-list">
        <legend className="card__title">{tCheckout('delivery.title')}</legend>
        {methods.map((m) => (
          <label key={m.id} className="choice" data-testid="delivery-method" data-kind={m.kind} data-method-id={m.id}>
            <input type="radio" name="methodId" value={m.id} checked={form.methodId === m.id} onChange={() => update({ methodId: m.id }, ['methodId'])} />
            <span className="choice__text">
              <span className="choice__title">
                <bdi>{m.name}</bdi>
              </span>
              <span className="hint">
                {tCheckout(`delivery.kind.${m.kind}`)} · {feeLabel(m, currency)}
                {m.kind === 'courier' && m.estimate && (
                  <>
                    {' · '}
                    <bdi>{m.estimate}</bdi>
                  </>
                )}
              </span>
            </span>
          </label>
        ))}
        <FieldProblem id="field-methodId-error" text={errorOf(errors, 'methodId')} />
      </fieldset>
      {method && <MethodFields {...props} method={method} />}
    </section>
  );
}

function MethodFields({ method, form, errors, update, setAddress, details, currency }: DeliverySectionProps & { method: DeliveryMethod }) {
  const text = (field: AddressField, extra: { autoComplete?: string; dir?: string; inputMode?: 'numeric' | 'text' } = {}) => (
    <TextField
      key={field}
      name={`address.${field}`}
      label={tCheckout(LABELS[field])}
      value={form.address[field]}
      onChange={(value) => setAddress(field, value)}
      error={errorOf(errors, `address.${field}`)}
      dir={extra.dir ?? 'auto'}
      {...extra}
    />
  );
  const phone = <PhoneField key="phone" value={form.address.phone} onChange={(value) => setAddress('phone', value)} error={errorOf(errors, 'address.phone')} />;

  if (method.kind === 'none') return <p className="hint">{tCheckout('delivery.noneHint')}</p>;

  if (method.kind === 'pickup') {
    return (
      <fieldset className="choice-list" data-testid="pickup-points">
        <legend className="field__label">{tCheckout('pickup.point')}</legend>
        {method.points.map((point) => (
          <label key={point.id} className="choice" data-testid="pickup-point" data-point-id={point.id}>
            <input
              type="radio"
              name="pickupPointId"
              checked={form.pickupPointId === point.id}
              onChange={() => update({ pickupPointId: point.id }, ['pickupPointId'])}
            />
            <span className="choice__text">
              <span className="choice__title">
                <bdi>{point.name}</bdi>
              </span>
              <span className="hint">
                <bdi>{point.address}</bdi>
              </span>
              {point.hours && <span className="hint">{tCheckout('pickup.hours', { hours: point.hours })}</span>}
              {point.mapUrl && (
                <a href={point.mapUrl} target="_blank" rel="noreferrer" className="text-link">
                  {tCheckout('pickup.map')}
                </a>
              )}
            </span>
          </label>
        ))}
        <FieldProblem id="field-pickupPointId-error" text={errorOf(errors, 'pickupPointId')} />
      </fieldset>
    );
  }

  if (method.kind === 'courier') {
    return (
      <div className="checkout-fields">
        <div className="field" data-field="areaId">
          <label htmlFor="field-areaId" className="field__label">
            {tCheckout('address.area')}
          </label>
          <select
            id="field-areaId"
            className="field__input"
            value={form.areaId}
            onChange={(event) => update({ areaId: event.target.value }, ['areaId'])}
            aria-invalid={errors.areaId ? true : undefined}
            aria-describedby={errors.areaId ? 'field-areaId-error' : undefined}
          >
            <option value="" disabled>
              {tCheckout('address.areaChoose')}
            </option>
            {method.areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name} · {area.feeMinor === '0' ? tCheckout('delivery.free') : formatPrice(area.feeMinor, currency)}
              </option>
            ))}
          </select>
          <FieldProblem id="field-areaId-error" text={errorOf(errors, 'areaId')} />
        </div>
        {phone}
        {text('line1', { autoComplete: 'address-line1' })}
        {text('line2', { autoComplete: 'address-line2' })}
      </div>
    );
  }

  const countries = shippingCountries(method);
  const regions = shippingRegions(method, form.address.country);
  const names = new Intl.DisplayNames([currentLocale(), 'en'], { type: 'region' });
  return (
    <div className="checkout-fields">
      {details && details.addresses.length > 0 && (
        <SavedAddresses
          addresses={details.addresses}
          onUse={(address) =>
            update(
              { address: { ...address } },
              Object.keys(address).map((k) => `address.${k}`),
            )
          }
        />
      )}
      {text('recipientName', { autoComplete: 'name' })}
      {phone}
      <div className="field" data-field="address.country">
        <label htmlFor="field-address-country" className="field__label">
          {tCheckout('address.country')}
        </label>
        <select
          id="field-address-country"
          className="field__input"
          autoComplete="country"
          value={form.address.country}
          onChange={(event) => update({ address: { ...form.address, country: event.target.value, region: '' } }, ['address.country', 'address.region'])}
          aria-invalid={errors['address.country'] ? true : undefined}
          aria-describedby={errors['address.country'] ? 'field-address-country-error' : undefined}
        >
          <option value="" disabled>
            {tCheckout('address.countryChoose')}
          </option>
          {countries
            .map((code) => [code, names.of(code) ?? code] as const)
            .sort((a, b) => a[1].localeCompare(b[1], currentLocale()))
            .map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
        </select>
        <FieldProblem id="field-address-country-error" text={errorOf(errors, 'address.country')} />
      </div>
      {regions.length > 0 ? (
        <div className="field" data-field="address.region">
          <label htmlFor="field-address-region" className="field__label">
            {tCheckout('address.region')}
          </label>
          <select id="field-address-region" className="field__input" value={form.address.region} onChange={(event) => setAddress('region', event.target.value)}>
            <option value="" disabled>
              {tCheckout('address.region')}
            </option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
          <FieldProblem id="field-address-region-error" text={errorOf(errors, 'address.region')} />
        </div>
      ) : (
        text('region', { autoComplete: 'address-level1' })
      )}
      {text('city', { autoComplete: 'address-level2' })}
      {text('line1', { autoComplete: 'address-line1' })}
      {text('line2', { autoComplete: 'address-line2' })}
      {text('postalCode', { autoComplete: 'postal-code', dir: 'ltr' })}
      <label className="check">
        <input type="checkbox" checked={form.saveAddress} onChange={(event) => update({ saveAddress: event.target.checked }, [])} />
        {tCheckout('address.save')}
      </label>
    </div>
  );
}

function SavedAddresses({ addresses, onUse }: { addresses: readonly DeliveryAddress[]; onUse: (address: DeliveryAddress) => void }) {
  return (
    <div className="saved-addresses" data-testid="saved-addresses">
      <span className="field__label">{tCheckout('address.saved')}</span>
      {addresses.map((address, i) => (
        <button key={i} type="button" className="saved-address" data-testid="saved-address" onClick={() => onUse(address)}>
          <span>
            <bdi>{address.recipientName}</bdi>
          </span>
          <span className="hint">
            <bdi>{[address.line1, address.city, address.country].filter(Boolean).join(', ')}</bdi>
          </span>
        </button>
      ))}
    </div>
  );
}

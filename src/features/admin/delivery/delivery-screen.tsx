// The shop's delivery methods (issue #12): shipping zones, courier areas, pickup points, or nothing to
// send, edited as one list and saved with PUT /api/admin/delivery; a wrong field is named where it is.
// Fees saved in another currency than the shop's (#13: PRICING_CURRENCY changed since) are not offered at
// checkout: the screen says so and asks for them again, showing the old amounts in their own currency.
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { useResourceCache } from '../../../platform/services';
import type { Resource } from '../../../platform/use-resource';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { DELIVERY_KINDS, type DeliveryKind } from '../common/admin-types';
import type { MoneyCurrency } from '../../../domain/format-money';
import { exampleAmount, formatMoneyInput, parseMoneyInput } from '../common/money-input';
import { currentLocale } from '../../../i18n/i18n';
import { useShopCurrency } from '../common/shop-currency';
import { PendingView } from '../common/pending-view';
import { useToast } from '../common/toast';
import { formatPrice } from '../../../ui/format-price';
import { fieldErrorsFromMessage, saveDeliveryMethods, useDeliveryMethods, type DeliveryAnswer, type DeliveryMethod } from './api';

type SavedDelivery = DeliveryAnswer['delivery'];

/** What the saved fees count: settings saved before fees had a currency were in TON. */
const feeCurrencyOf = (saved: SavedDelivery): MoneyCurrency => saved.currency ?? 'TON';

type Errors = Record<string, string>;

const slug = (text: string, fallback: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || fallback;

/** Money typed in the shop's pricing currency → its minor units, or the error at `path`. */
function money(text: string, currency: MoneyCurrency, path: string, errors: Errors, optional = false): string | null {
  if (optional && !text.trim()) return null;
  const parsed = parseMoneyInput(text, currency);
  if (parsed.ok) return parsed.minor;
  errors[path] = tAdmin('admin.delivery.error.amount', { currency, example: exampleAmount(currency, currentLocale()) });
  return null;
}

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

// The form keeps money as typed text; `toMethods` turns it back into the API's minor units.
// `feeWas` / `freeAboveWas`: a fee saved in another currency, formatted in it, shown beside the emptied field.
type MethodDraft = Omit<DeliveryMethod, 'zones' | 'areas'> & {
  zones: {
    id: string;
    name: string;
    countries: string;
    regions: string;
    fee: string;
    freeAbove: string;
    estimate: string;
    feeWas?: string;
    freeAboveWas?: string;
  }[];
  areas: { id: string; name: string; fee: string; feeWas?: string }[];
  points: NonNullable<DeliveryMethod['points']>;
};

/**
 * A saved method as form text in the shop's `currency`. Fees saved in another currency (`feeCurrency`)
 * start empty, never their digits read in the shop's unit (500000000 nanotons are not $5,000,000): the
 * merchant types them again, with the old amount shown beside.
 */
function toDraft(method: DeliveryMethod, currency: MoneyCurrency, feeCurrency: MoneyCurrency = currency): MethodDraft {
  const other = feeCurrency !== currency;
  const edit = (minor: string) => (other ? '' : formatMoneyInput(minor, currency));
  const was = (minor: string) => formatPrice(minor, feeCurrency);
  return {
    ...method,
    zones: (method.zones ?? []).map((z) => ({
      id: z.id,
      name: z.name,
      countries: z.countries.join(', '),
      regions: (z.regions ?? []).join(', '),
      fee: edit(z.feeMinor),
      freeAbove: z.freeAboveMinor ? edit(z.freeAboveMinor) : '',
      estimate: z.estimate ?? '',
      ...(other && { feeWas: was(z.feeMinor) }),
      ...(other && z.freeAboveMinor && { freeAboveWas: was(z.freeAboveMinor) }),
    })),
    areas: (method.areas ?? []).map((a) => ({ id: a.id, name: a.name, fee: edit(a.feeMinor), ...(other && { feeWas: was(a.feeMinor) }) })),
    points: method.points ?? [],
  };
}

function toMethods(drafts: MethodDraft[], currency: MoneyCurrency): { methods: DeliveryMethod[]; errors: Errors } {
  const errors: Errors = {};
  const amount = (text: string, path: string, found: Errors, optional = false) => money(text, currency, path, found, optional);
  const list = (text: string) =>
    text
      .split(/[,،]/)
      .map((v) => v.trim())
      .filter(Boolean);
  const methods = drafts.map((d, i): DeliveryMethod => {
    const at = `methods.${i}`;
    if (!d.name.trim()) errors[`${at}.name`] = tAdmin('admin.delivery.error.required');
    const base = { id: d.id || slug(d.name, `method-${i + 1}`), name: d.name.trim(), active: d.active ?? true, kind: d.kind };
    if (d.kind === 'shipping') {
      if (d.zones.length === 0) errors[`${at}.zones`] = tAdmin('admin.delivery.error.needOne');
      const zones = d.zones.map((z, j) => {
        const countries = list(z.countries).map((c) => c.toUpperCase());
        if (countries.length === 0 || countries.some((c) => !/^[A-Z]{2}$/.test(c)))
          errors[`${at}.zones.${j}.countries`] = tAdmin('admin.delivery.error.countries');
        if (!z.name.trim()) errors[`${at}.zones.${j}.name`] = tAdmin('admin.delivery.error.required');
        return {
          id: z.id || slug(z.name, `zone-${j + 1}`),
          name: z.name.trim(),
          countries,
          regions: list(z.regions),
          feeMinor: amount(z.fee, `${at}.zones.${j}.feeMinor`, errors) ?? '0',
          freeAboveMinor: amount(z.freeAbove, `${at}.zones.${j}.freeAboveMinor`, errors, true),
          ...(z.estimate.trim() && { estimate: z.estimate.trim() }),
        };
      });
      return { ...base, zones };
    }
    if (d.kind === 'courier') {
      if (d.areas.length === 0) errors[`${at}.areas`] = tAdmin('admin.delivery.error.needOne');
      const areas = d.areas.map((a, j) => {
        if (!a.name.trim()) errors[`${at}.areas.${j}.name`] = tAdmin('admin.delivery.error.required');
        return { id: a.id || slug(a.name, `area-${j + 1}`), name: a.name.trim(), feeMinor: amount(a.fee, `${at}.areas.${j}.feeMinor`, errors) ?? '0' };
      });
      return { ...base, areas, ...(d.estimate?.trim() && { estimate: d.estimate.trim() }) };
    }
    if (d.kind === 'pickup') {
      if (d.points.length === 0) errors[`${at}.points`] = tAdmin('admin.delivery.error.needOne');
      const points = d.points.map((p, j) => {
        if (!p.name.trim()) errors[`${at}.points.${j}.name`] = tAdmin('admin.delivery.error.required');
        if (!p.address.trim()) errors[`${at}.points.${j}.address`] = tAdmin('admin.delivery.error.required');
        if (p.mapUrl && !/^https:\/\//.test(p.mapUrl)) errors[`${at}.points.${j}.mapUrl`] = tAdmin('admin.delivery.error.mapUrl');
        return {
          id: p.id || slug(p.name, `point-${j + 1}`),
          name: p.name.trim(),
          address: p.address.trim(),
          ...(p.hours?.trim() && { hours: p.hours.trim() }),
          mapUrl: p.mapUrl?.trim() || null,
        };
      });
      return { ...base, points };
    }
    return base;
  });
  return { methods, errors };
}

function Input({
  path,
  label,
  value,
  errors,
  onChange,
  ltr,
  hint,
}: {
  path: string;
  label: string;
  value: string;
  errors: Errors;
  onChange: (v: string) => void;
  ltr?: boolean;
  hint?: string;
}) {
  const error = errors[path];
  const id = `delivery-${path}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        dir={ltr ? 'ltr' : undefined}
        data-testid={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} data-testid={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} data-testid={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Fees saved in another currency than the shop's, for methods that exist: checkout offers none of them. */
function OtherCurrencyWarning({ saved, currency }: { saved: SavedDelivery; currency: MoneyCurrency }) {
  const feeCurrency = feeCurrencyOf(saved);
  if (feeCurrency === currency || saved.methods.length === 0) return null;
  const withFees = saved.methods.some((m) => m.kind === 'shipping' || m.kind === 'courier');
  return (
    <p className="admin-warning" role="status" data-testid="delivery-other-currency">
      {tAdmin(withFees ? 'admin.delivery.otherCurrency' : 'admin.delivery.otherCurrencyNoFees', { currency: feeCurrency, shop: currency })}
    </p>
  );
}

const wasHint = (amount: string | undefined) => (amount ? tAdmin('admin.amountWas', { amount }) : undefined);

function DeliveryEditor({ initial, currency }: { initial: SavedDelivery; currency: MoneyCurrency }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  // What the server holds: its `currency` says whether the fees still count the shop's.
  const [saved, setSaved] = useState<SavedDelivery>(initial);
  const [drafts, setDrafts] = useState<MethodDraft[]>(() => initial.methods.map((m) => toDraft(m, currency, feeCurrencyOf(initial))));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<MethodDraft>) => setDrafts((all) => all.map((d, k) => (k === i ? { ...d, ...patch } : d)));

  const save = async () => {
    const { methods, errors: found } = toMethods(drafts, currency);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      // The server stamps the fees with the shop's currency: the warning goes once they are saved.
      const answer = await saveDeliveryMethods(api, methods);
      cache.set(adminKeys.delivery, answer);
      setSaved(answer.delivery);
      setDrafts(answer.delivery.methods.map((m) => toDraft(m, currency, feeCurrencyOf(answer.delivery))));
      toast(tAdmin('admin.delivery.saved'));
    } catch (caught) {
      const fields = caught instanceof ApiError && caught.code === 'VALIDATION_FAILED' ? fieldErrorsFromMessage(caught.message) : {};
      setErrors(fields);
      setFailure(caught instanceof ApiError && caught.status < 500 ? caught.message : tAdmin('admin.error.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const add = (kind: DeliveryKind) =>
    setDrafts((all) => [
      ...all,
      {
        id: '',
        name: '',
        kind,
        active: true,
        zones: kind === 'shipping' ? [{ id: '', name: '', countries: '', regions: '', fee: '0', freeAbove: '', estimate: '' }] : [],
        areas: kind === 'courier' ? [{ id: '', name: '', fee: '0' }] : [],
        points: kind === 'pickup' ? [{ id: '', name: '', address: '', hours: '', mapUrl: null }] : [],
      },
    ]);

  return (
    <div data-testid="delivery-editor">
      <h1 className="screen__title">{tAdmin('admin.delivery.title')}</h1>
      <OtherCurrencyWarning saved={saved} currency={currency} />
      {drafts.length === 0 && <p className="hint">{tAdmin('admin.delivery.empty')}</p>}
      {drafts.map((d, i) => {
        const at = `methods.${i}`;
        return (
          <section key={i} className="card admin-card" data-testid="delivery-method" aria-label={d.name || tAdmin(`admin.delivery.kind.${d.kind}`)}>
            <h2 className="card__title">{tAdmin(`admin.delivery.kind.${d.kind}`)}</h2>
            <Input path={`${at}.name`} label={tAdmin('admin.delivery.name')} value={d.name} errors={errors} onChange={(name) => update(i, { name })} />
            <label className="admin-filter">
              <input type="checkbox" checked={d.active ?? true} onChange={(e) => update(i, { active: e.target.checked })} />
              <span>{tAdmin('admin.promo.active')}</span>
            </label>
            {errors[`${at}.zones`] && <p className="field__error">{errors[`${at}.zones`]}</p>}
            {d.kind === 'shipping' &&
              d.zones.map((z, j) => {
                const set = (patch: Partial<typeof z>) => update(i, { zones: d.zones.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
                const zp = `${at}.zones.${j}`;
                return (
                  <fieldset key={j} className="admin-delivery__part">
                    <legend>{tAdmin('admin.delivery.zone', { n: j + 1 })}</legend>
                    <Input path={`${zp}.name`} label={tAdmin('admin.delivery.name')} value={z.name} errors={errors} onChange={(name) => set({ name })} />
                    <Input
                      path={`${zp}.countries`}
                      label={tAdmin('admin.delivery.countries')}
                      value={z.countries}
                      errors={errors}
                      onChange={(countries) => set({ countries })}
                      ltr
                    />
                    <Input
                      path={`${zp}.regions`}
                      label={tAdmin('admin.delivery.regions')}
                      value={z.regions}
                      errors={errors}
                      onChange={(regions) => set({ regions })}
                    />
                    <Input
                      path={`${zp}.feeMinor`}
                      label={tAdmin('admin.delivery.fee', { currency })}
                      value={z.fee}
                      errors={errors}
                      onChange={(fee) => set({ fee })}
                      ltr
                      hint={wasHint(z.feeWas)}
                    />
                    <Input
                      path={`${zp}.freeAboveMinor`}
                      label={tAdmin('admin.delivery.freeAbove', { currency })}
                      value={z.freeAbove}
                      errors={errors}
                      onChange={(freeAbove) => set({ freeAbove })}
                      ltr
                      hint={wasHint(z.freeAboveWas)}
                    />
                    <Input
                      path={`${zp}.estimate`}
                      label={tAdmin('admin.delivery.estimate')}
                      value={z.estimate}
                      errors={errors}
                      onChange={(estimate) => set({ estimate })}
                    />
                  </fieldset>
                );
              })}
            {d.kind === 'shipping' && (
              <button
                type="button"
                className="button"
                onClick={() => update(i, { zones: [...d.zones, { id: '', name: '', countries: '', regions: '', fee: '0', freeAbove: '', estimate: '' }] })}
              >
                {tAdmin('admin.delivery.addZone')}
              </button>
            )}
            {errors[`${at}.areas`] && <p className="field__error">{errors[`${at}.areas`]}</p>}
            {d.kind === 'courier' && (
              <>
                {d.areas.map((a, j) => {
                  const set = (patch: Partial<typeof a>) => update(i, { areas: d.areas.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
                  return (
                    <fieldset key={j} className="admin-delivery__part">
                      <legend>{tAdmin('admin.delivery.area', { n: j + 1 })}</legend>
                      <Input
                        path={`${at}.areas.${j}.name`}
                        label={tAdmin('admin.delivery.name')}
                        value={a.name}
                        errors={errors}
                        onChange={(name) => set({ name })}
                      />
                      <Input
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
                <button type="button" className="button" onClick={() => update(i, { areas: [...d.areas, { id: '', name: '', fee: '0' }] })}>
                  {tAdmin('admin.delivery.addArea')}
                </button>
                <Input
                  path={`${at}.estimate`}
                  label={tAdmin('admin.delivery.estimate')}
                  value={d.estimate ?? ''}
                  errors={errors}
                  onChange={(estimate) => update(i, { estimate })}
                />
              </>
            )}
            {errors[`${at}.points`] && <p className="field__error">{errors[`${at}.points`]}</p>}
            {d.kind === 'pickup' && (
              <>
                {d.points.map((p, j) => {
                  const set = (patch: Partial<typeof p>) => update(i, { points: d.points.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
                  const pp = `${at}.points.${j}`;
                  return (
                    <fieldset key={j} className="admin-delivery__part">
                      <legend>{tAdmin('admin.delivery.point', { n: j + 1 })}</legend>
                      <Input path={`${pp}.name`} label={tAdmin('admin.delivery.name')} value={p.name} errors={errors} onChange={(name) => set({ name })} />
                      <Input
                        path={`${pp}.address`}
                        label={tAdmin('admin.delivery.address')}
                        value={p.address}
                        errors={errors}
                        onChange={(address) => set({ address })}
                      />
                      <Input
                        path={`${pp}.hours`}
                        label={tAdmin('admin.delivery.hours')}
                        value={p.hours ?? ''}
                        errors={errors}
                        onChange={(hours) => set({ hours })}
                      />
                      <Input
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
                <button
                  type="button"
                  className="button"
                  onClick={() => update(i, { points: [...d.points, { id: '', name: '', address: '', hours: '', mapUrl: null }] })}
                >
                  {tAdmin('admin.delivery.addPoint')}
                </button>
              </>
            )}
            <button type="button" className="button button--destructive-text" onClick={() => setDrafts((all) => all.filter((_, k) => k !== i))}>
              {tAdmin('admin.delivery.remove')}
            </button>
          </section>
        );
      })}
      <div className="admin-actions__buttons">
        {DELIVERY_KINDS.map((kind) => (
          <button key={kind} type="button" className="button" data-testid={`add-delivery-${kind}`} onClick={() => add(kind)}>
            {tAdmin('admin.delivery.add', { kind: tAdmin(`admin.delivery.kind.${kind}`) })}
          </button>
        ))}
      </div>
      {failure && (
        <p className="field__error" role="alert" data-testid="delivery-error">
          {failure}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="save-delivery"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void save()}
      >
        {tAdmin('admin.save')}
      </button>
    </div>
  );
}

// The delivery editor's draft: each saved method as form text (`toDraft`), and the form read back into
// the API's methods with every wrong field named by its path (`toMethods`). Pure, apart from the
// translated messages, so the screen's components only show it and change it.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { DeliveryKind } from '../common/admin-types';
import type { MoneyCurrency } from '../../../domain/format-money';
import { exampleAmount, formatMoneyInput, parseMoneyInput } from '../common/money-input';
import { currentLocale } from '../../../i18n/i18n';
import { formatPrice } from '../../../ui/format-price';
import type { DeliveryAnswer, DeliveryMethod } from './api';

export type SavedDelivery = DeliveryAnswer['delivery'];

/** What the saved fees count: settings saved before fees had a currency were in TON. */
export const feeCurrencyOf = (saved: SavedDelivery): MoneyCurrency => saved.currency ?? 'TON';

/** Field path (`methods.0.zones.1.feeMinor`, as the server names them too) → message. */
export type Errors = Record<string, string>;

// The form keeps money as typed text; `toMethods` turns it back into the API's minor units.
// `feeWas` / `freeAboveWas`: a fee saved in another currency, formatted in it, shown beside the emptied field.
export interface ZoneDraft {
  id: string;
  name: string;
  countries: string;
  regions: string;
  fee: string;
  freeAbove: string;
  estimate: string;
  feeWas?: string;
  freeAboveWas?: string;
}

export interface AreaDraft {
  id: string;
  name: string;
  fee: string;
  feeWas?: string;
}

export type PointDraft = NonNullable<DeliveryMethod['points']>[number];

export type MethodDraft = Omit<DeliveryMethod, 'zones' | 'areas'> & { zones: ZoneDraft[]; areas: AreaDraft[]; points: PointDraft[] };

export const emptyZone = (): ZoneDraft => ({ id: '', name: '', countries: '', regions: '', fee: '0', freeAbove: '', estimate: '' });
export const emptyArea = (): AreaDraft => ({ id: '', name: '', fee: '0' });
export const emptyPoint = (): PointDraft => ({ id: '', name: '', address: '', hours: '', mapUrl: null });

/** A new method of `kind`, with one empty zone, area or point to fill in. */
export function emptyMethod(kind: DeliveryKind): MethodDraft {
  return {
    id: '',
    name: '',
    kind,
    active: true,
    zones: kind === 'shipping' ? [emptyZone()] : [],
    areas: kind === 'courier' ? [emptyArea()] : [],
    points: kind === 'pickup' ? [emptyPoint()] : [],
  };
}

/**
 * A saved method as form text in the shop's `currency`. Fees saved in another currency (`feeCurrency`)
 * start empty, never their digits read in the shop's unit (500000000 nanotons are not $5,000,000): the
 * merchant types them again, with the old amount shown beside.
 */
export function toDraft(method: DeliveryMethod, currency: MoneyCurrency, feeCurrency: MoneyCurrency = currency): MethodDraft {
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

const slug = (text: string, fallback: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || fallback;

const list = (text: string) =>
  text
    .split(/[,،]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** Money typed in the shop's pricing currency → its minor units, or the error at `path`. */
function money(text: string, currency: MoneyCurrency, path: string, errors: Errors, optional = false): string | null {
  if (optional && !text.trim()) return null;
  const parsed = parseMoneyInput(text, currency);
  if (parsed.ok) return parsed.minor;
  errors[path] = tAdmin('admin.delivery.error.amount', { currency, example: exampleAmount(currency, currentLocale()) });
  return null;
}

/** The drafts as the PUT's methods, fees in `currency`'s minor units, and every wrong field by its path. */
export function toMethods(drafts: MethodDraft[], currency: MoneyCurrency): { methods: DeliveryMethod[]; errors: Errors } {
  const errors: Errors = {};
  const amount = (text: string, path: string, found: Errors, optional = false) => money(text, currency, path, found, optional);
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

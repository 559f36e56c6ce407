// The promo code form's text fields ⇄ the API's PromoCodeInput; pure, so the rules are testable.
import type { MoneyCurrency } from '../../../domain/format-money';
import { formatMoneyInput, parseMoneyInput } from '../common/money-input';
import type { PromoCode, PromoCodeInput } from './api';

export interface PromoDraft {
  code: string;
  kind: 'percent' | 'fixed';
  /** "15" (percent) or "1.5" (in the shop's pricing currency). */
  value: string;
  minSubtotal: string;
  maxUses: string;
  maxUsesPerCustomer: string;
  startsAt: string;
  endsAt: string;
  /** Empty: the whole order. Otherwise only items of these categories are discounted. */
  categoryIds: string[];
  active: boolean;
}

export type PromoField = 'code' | 'value' | 'minSubtotal' | 'maxUses' | 'maxUsesPerCustomer' | 'endsAt';
export type PromoErrors = Partial<Record<PromoField, 'required' | 'format'>>;

export const EMPTY_PROMO: PromoDraft = {
  code: '',
  kind: 'percent',
  value: '',
  minSubtotal: '',
  maxUses: '',
  maxUsesPerCustomer: '',
  startsAt: '',
  endsAt: '',
  categoryIds: [],
  active: true,
};

/** What a code's fixed value and minimum count: a code saved before codes had a currency was in TON. */
export const promoCurrencyOf = (promo: Pick<PromoCode, 'currency'>): MoneyCurrency => promo.currency ?? 'TON';

/**
 * Whether checkout refuses the code until it is repriced (PROMO_CURRENCY_MISMATCH): it has an amount (a
 * fixed value, or a minimum) saved in another currency than the shop's. A percentage alone is no amount.
 */
export const promoNeedsReprice = (promo: Pick<PromoCode, 'currency' | 'kind' | 'minSubtotalMinor'>, shop: MoneyCurrency): boolean =>
  promoCurrencyOf(promo) !== shop && (promo.kind === 'fixed' || promo.minSubtotalMinor !== null);

/** The form for a saved code, amounts in `shop`; a fixed code of another currency starts with its amounts empty. */
export function draftFromPromo(promo: PromoCode, shop: MoneyCurrency = 'TON'): PromoDraft {
  const other = promoCurrencyOf(promo) !== shop;
  const money = (minor: string) => (other ? '' : formatMoneyInput(minor, shop));
  return {
    code: promo.code,
    kind: promo.kind,
    value: promo.kind === 'percent' ? String(Number(promo.value) / 100) : money(promo.value),
    minSubtotal: promo.minSubtotalMinor ? money(promo.minSubtotalMinor) : '',
    maxUses: promo.maxUses === null ? '' : String(promo.maxUses),
    maxUsesPerCustomer: promo.maxUsesPerCustomer === null ? '' : String(promo.maxUsesPerCustomer),
    startsAt: promo.startsAt?.slice(0, 10) ?? '',
    endsAt: promo.endsAt?.slice(0, 10) ?? '',
    categoryIds: promo.categoryIds ?? [],
    active: promo.active,
  };
}

const count = (text: string) => (text.trim() === '' ? null : /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The input for the API (amounts in `shop`, the pricing currency), or every field that is wrong. */
export function readPromoDraft(draft: PromoDraft, shop: MoneyCurrency = 'TON'): { ok: true; input: PromoCodeInput } | { ok: false; errors: PromoErrors } {
  const errors: PromoErrors = {};
  const code = draft.code.trim().toUpperCase();
  if (!code) errors.code = 'required';
  else if (!/^[A-Z0-9_-]{3,32}$/.test(code)) errors.code = 'format';
  let value = '';
  if (draft.kind === 'percent') {
    const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(draft.value.trim());
    const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
    if (!draft.value.trim()) errors.value = 'required';
    else if (!(bp >= 1 && bp <= 10_000)) errors.value = 'format';
    else value = String(bp);
  } else {
    const parsed = parseMoneyInput(draft.value, shop);
    if (!parsed.ok || parsed.minor === '0') errors.value = parsed.ok || parsed.error !== 'empty' ? 'format' : 'required';
    else value = parsed.minor;
  }
  let minSubtotalMinor: string | null = null;
  if (draft.minSubtotal.trim()) {
    const parsed = parseMoneyInput(draft.minSubtotal, shop);
    if (parsed.ok) minSubtotalMinor = parsed.minor;
    else errors.minSubtotal = 'format';
  }
  const maxUses = count(draft.maxUses);
  if (maxUses === undefined) errors.maxUses = 'format';
  const maxUsesPerCustomer = count(draft.maxUsesPerCustomer);
  if (maxUsesPerCustomer === undefined) errors.maxUsesPerCustomer = 'format';
  const startsAt = draft.startsAt ? new Date(`${draft.startsAt}T00:00:00Z`).toISOString() : null;
  const endsAt = draft.endsAt ? new Date(`${draft.endsAt}T00:00:00Z`).toISOString() : null;
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = 'format';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      code,
      kind: draft.kind,
      value,
      minSubtotalMinor,
      startsAt,
      endsAt,
      maxUses: maxUses ?? null,
      maxUsesPerCustomer: maxUsesPerCustomer ?? null,
      categoryIds: draft.categoryIds.length > 0 ? [...draft.categoryIds] : null,
      active: draft.active,
    },
  };
}

// Promo codes (issue #12): the list with each code's uses, a form to create or edit one, switch off,
// delete (the server keeps a code orders used, switched off, and says so). A code whose amounts were saved
// in another currency than the shop's (#13) is flagged, its amounts shown in their own currency.
import { currentLocale } from '../../../i18n/i18n';
import { exampleAmount } from '../common/money-input';
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { formatPrice } from '../../../ui/format-price';
import type { MoneyCurrency } from '../../../domain/format-money';
import { useShopCurrency } from '../common/shop-currency';
import { useAdminApi } from '../common/admin-api';
import { Field } from '../common/field';
import { PendingView } from '../common/pending-view';
import { useToast } from '../common/toast';
import { deletePromoCode, savePromoCode, usePromoCategories, usePromoCodes, type PromoCode } from './api';
import { draftFromPromo, EMPTY_PROMO, promoCurrencyOf, promoNeedsReprice, readPromoDraft, type PromoDraft, type PromoErrors } from './promo-form';

export function PromoCodesScreen() {
  const codes = usePromoCodes();
  // Amounts are typed in the shop's pricing currency: the form waits until it is known.
  const shop = useShopCurrency();
  const [editing, setEditing] = useState<PromoCode | null>(null);
  const [formKey, setFormKey] = useState(0);
  const done = () => (setEditing(null), setFormKey((k) => k + 1), codes.reload());
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.promo.title')}</h1>
      {shop && <PromoForm key={`${editing?.id ?? 'new'}:${formKey}`} promo={editing} shop={shop} onSaved={done} onCancel={editing ? done : undefined} />}
      {!codes.data ? (
        <PendingView resource={codes} label={tAdmin('admin.promo.title')} />
      ) : codes.data.length === 0 ? (
        <p className="hint">{tAdmin('admin.promo.empty')}</p>
      ) : (
        <ul className="card admin-list" data-testid="promo-list">
          {codes.data.map((promo) => (
            <PromoRow key={promo.id} promo={promo} shop={shop} onEdit={() => setEditing(promo)} onChanged={codes.reload} />
          ))}
        </ul>
      )}
    </>
  );
}

function PromoRow({ promo, shop, onEdit, onChanged }: { promo: PromoCode; shop: MoneyCurrency | undefined; onEdit: () => void; onChanged: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      toast(await work());
      onChanged();
    } catch (caught) {
      toast(caught instanceof ApiError ? caught.message : tAdmin('admin.error.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  // Amounts in the code's own currency: 1.5 TON stays 1.5 TON in a dollar shop, never $1,500,000,000.
  const own = promoCurrencyOf(promo);
  const amount = promo.kind === 'percent' ? `${Number(promo.value) / 100}%` : formatPrice(promo.value, own);
  return (
    <li className="admin-list__row" data-testid="promo-row" data-code={promo.code}>
      <div>
        <strong dir="ltr">{promo.code}</strong> · <span className="money">{amount}</span>
        {promo.minSubtotalMinor && (
          <span className="hint" data-testid="promo-minimum">
            {' '}
            · {tAdmin('admin.promo.minimum', { amount: formatPrice(promo.minSubtotalMinor, own) })}
          </span>
        )}
        {!promo.active && <span className="hint"> · {tAdmin('admin.promo.off')}</span>}
        {shop && promoNeedsReprice(promo, shop) && (
          <span className="admin-product-row__warning" data-testid="promo-other-currency">
            {tAdmin('admin.promo.otherCurrency', { currency: own, shop })}
          </span>
        )}
        <p className="hint" data-testid="promo-uses">
          {tAdmin('admin.promo.uses', { used: promo.usesUsed, held: promo.usesHeld, max: promo.maxUses ?? '∞' })}
        </p>
      </div>
      <div className="admin-actions__buttons">
        <button type="button" className="button" disabled={busy} onClick={onEdit}>
          {tAdmin('admin.promo.edit')}
        </button>
        {promo.active && (
          <button
            type="button"
            className="button"
            data-testid="promo-deactivate"
            disabled={busy}
            onClick={() => void run(async () => (await savePromoCode(api, promo.id, { active: false }), tAdmin('admin.promo.deactivated')))}
          >
            {tAdmin('admin.promo.deactivate')}
          </button>
        )}
        <button
          type="button"
          className="button button--destructive-text"
          data-testid="promo-delete"
          disabled={busy}
          onClick={() => void run(async () => tAdmin((await deletePromoCode(api, promo.id)) === 'deleted' ? 'admin.promo.deleted' : 'admin.promo.keptOff'))}
        >
          {tAdmin('admin.promo.delete')}
        </button>
      </div>
    </li>
  );
}

export function PromoForm({ promo, shop, onSaved, onCancel }: { promo: PromoCode | null; shop: MoneyCurrency; onSaved: () => void; onCancel?: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const [draft, setDraft] = useState<PromoDraft>(() => (promo ? draftFromPromo(promo, shop) : EMPTY_PROMO));
  const [errors, setErrors] = useState<PromoErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PromoDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const error = (field: keyof PromoErrors) =>
    errors[field] ? tAdmin(errors[field] === 'required' ? 'admin.promo.error.required' : 'admin.promo.error.format') : null;
  // A code in another currency starts with its amounts empty (draftFromPromo): the old ones are shown beside.
  const stale = promo !== null && promoNeedsReprice(promo, shop);
  const was = (minor: string | null | undefined) =>
    stale && promo && minor ? tAdmin('admin.amountWas', { amount: formatPrice(minor, promoCurrencyOf(promo)) }) : undefined;

  const save = async () => {
    const read = readPromoDraft(draft, shop);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await savePromoCode(api, promo?.id ?? null, read.input);
      toast(tAdmin('admin.promo.saved', { code: read.input.code }));
      onSaved();
    } catch (caught) {
      const taken = caught instanceof ApiError && caught.code === 'PROMO_CODE_TAKEN';
      if (taken) setErrors({ code: 'format' });
      setFailure(
        taken ? tAdmin('admin.promo.error.taken') : caught instanceof ApiError && caught.status < 500 ? caught.message : tAdmin('admin.error.saveFailed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-card" data-testid="promo-form" onSubmit={(event) => (event.preventDefault(), void save())} noValidate>
      <h2 className="card__title">{tAdmin(promo ? 'admin.promo.editTitle' : 'admin.promo.newTitle')}</h2>
      {stale && promo && (
        <p className="admin-warning" data-testid="promo-form-other-currency">
          {tAdmin('admin.promo.otherCurrencyNote', { currency: promoCurrencyOf(promo), shop })}
        </p>
      )}
      <Field label={tAdmin('admin.promo.code')} error={error('code')}>
        <input className="input" dir="ltr" data-testid="promo-code" value={draft.code} maxLength={32} onChange={(e) => set({ code: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.promo.kind')}>
        <select className="input" data-testid="promo-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as PromoDraft['kind'] })}>
          <option value="percent">{tAdmin('admin.promo.kind.percent')}</option>
          <option value="fixed">{tAdmin('admin.promo.kind.fixed')}</option>
        </select>
      </Field>
      <Field
        label={tAdmin(draft.kind === 'percent' ? 'admin.promo.valuePercent' : 'admin.promo.valueFixed', {
          currency: shop,
          example: exampleAmount(shop, currentLocale()),
        })}
        hint={was(draft.kind === 'fixed' && promo?.kind === 'fixed' ? promo.value : null)}
        error={error('value')}
      >
        <input className="input" dir="ltr" inputMode="decimal" data-testid="promo-value" value={draft.value} onChange={(e) => set({ value: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.promo.minSubtotal', { currency: shop })} hint={was(promo?.minSubtotalMinor)} error={error('minSubtotal')}>
        <input className="input" dir="ltr" inputMode="decimal" value={draft.minSubtotal} onChange={(e) => set({ minSubtotal: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.promo.maxUses')} error={error('maxUses')}>
        <input className="input" dir="ltr" inputMode="numeric" value={draft.maxUses} onChange={(e) => set({ maxUses: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.promo.maxUsesPerCustomer')} error={error('maxUsesPerCustomer')}>
        <input className="input" dir="ltr" inputMode="numeric" value={draft.maxUsesPerCustomer} onChange={(e) => set({ maxUsesPerCustomer: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.promo.startsAt')}>
        <input className="input" type="date" value={draft.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.promo.endsAt')} error={error('endsAt')}>
        <input className="input" type="date" value={draft.endsAt} onChange={(e) => set({ endsAt: e.target.value })} />
      </Field>
      <CategoryScope chosen={draft.categoryIds} onChange={(categoryIds) => set({ categoryIds })} />
      <label className="admin-filter">
        <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
        <span>{tAdmin('admin.promo.active')}</span>
      </label>
      {failure && (
        <p className="field__error" role="alert">
          {failure}
        </p>
      )}
      <div className="admin-actions__buttons">
        <button type="submit" className="button button--primary" data-testid="promo-save" disabled={busy} aria-busy={busy || undefined}>
          {tAdmin('admin.save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {tAdmin('admin.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Whole order, or the items of the categories ticked (the server discounts only those lines). */
function CategoryScope({ chosen, onChange }: { chosen: string[]; onChange: (ids: string[]) => void }) {
  const categories = usePromoCategories();
  const list = categories.data ?? [];
  // A category deleted since the code was saved still shows, so unticking it is possible.
  const known = new Set(list.map((c) => c.id));
  const shown = [...list, ...chosen.filter((id) => !known.has(id)).map((id) => ({ id, title: id }))];
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="promo-scope" data-testid="promo-scope">
      <legend>{tAdmin('admin.promo.scope')}</legend>
      <p className="hint">{tAdmin(chosen.length === 0 ? 'admin.promo.scopeWhole' : 'admin.promo.scopeSome', { count: chosen.length })}</p>
      {categories.error !== undefined && <p className="field__error">{tAdmin('admin.promo.scopeUnavailable')}</p>}
      {shown.map((category) => (
        <label key={category.id} className="admin-filter">
          <input
            type="checkbox"
            data-testid="promo-scope-category"
            value={category.id}
            checked={chosen.includes(category.id)}
            onChange={(e) => toggle(category.id, e.target.checked)}
          />
          <bdi>{category.title}</bdi>
        </label>
      ))}
    </fieldset>
  );
}

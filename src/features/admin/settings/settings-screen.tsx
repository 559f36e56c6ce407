import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { useResourceCache } from '../../../platform/services';
import { ErrorView } from '../../../ui/error-view';
import { PrimaryAction } from '../../../ui/primary-action';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { saveShopSettings, useShopSettings } from './api';
import { SHOP_LANGUAGES, type ShopLanguage, type ShopSettings } from '../common/admin-types';
import { Field } from '../common/field';
import { PendingView } from '../common/pending-view';
import { useToast } from '../common/toast';

// Each language named in itself, so the merchant finds it whatever the admin's own language.
const LANGUAGE_NAMES: Record<ShopLanguage, string> = { en: 'English', ru: 'Русский', fa: 'فارسی', hi: 'हिन्दी' };

export function SettingsScreen() {
  const settings = useShopSettings();
  if (!settings.data) return <PendingView resource={settings} label={tAdmin('admin.settings.title')} rows={4} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: ShopSettings }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  const [draft, setDraft] = useState<ShopSettings>(initial);
  const [nameError, setNameError] = useState<string | null>(null);
  // As typed: the field may be empty or half-written while the merchant edits it.
  const [cartHours, setCartHours] = useState(String(initial.abandonedCartHours ?? 4));
  const [cartHoursError, setCartHoursError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const update = (patch: Partial<ShopSettings>) => setDraft((d) => ({ ...d, ...patch }));

  const toggleLanguage = (language: ShopLanguage, on: boolean) => {
    const languages = SHOP_LANGUAGES.filter((l) => (l === language ? on : draft.languages.includes(l)));
    // The default language is always offered: it can't be switched off, only replaced.
    if (languages.length > 0) update({ languages });
  };

  const save = async () => {
    const name = draft.name.trim();
    if (!name) return setNameError(tAdmin('admin.error.required'));
    setNameError(null);
    const abandonedCartHours = Number(cartHours.trim());
    if (!/^\d+$/.test(cartHours.trim()) || abandonedCartHours > 720) return setCartHoursError(tAdmin('admin.settings.cartReminderInvalid'));
    setCartHoursError(null);
    setSaving(true);
    setFailure(undefined);
    try {
      const body: ShopSettings = {
        ...draft,
        name,
        abandonedCartHours,
        languages: draft.languages.includes(draft.defaultLanguage) ? draft.languages : [...draft.languages, draft.defaultLanguage],
      };
      const saved = await saveShopSettings(api, body);
      cache.set(adminKeys.settings, saved);
      setDraft(saved);
      setCartHours(String(saved.abandonedCartHours));
      toast(tAdmin('admin.settings.saved'));
    } catch (caught) {
      setFailure(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="admin-form admin-form--page" data-testid="settings-form" noValidate onSubmit={(event) => (event.preventDefault(), void save())}>
      <h1 className="screen__title">{tAdmin('admin.settings.title')}</h1>
      <Field label={tAdmin('admin.settings.name')} error={nameError}>
        <input className="input" data-testid="settings-name" value={draft.name} maxLength={100} onChange={(e) => update({ name: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.settings.description')} hint={tAdmin('admin.settings.descriptionHint')}>
        <textarea className="input" rows={3} value={draft.description} maxLength={1000} onChange={(e) => update({ description: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.settings.paySupport')} hint={tAdmin('admin.settings.paySupportHint')}>
        <textarea
          className="input"
          rows={3}
          data-testid="settings-pay-support"
          value={draft.paySupportText ?? ''}
          maxLength={2000}
          onChange={(e) => update({ paySupportText: e.target.value })}
        />
      </Field>
      <Field label={tAdmin('admin.settings.cartReminder')} hint={tAdmin('admin.settings.cartReminderHint')} error={cartHoursError}>
        <input
          className="input"
          dir="ltr"
          inputMode="numeric"
          data-testid="settings-cart-hours"
          value={cartHours}
          maxLength={3}
          onChange={(e) => setCartHours(e.target.value)}
        />
      </Field>
      <fieldset className="field">
        <legend className="field__label">{tAdmin('admin.settings.currency')}</legend>
        {(['code', 'symbol'] as const).map((value) => (
          <label key={value} className="admin-choice">
            <input
              type="radio"
              name="currencyDisplay"
              value={value}
              checked={draft.currencyDisplay === value}
              onChange={() => update({ currencyDisplay: value })}
            />
            <span>{tAdmin(`admin.settings.currency.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={tAdmin('admin.settings.defaultLanguage')}>
        <select
          className="input"
          value={draft.defaultLanguage}
          onChange={(e) => {
            const language = e.target.value as ShopLanguage;
            update({ defaultLanguage: language, languages: draft.languages.includes(language) ? draft.languages : [...draft.languages, language] });
          }}
        >
          {SHOP_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="field">
        <legend className="field__label">{tAdmin('admin.settings.languages')}</legend>
        <p className="field__hint">{tAdmin('admin.settings.languagesHint')}</p>
        {SHOP_LANGUAGES.map((l) => (
          <label key={l} className="admin-choice">
            <input
              type="checkbox"
              checked={draft.languages.includes(l)}
              disabled={l === draft.defaultLanguage}
              onChange={(e) => toggleLanguage(l, e.target.checked)}
            />
            <span lang={l}>{LANGUAGE_NAMES[l]}</span>
          </label>
        ))}
      </fieldset>
      {failure !== undefined && <ErrorView compact error={failure} title={tAdmin('admin.error.saveFailed')} onRetry={() => void save()} />}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      <PrimaryAction text={tAdmin('admin.settings.save')} onClick={() => void save()} progress={saving} />
    </form>
  );
}

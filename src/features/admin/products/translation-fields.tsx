import { tAdmin } from '../../../i18n/admin-i18n';
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '../common/admin-types';
import { Field } from '../common/field';
import type { DraftErrors, ProductDraft } from './product-draft';

// Each language named in itself, so the merchant finds it whatever language the admin screens are in.
const NAMES: Record<TranslationLanguage, string> = { ru: 'Русский', fa: 'فارسی', hi: 'हिन्दी' };

/** A product's title and description in the shop's other languages; empty means "show the English one". */
export function TranslationFields({
  translations,
  errors,
  onChange,
}: {
  translations: ProductDraft['translations'];
  errors: Pick<DraftErrors, `title:${TranslationLanguage}` | `description:${TranslationLanguage}`>;
  onChange: (translations: ProductDraft['translations']) => void;
}) {
  const filled = TRANSLATION_LANGUAGES.filter((l) => translations[l].title.trim() || translations[l].description.trim()).length;
  const set = (lang: TranslationLanguage, patch: Partial<{ title: string; description: string }>) =>
    onChange({ ...translations, [lang]: { ...translations[lang], ...patch } });
  const message = (error: string | undefined) => (error ? tAdmin('admin.error.tooLong') : null);
  return (
    <details className="admin-details" data-testid="translations" open={filled > 0 || undefined}>
      <summary>{tAdmin('admin.product.translations', { count: filled })}</summary>
      <p className="field__hint">{tAdmin('admin.product.translationsHint')}</p>
      {TRANSLATION_LANGUAGES.map((lang) => (
        <fieldset key={lang} className="field admin-translation">
          <legend className="field__label" lang={lang}>
            {NAMES[lang]}
          </legend>
          <Field label={tAdmin('admin.product.title')} error={message(errors[`title:${lang}`])}>
            <input
              className="input"
              lang={lang}
              dir="auto"
              maxLength={200}
              value={translations[lang].title}
              onChange={(e) => set(lang, { title: e.target.value })}
            />
          </Field>
          <Field label={tAdmin('admin.product.description')} error={message(errors[`description:${lang}`])}>
            <textarea
              className="input"
              lang={lang}
              dir="auto"
              rows={2}
              maxLength={5000}
              value={translations[lang].description}
              onChange={(e) => set(lang, { description: e.target.value })}
            />
          </Field>
        </fieldset>
      ))}
    </details>
  );
}

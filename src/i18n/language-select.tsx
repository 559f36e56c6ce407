import { t, useLocale } from './i18n';
import { LOCALE_NAMES, LOCALES, type Locale } from './supported-locales';

/**
 * The language switcher: a native <select>, which keyboards, screen readers and phones already handle
 * well; each language is named in itself and marked with its `lang`, so it is read out in that language.
 */
export function LanguageSelect({ onSelect }: { onSelect: (locale: Locale) => void }) {
  const locale = useLocale();
  return (
    <label className="language-select">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select value={locale} onChange={(event) => onSelect(event.target.value as Locale)}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

// Right-to-left scripts among the locales we plan (fa) and the common ones we may add.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

export type TextDirection = 'ltr' | 'rtl';

export function textDirection(locale: string): TextDirection {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** Sets `lang`/`dir` on <html>; the CSS uses logical properties only, so this flips the layout. */
export function applyDocumentLocale(root: { lang: string; dir: string }, locale: string): void {
  root.lang = locale;
  root.dir = textDirection(locale);
}

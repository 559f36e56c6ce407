import { en } from './en';
import { setMessages } from './i18n';
import { applyDocumentLocale } from './locale';
import { detectLocale, type Locale } from './supported-locales';
import type { Catalog } from './types';

const STORAGE_KEY = 'bazaar:locale';

// One chunk per language, fetched only when that language is active; English is built in.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  ru: () => import('./ru').then((m) => m.ru),
  fa: () => import('./fa').then((m) => m.fa),
  hi: () => import('./hi').then((m) => m.hi),
};

let latestRequest = 0;

/** Loads the locale's catalog, then switches text, `lang` and `dir` together (the last call wins). */
async function activateLocale(locale: Locale, root: HTMLElement, beforeSwitch?: () => void): Promise<void> {
  const request = ++latestRequest;
  const catalog = locale === 'en' ? en : await loaders[locale]();
  if (request !== latestRequest) return;
  beforeSwitch?.();
  applyDocumentLocale(root, locale);
  setMessages(locale, catalog);
}

/** At start: the saved choice, else Telegram's language, else the browser's; resolves once it shows. */
export async function startLocale(win: Window, telegramLanguage: string | null): Promise<void> {
  let saved: string | null = null;
  try {
    saved = win.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked (private mode, a sandboxed frame): detect afresh each time.
  }
  const locale = detectLocale([saved, telegramLanguage, ...(win.navigator.languages ?? [])]);
  try {
    await activateLocale(locale, win.document.documentElement);
  } catch {
    // The language's chunk didn't arrive (offline, a deploy replaced it): English beats no shop.
    applyDocumentLocale(win.document.documentElement, 'en');
  }
}

/**
 * The switcher's choice: shown at once (no reload) and remembered over the detected language.
 * `beforeSwitch` runs just before the new language renders, e.g. to mark language-dependent data stale.
 */
export async function chooseLocale(locale: Locale, win: Window, beforeSwitch?: () => void): Promise<void> {
  await activateLocale(locale, win.document.documentElement, beforeSwitch);
  try {
    win.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but switched for this one.
  }
}

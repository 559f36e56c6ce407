import type { Product, ProductTranslations } from './catalog';

// A BCP 47-ish tag as clients send it: "ru", "fa-IR", "zh-Hant-TW", Telegram's "pt-br".
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const MAX_LANGUAGES = 10;

/** Whether `tag` is a well-formed language tag (`?locale=` is rejected otherwise). */
export function isLanguageTag(tag: string): boolean {
  return tag.length <= 35 && LANGUAGE_TAG.test(tag);
}

/**
 * The languages an `Accept-Language` header asks for, most wanted first, lower-cased ("ru-RU,ru;q=0.9,
 * en;q=0.8" → ["ru-ru", "ru", "en"]). `*`, `q=0` and malformed entries are dropped; at most ten.
 * RFC 9110 §12.5.4.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranked: { tag: string; q: number; index: number }[] = [];
  header.split(',').forEach((entry, index) => {
    const [rawTag = '', ...params] = entry.trim().split(';');
    const tag = rawTag.trim().replace(/_/g, '-').toLowerCase();
    if (!isLanguageTag(tag)) return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    ranked.push({ tag, q, index });
  });
  ranked.sort((a, b) => b.q - a.q || a.index - b.index);
  return [...new Set(ranked.map((r) => r.tag))].slice(0, MAX_LANGUAGES);
}

/**
 * The key of `translations` that best serves `wanted` (most wanted first): an exact tag, else the same
 * language ("ru-RU" is served by "ru", "pt" by "pt-BR"). Null when none fits: show the default text.
 */
export function pickTranslation(translations: ProductTranslations, wanted: readonly string[]): string | null {
  const keys = Object.keys(translations);
  const language = (tag: string) => tag.toLowerCase().split('-')[0];
  for (const tag of wanted) {
    const exact = keys.find((key) => key.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const sameLanguage = keys.find((key) => language(key) === language(tag));
    if (sameLanguage) return sameLanguage;
  }
  return null;
}

/**
 * The product with its title and description in the best of the wanted languages. Each field falls
 * back on its own to the shop's default text, so a translated title with no translated description
 * still shows a description.
 */
export function localizeProduct(product: Product, wanted: readonly string[]): Product {
  const translations = product.translations ?? {};
  const key = pickTranslation(translations, wanted);
  const chosen = key === null ? undefined : translations[key];
  if (!chosen) return product;
  return {
    ...product,
    title: chosen.title?.trim() || product.title,
    description: chosen.description?.trim() || product.description,
  };
}

/** The translated titles by locale, blank ones left out: what a message picks a product's title from. */
export function listTranslatedTitles(translations: ProductTranslations | null | undefined): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const [locale, fields] of Object.entries(translations ?? {})) {
    if (typeof fields?.title === 'string' && fields.title.trim() !== '') titles[locale] = fields.title;
  }
  return titles;
}

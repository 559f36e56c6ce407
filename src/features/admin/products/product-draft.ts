// The product editor's form as plain data: what a person typed (strings), checked and turned into the
// API's fields (integers, minor units of the shop's pricing currency). Pure, so it tests without a DOM.
import type { MoneyCurrency } from '../../../domain/format-money';
import type { AmountInputError } from '../common/decimal-amount';
import { formatMoneyInput, parseMoneyInput } from '../common/money-input';
import { TRANSLATION_LANGUAGES, type AdminProduct, type ProductInput, type ProductTranslations, type TranslationLanguage } from '../common/admin-types';

export interface ProductDraft {
  title: string;
  slug: string;
  description: string;
  /** In the shop's pricing currency, as typed: "1.5". */
  price: string;
  /** In the shop's pricing currency, as typed; '' for none. */
  compareAt: string;
  kind: 'physical' | 'digital';
  /** Whole Stars, as typed; '' for not sold in Stars. */
  starsPrice: string;
  stock: string;
  /** '' for no category. */
  categoryId: string;
  active: boolean;
  images: string[];
  /** Title and description per language, as typed ('' for none). */
  translations: Record<TranslationLanguage, { title: string; description: string }>;
}

export type DraftField = 'title' | 'slug' | 'description' | 'price' | 'compareAt' | 'starsPrice' | 'stock';
export type DraftError = 'required' | 'slugFormat' | 'tooLong' | 'stockFormat' | 'compareAtLow' | 'zeroPrice' | 'starsFormat' | AmountInputError;

/** The highest Stars price the server takes (functions/core/catalog/product-limits.ts MAX_PRICE_STARS). */
const MAX_STARS_PRICE = 100_000;
export type DraftErrors = Partial<Record<DraftField | `title:${TranslationLanguage}` | `description:${TranslationLanguage}`, DraftError>>;

export type DraftResult = { ok: true; input: ProductInput } | { ok: false; errors: DraftErrors };

const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const EMPTY_DRAFT: ProductDraft = {
  title: '',
  slug: '',
  description: '',
  price: '',
  compareAt: '',
  kind: 'physical',
  starsPrice: '',
  stock: '0',
  categoryId: '',
  active: true,
  images: [],
  translations: { ru: { title: '', description: '' }, fa: { title: '', description: '' }, hi: { title: '', description: '' } },
};

function draftTranslations(translations: ProductTranslations | undefined): ProductDraft['translations'] {
  const entry = (lang: TranslationLanguage) => ({ title: translations?.[lang]?.title ?? '', description: translations?.[lang]?.description ?? '' });
  return { ru: entry('ru'), fa: entry('fa'), hi: entry('hi') };
}

/** Only the languages and fields that have text: an empty field means "no translation, show English". */
function inputTranslations(draft: ProductDraft['translations']): ProductTranslations {
  const out: ProductTranslations = {};
  for (const lang of TRANSLATION_LANGUAGES) {
    const title = draft[lang].title.trim();
    const description = draft[lang].description.trim();
    if (title || description) out[lang] = { ...(title && { title }), ...(description && { description }) };
  }
  return out;
}

/**
 * The form for a saved product, prices in `shop` (the pricing currency). A product priced in another
 * currency starts with empty price fields: its old amounts count something else, and the merchant types
 * the new ones (saving them reprices it).
 */
export function draftFromProduct(product: AdminProduct, shop: MoneyCurrency = 'TON'): ProductDraft {
  const repricing = (product.currency ?? 'TON') !== shop;
  return {
    title: product.title,
    slug: product.slug,
    description: product.description,
    price: repricing ? '' : formatMoneyInput(product.priceMinor, shop),
    compareAt: repricing || product.compareAtPriceMinor === null ? '' : formatMoneyInput(product.compareAtPriceMinor, shop),
    kind: product.kind ?? 'physical',
    starsPrice: product.priceStars == null ? '' : String(product.priceStars),
    stock: String(product.stock),
    categoryId: product.categoryId ?? '',
    active: product.active,
    images: [...product.images],
    translations: draftTranslations(product.translations),
  };
}

/** A URL slug from a title: "Cold Brew №2" → "cold-brew-2"; '' when nothing Latin is left (type one then). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Checks the draft (prices in `shop`, the pricing currency) and gives the API body, or an error per field. */
export function validateDraft(draft: ProductDraft, shop: MoneyCurrency = 'TON'): DraftResult {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'required';
  else if (title.length > 200) errors.title = 'tooLong';
  const slug = draft.slug.trim();
  if (!slug) errors.slug = 'required';
  else if (!SLUG_RE.test(slug)) errors.slug = 'slugFormat';
  if (draft.description.length > 5000) errors.description = 'tooLong';

  const price = parseMoneyInput(draft.price, shop);
  if (!price.ok) errors.price = price.error === 'empty' ? 'required' : price.error;
  else if (BigInt(price.minor) === 0n) errors.price = 'zeroPrice';

  let compareAtPriceMinor: string | null = null;
  if (draft.compareAt.trim() !== '') {
    const compareAt = parseMoneyInput(draft.compareAt, shop);
    if (!compareAt.ok) errors.compareAt = compareAt.error;
    else if (price.ok && BigInt(compareAt.minor) <= BigInt(price.minor)) errors.compareAt = 'compareAtLow';
    else compareAtPriceMinor = compareAt.minor;
  }

  // Stars are whole numbers: "150", never "1.5".
  let priceStars: number | null = null;
  const starsText = draft.starsPrice.trim();
  if (starsText !== '') {
    const stars = /^\d{1,6}$/.test(starsText) ? Number(starsText) : NaN;
    if (!Number.isInteger(stars) || stars < 1 || stars > MAX_STARS_PRICE) errors.starsPrice = 'starsFormat';
    else priceStars = stars;
  }

  const stockText = draft.stock.trim();
  const stock = /^\d{1,9}$/.test(stockText) ? Number(stockText) : NaN;
  if (stockText === '') errors.stock = 'required';
  else if (!Number.isSafeInteger(stock)) errors.stock = 'stockFormat';

  for (const lang of TRANSLATION_LANGUAGES) {
    if (draft.translations[lang].title.trim().length > 200) errors[`title:${lang}`] = 'tooLong';
    if (draft.translations[lang].description.length > 5000) errors[`description:${lang}`] = 'tooLong';
  }

  if (Object.keys(errors).length > 0 || !price.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      slug,
      description: draft.description,
      priceMinor: price.minor,
      compareAtPriceMinor,
      kind: draft.kind,
      priceStars,
      stock,
      categoryId: draft.categoryId || null,
      active: draft.active,
      images: draft.images,
      translations: inputTranslations(draft.translations),
    },
  };
}

/**
 * Only the fields that differ from the saved product: a PATCH that says what the merchant changed. A
 * product priced in another currency than `shop` always sends its prices: the same digits count something
 * else now, and a new price is what reprices it.
 */
export function changedFields(product: AdminProduct, input: ProductInput, shop: MoneyCurrency = 'TON'): Partial<ProductInput> {
  const changes: Partial<ProductInput> = {};
  const repricing = (product.currency ?? 'TON') !== shop;
  for (const key of Object.keys(input) as (keyof ProductInput)[]) {
    if (repricing && (key === 'priceMinor' || key === 'compareAtPriceMinor')) {
      (changes as Record<string, unknown>)[key] = input[key];
      continue;
    }
    const before = key === 'translations' ? inputTranslations(draftTranslations(product.translations)) : product[key];
    const after = input[key];
    const same = typeof after === 'object' && after !== null ? JSON.stringify(before) === JSON.stringify(after) : before === after;
    if (!same) (changes as Record<string, unknown>)[key] = after;
  }
  return changes;
}

// The product editor's form as plain data: what a person typed (strings), checked and turned into the
// API's fields (integers, nanotons). Pure, so it tests without a DOM.
import { formatTonInput, parseTonInput, type TonInputError } from '../common/ton-amount';
import { TRANSLATION_LANGUAGES, type AdminProduct, type ProductInput, type ProductTranslations, type TranslationLanguage } from '../common/admin-types';

export interface ProductDraft {
  title: string;
  slug: string;
  description: string;
  /** TON, as typed: "1.5". */
  price: string;
  /** TON, as typed; '' for none. */
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
export type DraftError = 'required' | 'slugFormat' | 'tooLong' | 'stockFormat' | 'compareAtLow' | 'zeroPrice' | 'starsFormat' | TonInputError;

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

export function draftFromProduct(product: AdminProduct): ProductDraft {
  return {
    title: product.title,
    slug: product.slug,
    description: product.description,
    price: formatTonInput(product.priceMinor),
    compareAt: product.compareAtPriceMinor === null ? '' : formatTonInput(product.compareAtPriceMinor),
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

/** Checks the draft and gives the API body, or an error per field. */
export function validateDraft(draft: ProductDraft): DraftResult {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'required';
  else if (title.length > 200) errors.title = 'tooLong';
  const slug = draft.slug.trim();
  if (!slug) errors.slug = 'required';
  else if (!SLUG_RE.test(slug)) errors.slug = 'slugFormat';
  if (draft.description.length > 5000) errors.description = 'tooLong';

  const price = parseTonInput(draft.price);
  if (!price.ok) errors.price = price.error === 'empty' ? 'required' : price.error;
  else if (BigInt(price.nano) === 0n) errors.price = 'zeroPrice';

  let compareAtPriceMinor: string | null = null;
  if (draft.compareAt.trim() !== '') {
    const compareAt = parseTonInput(draft.compareAt);
    if (!compareAt.ok) errors.compareAt = compareAt.error;
    else if (price.ok && BigInt(compareAt.nano) <= BigInt(price.nano)) errors.compareAt = 'compareAtLow';
    else compareAtPriceMinor = compareAt.nano;
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
      priceMinor: price.nano,
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

/** Only the fields that differ from the saved product: a PATCH that says what the merchant changed. */
export function changedFields(product: AdminProduct, input: ProductInput): Partial<ProductInput> {
  const changes: Partial<ProductInput> = {};
  for (const key of Object.keys(input) as (keyof ProductInput)[]) {
    const before = key === 'translations' ? inputTranslations(draftTranslations(product.translations)) : product[key];
    const after = input[key];
    const same = typeof after === 'object' && after !== null ? JSON.stringify(before) === JSON.stringify(after) : before === after;
    if (!same) (changes as Record<string, unknown>)[key] = after;
  }
  return changes;
}

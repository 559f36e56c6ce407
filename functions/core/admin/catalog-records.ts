import type { ProductKind } from '../catalog/catalog';
import type { PricingCurrency } from '../pricing/currencies';
import { MAX_OPTIONS, fitsOptions, type ProductOption } from '../catalog/variants';
import { SHOP_LANGUAGES, type ShopLanguage } from './shop-settings';

/** A category as exported and imported: matched by slug, never by id (ids differ between shops). */
export interface CatalogCategoryRecord {
  slug: string;
  title: string;
  position: number;
}

export type ProductTranslations = Partial<Record<ShopLanguage, { title?: string; description?: string }>>;

/** A variant as exported and imported: matched by its option values within its product. */
export interface CatalogVariantRecord {
  optionValues: string[];
  sku: string | null;
  /** Null: the product's price. */
  priceMinor: bigint | null;
  stock: number;
  image: string | null;
  active: boolean;
}

/** A product as exported and imported: matched by slug; `category` is the category's slug. */
export interface CatalogProductRecord {
  slug: string;
  title: string;
  description: string;
  /** What priceMinor, compareAtPriceMinor and the variants' prices count. */
  currency: PricingCurrency;
  priceMinor: bigint;
  compareAtPriceMinor: bigint | null;
  active: boolean;
  category: string | null;
  images: string[];
  translations: ProductTranslations;
  kind: ProductKind;
  options: ProductOption[];
  /** At least one; a product without options has exactly one, with no option values. */
  variants: CatalogVariantRecord[];
}

/**
 * The variants a product's catalog record lists: every variant of its options, switched-off ones included,
 * and not the leftovers of options it had before. The admin and the import never delete a variant they no
 * longer list (orders name it), they switch it off; when the options change, that leaves switched-off rows
 * that fit no combination of the new options (the default variant once sizes came in, a removed size, the
 * sizes alone once a colour came in, the sizes once the options went). Such a leftover is not part of the
 * catalog: it can be neither sold nor chosen, and its order lines carry their own label, SKU and price
 * (the orders export has them). So the catalog export leaves it out, rather than writing it in a form the
 * importer would have to accept: the CSV cannot even say it (a product's option values are read from its
 * rows, so a leftover "L" would put L back among the sizes), and every export imports back, into another
 * shop or the same one (where the leftover stays, off), giving the same export again. What is lost is only
 * the leftover's last SKU, stock and price, which the shop itself reuses only if the merchant brings that
 * exact combination back. A variant that is active is always listed (the admin keeps every active variant
 * fitting its options; one that did not would be a fault to report, not to hide).
 */
export function catalogVariants<V extends { optionValues: readonly string[]; active: boolean }>(
  options: readonly ProductOption[],
  variants: readonly V[],
): V[] {
  return variants.filter((variant) => variant.active || fitsOptions(options, variant.optionValues));
}

/** One row of an import file before validation: where it came from and its fields as written. */
export interface RawCatalogRow {
  row: number;
  fields: Record<string, unknown>;
  /** CSV: every row of this product (the first one included), one per variant. */
  variantRows?: RawCatalogRow[];
}

export interface RawCatalog {
  categories: RawCatalogRow[];
  products: RawCatalogRow[];
}

const TRANSLATION_COLUMNS = SHOP_LANGUAGES.flatMap((lang) => [`title:${lang}`, `description:${lang}`]);
const OPTION_COLUMNS = Array.from({ length: MAX_OPTIONS }, (_, i) => [`option${i + 1}Name`, `option${i + 1}Value`]).flat();

/**
 * The catalog CSV's columns, in order. Category rows use type, slug, title and position only. A product
 * takes one row per variant, as spreadsheet shops write it: the first row carries the product's fields,
 * the next rows of the same slug may leave them blank; `stock` is the variant's.
 */
export const CATALOG_CSV_COLUMNS = [
  'type',
  'slug',
  'title',
  'description',
  'currency',
  'priceMinor',
  'compareAtPriceMinor',
  'stock',
  'active',
  'category',
  'position',
  'images',
  'kind',
  ...OPTION_COLUMNS,
  'variantSku',
  'variantPriceMinor',
  'variantImage',
  'variantActive',
  ...TRANSLATION_COLUMNS,
] as const;

type CsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];

/** The catalog as CSV records: the header, one row per category, then one per product variant. */
export function catalogToCsvRecords(categories: readonly CatalogCategoryRecord[], products: readonly CatalogProductRecord[]): string[][] {
  const header = [...CATALOG_CSV_COLUMNS];
  const row = (cells: Partial<Record<CsvColumn, string>>) => header.map((column) => cells[column] ?? '');
  return [
    header,
    ...categories.map((c) => row({ type: 'category', slug: c.slug, title: c.title, position: String(c.position) })),
    ...products.flatMap((p) =>
      p.variants.map((variant, index) =>
        row({
          type: 'product',
          slug: p.slug,
          stock: String(variant.stock),
          ...Object.fromEntries(
            p.options.flatMap((option, i) => [
              [`option${i + 1}Name`, option.name],
              [`option${i + 1}Value`, variant.optionValues[i] ?? ''],
            ]),
          ),
          variantSku: variant.sku ?? '',
          variantPriceMinor: variant.priceMinor?.toString() ?? '',
          variantImage: variant.image ?? '',
          variantActive: String(variant.active),
          // The product's own fields once, on its first row.
          ...(index === 0 && {
            title: p.title,
            description: p.description,
            currency: p.currency,
            priceMinor: p.priceMinor.toString(),
            compareAtPriceMinor: p.compareAtPriceMinor?.toString() ?? '',
            active: String(p.active),
            category: p.category ?? '',
            kind: p.kind,
            // URLs never contain a raw space, so a space separates them unambiguously.
            images: p.images.join(' '),
            ...Object.fromEntries(
              SHOP_LANGUAGES.flatMap((lang) => [
                [`title:${lang}`, p.translations[lang]?.title ?? ''],
                [`description:${lang}`, p.translations[lang]?.description ?? ''],
              ]),
            ),
          }),
        }),
      ),
    ),
  ];
}

/**
 * Money columns of files exported before prices had a currency (nanotons, the shop priced in TON then):
 * read under their new names, and their products as priced in TON unless the file says otherwise.
 */
const LEGACY_NANO_COLUMNS: Readonly<Record<string, string>> = {
  priceNano: 'priceMinor',
  compareAtPriceNano: 'compareAtPriceMinor',
  variantPriceNano: 'variantPriceMinor',
};
const LEGACY_CURRENCY = 'TON';

/**
 * CSV records (header first) as raw rows for validation. Empty cells count as "not given"; the type
 * column may be left out (every row is then a product). Row numbers are spreadsheet rows (header = 1).
 */
export function csvRecordsToRawCatalog(records: readonly (readonly string[])[]): RawCatalog {
  const [header = [], ...rows] = records;
  const written = header.map((name) => name.trim());
  // A legacy name is read as the new one only when the file has not both (then the new one counts).
  const names = written.map((name) => (LEGACY_NANO_COLUMNS[name] && !written.includes(LEGACY_NANO_COLUMNS[name]) ? LEGACY_NANO_COLUMNS[name] : name));
  const legacy = written.some((name) => name in LEGACY_NANO_COLUMNS) && !names.includes('currency');
  const catalog: RawCatalog = { categories: [], products: [] };
  // A product's rows (one per variant) are gathered under its first, by slug.
  const productsBySlug = new Map<string, RawCatalogRow>();
  rows.forEach((cells, index) => {
    const fields: Record<string, unknown> = {};
    const translations: Record<string, Record<string, string>> = {};
    names.forEach((name, column) => {
      const value = cells[column] ?? '';
      if (value === '') return;
      const translation = /^(title|description):([a-z]{2})$/.exec(name);
      if (translation) (translations[translation[2]!] ??= {})[translation[1]!] = value;
      else if (name === 'images') fields.images = value.split(/\s+/).filter(Boolean);
      else fields[name] = value;
    });
    if (Object.keys(translations).length > 0) fields.translations = translations;
    if (legacy) fields.currency = LEGACY_CURRENCY;
    const row = { row: index + 2, fields };
    if (
      String(fields.type ?? 'product')
        .trim()
        .toLowerCase() === 'category'
    ) {
      catalog.categories.push(row);
      return;
    }
    const slug = typeof fields.slug === 'string' ? fields.slug.trim() : '';
    const first = slug ? productsBySlug.get(slug) : undefined;
    if (first) {
      first.variantRows!.push(row);
      return;
    }
    const product: RawCatalogRow = { ...row, variantRows: [row] };
    if (slug) productsBySlug.set(slug, product);
    catalog.products.push(product);
  });
  return catalog;
}

/** A JSON catalog export (`{ kind, items, categories }`) as raw rows; row = 1-based position in its list. */
export function jsonToRawCatalog(data: unknown): RawCatalog | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const { items, categories = [] } = data as { items?: unknown; categories?: unknown };
  if (!Array.isArray(items) || !Array.isArray(categories)) return null;
  const toRows = (list: unknown[], read: (fields: Record<string, unknown>) => Record<string, unknown> = (f) => f): RawCatalogRow[] =>
    list.map((entry, index) => ({
      row: index + 1,
      fields: entry && typeof entry === 'object' && !Array.isArray(entry) ? read(entry as Record<string, unknown>) : { _: entry },
    }));
  return { categories: toRows(categories), products: toRows(items, readLegacyJsonProduct) };
}

/** A product of a JSON export made before prices had a currency: priceNano … read as priceMinor … in TON. */
function readLegacyJsonProduct(fields: Record<string, unknown>): Record<string, unknown> {
  const renamed = (record: Record<string, unknown>, from: string, to: string) => {
    if (!(from in record) || to in record) return record;
    const { [from]: value, ...rest } = record;
    return { ...rest, [to]: value };
  };
  const legacy =
    'priceNano' in fields ||
    'compareAtPriceNano' in fields ||
    (Array.isArray(fields.variants) && fields.variants.some((v) => v && typeof v === 'object' && 'priceNano' in v));
  if (!legacy) return fields;
  let product = renamed(renamed(fields, 'priceNano', 'priceMinor'), 'compareAtPriceNano', 'compareAtPriceMinor');
  if (Array.isArray(product.variants)) {
    product = {
      ...product,
      variants: product.variants.map((v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? renamed(v as Record<string, unknown>, 'priceNano', 'priceMinor') : v,
      ),
    };
  }
  return 'currency' in product ? product : { ...product, currency: LEGACY_CURRENCY };
}

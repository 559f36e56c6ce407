import { z } from 'zod';
import { PRODUCT_KINDS } from '../catalog/catalog';
import { MAX_OPTIONS, MAX_VARIANTS, fitsOptions, productOptionsSchema, type ProductOption } from '../catalog/variants';
import {
  catalogVariants,
  type CatalogCategoryRecord,
  type CatalogProductRecord,
  type CatalogVariantRecord,
  type RawCatalog,
  type RawCatalogRow,
} from './catalog-records';
import type { PricingCurrency } from '../pricing/currencies';
import {
  activeField,
  currencyField,
  descriptionField,
  imagesField,
  minorField,
  positionField,
  slugField,
  stockField,
  titleField,
  translationsField,
} from './product-fields';
import { text } from '../text/storable-text';

/** One thing wrong with one row of an import file. */
export interface ImportProblem {
  row: number;
  section: 'category' | 'product';
  field: string;
  message: string;
}

export type CatalogImportResult =
  { ok: true; categories: CatalogCategoryRecord[]; products: CatalogProductRecord[] } | { ok: false; problems: ImportProblem[] };

const categoryRow = z.object({ slug: slugField, title: titleField, position: positionField.optional() });

const productRow = z.object({
  // CSV rows say what they are; anything but category/product is a typo worth reporting.
  type: text().trim().toLowerCase().pipe(z.literal('product', 'must be product or category')).optional(),
  slug: slugField,
  title: titleField,
  description: descriptionField.optional(),
  /** What the prices count; the shop's pricing currency when left out. Stored as given. */
  currency: currencyField.optional(),
  priceMinor: minorField,
  compareAtPriceMinor: minorField.nullish(),
  // A product sold without options may give its stock here (a JSON file, or one CSV row).
  stock: stockField.optional(),
  active: activeField.optional(),
  category: slugField.nullish(),
  images: imagesField.optional(),
  translations: translationsField.optional(),
  kind: text().trim().toLowerCase().pipe(z.enum(PRODUCT_KINDS, 'must be physical or digital')).optional(),
  options: productOptionsSchema.optional(),
  variants: z.array(z.record(text(), z.unknown())).max(MAX_VARIANTS).optional(),
});

const optionValue = text().trim().min(1).max(40);

/** A variant as a JSON file lists it. */
const jsonVariant = z.object({
  optionValues: z.array(optionValue).max(MAX_OPTIONS).default([]),
  sku: text().trim().min(1).max(64).nullish(),
  priceMinor: minorField.nullish(),
  stock: stockField,
  image: imagesField.element.nullish(),
  active: activeField.optional(),
});

/** A variant as a CSV row writes it: the option values in their columns, the variant's fields after. */
const csvVariant = z.object({
  option1Value: optionValue.optional(),
  option2Value: optionValue.optional(),
  option3Value: optionValue.optional(),
  stock: stockField,
  variantSku: text().trim().min(1).max(64).optional(),
  variantPriceMinor: minorField.optional(),
  variantImage: imagesField.element.optional(),
  variantActive: activeField.optional(),
});

/** The rows an import file is read as: what tests generate import files from (test/integration/fuzz). */
export const catalogImportRows = { categoryRow, productRow, jsonVariant, csvVariant };

/** Most problems listed in one answer: enough to fix a file, bounded for a file that is all wrong. */
export const MAX_IMPORT_PROBLEMS = 500;

/**
 * Checks every row of an import and reports every problem at once (a merchant fixes the file in one go),
 * or returns the clean records. A product's category must be in the file or among `existingCategorySlugs`;
 * a slug may appear once per section. A product without a `currency` is priced in `shopCurrency`; one in
 * another is kept as given (not sold until repriced). Nothing here touches the database: the caller
 * writes all or nothing.
 */
export function validateCatalogImport(raw: RawCatalog, existingCategorySlugs: ReadonlySet<string>, shopCurrency: PricingCurrency): CatalogImportResult {
  const problems: ImportProblem[] = [];
  const categories: CatalogCategoryRecord[] = [];
  const products: CatalogProductRecord[] = [];

  const seenCategories = new Set<string>();
  raw.categories.forEach((row, index) => {
    const parsed = parseRow(categoryRow, row, 'category', problems);
    if (!parsed) return;
    if (seenCategories.has(parsed.slug)) {
      problems.push({ row: row.row, section: 'category', field: 'slug', message: `"${parsed.slug}" is listed twice` });
      return;
    }
    seenCategories.add(parsed.slug);
    categories.push({ slug: parsed.slug, title: parsed.title, position: parsed.position ?? index });
  });

  const seenProducts = new Set<string>();
  for (const row of raw.products) {
    const parsed = parseRow(productRow, row, 'product', problems);
    if (!parsed) continue;
    if (seenProducts.has(parsed.slug)) {
      problems.push({ row: row.row, section: 'product', field: 'slug', message: `"${parsed.slug}" is listed twice` });
      continue;
    }
    seenProducts.add(parsed.slug);
    const category = parsed.category ?? null;
    if (category !== null && !seenCategories.has(category) && !existingCategorySlugs.has(category)) {
      problems.push({ row: row.row, section: 'product', field: 'category', message: `no category "${category}" in the file or the shop` });
      continue;
    }
    const sold = row.variantRows ? csvVariants(row, problems) : jsonVariants(row, parsed, problems);
    if (!sold) continue;
    const compareAt = parsed.compareAtPriceMinor ?? null;
    products.push({
      slug: parsed.slug,
      title: parsed.title,
      description: parsed.description ?? '',
      currency: parsed.currency ?? shopCurrency,
      priceMinor: parsed.priceMinor,
      compareAtPriceMinor: compareAt,
      active: parsed.active ?? true,
      category,
      images: parsed.images ?? [],
      translations: parsed.translations ?? {},
      kind: parsed.kind ?? 'physical',
      options: sold.options,
      variants: sold.variants,
    });
  }
  // Categories first, then products, each in the file's row order: a product's variant rows are read
  // together, so their problems are found out of order.
  const sorted = problems.map((p, i) => ({ p, i })).sort((a, b) => sectionOrder(a.p) - sectionOrder(b.p) || a.p.row - b.p.row || a.i - b.i);
  if (problems.length > 0) return { ok: false, problems: sorted.map(({ p }) => p).slice(0, MAX_IMPORT_PROBLEMS) };
  return { ok: true, categories, products };
}

const sectionOrder = (problem: ImportProblem) => (problem.section === 'category' ? 0 : 1);

type Sold = { options: ProductOption[]; variants: CatalogVariantRecord[] } | null;

/** A JSON product's variants: as listed, or its one default variant holding `stock`. */
function jsonVariants(row: RawCatalogRow, parsed: z.output<typeof productRow>, problems: ImportProblem[]): Sold {
  const options = parsed.options ?? [];
  if (!parsed.variants) {
    if (options.length > 0) return problem(problems, row.row, 'variants', 'a product with options lists its variants');
    if (parsed.stock === undefined) return problem(problems, row.row, 'stock', 'is required');
    return { options, variants: [{ optionValues: [], sku: null, priceMinor: null, stock: parsed.stock, image: null, active: true }] };
  }
  const variants: CatalogVariantRecord[] = [];
  for (const [index, fields] of parsed.variants.entries()) {
    const variant = parseRow(jsonVariant, { row: row.row, fields }, 'product', problems, `variants.${index}.`);
    if (!variant) return null;
    variants.push({
      optionValues: variant.optionValues,
      sku: variant.sku ?? null,
      priceMinor: variant.priceMinor ?? null,
      stock: variant.stock,
      image: variant.image ?? null,
      active: variant.active ?? true,
    });
  }
  return checkSold(row.row, options, variants, problems);
}

/**
 * A CSV product's variants: one per row of its slug, options named on the first row. A file exported before
 * the export left out switched-off leftovers of earlier options (catalogVariants) still imports: a
 * switched-off row short of an option value (the default variant once sizes came in), or one repeating the
 * option values of the one active row that has them (the sizes of a product whose colour went, written
 * with the sizes alone), is such a leftover and is skipped. Everything else is checked as written.
 */
function csvVariants(row: RawCatalogRow, problems: ImportProblem[]): Sold {
  const names = [1, 2, 3].map((n) => row.fields[`option${n}Name`]).filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  const read: { row: number; variant: CatalogVariantRecord }[] = [];
  for (const variantRow of row.variantRows ?? []) {
    const variant = parseRow(csvVariant, variantRow, 'product', problems);
    if (!variant) return null;
    const optionValues = names.map((_, i) => [variant.option1Value, variant.option2Value, variant.option3Value][i]);
    const active = variant.variantActive ?? true;
    const missing = optionValues.findIndex((value) => value === undefined);
    if (missing >= 0 && !active) continue;
    if (missing >= 0) return problem(problems, variantRow.row, `option${missing + 1}Value`, 'is required');
    read.push({
      row: variantRow.row,
      variant: {
        optionValues: optionValues as string[],
        sku: variant.variantSku ?? null,
        priceMinor: variant.variantPriceMinor ?? null,
        stock: variant.stock,
        image: variant.variantImage ?? null,
        active,
      },
    });
  }
  const kept = withoutRepeatedLeftovers(read);
  const variants = kept.map((entry) => entry.variant);
  if (names.length === 0 && variants.length > 1) return problem(problems, kept[1]!.row, 'slug', `"${String(row.fields.slug)}" is listed twice`);
  // The options' values, in the order the rows first name them.
  const values = names.map((_, i) => [...new Set(variants.map((variant) => variant.optionValues[i]!))]);
  const options = productOptionsSchema.safeParse(names.map((name, i) => ({ name, values: values[i] })));
  if (!options.success) return problem(problems, row.row, 'option1Name', options.error.issues[0]?.message ?? 'the options are not valid');
  return checkSold(row.row, options.data, variants, problems);
}

/** Rows without the switched-off ones that repeat the option values of exactly one active row. */
function withoutRepeatedLeftovers<T extends { variant: CatalogVariantRecord }>(rows: readonly T[]): T[] {
  const activeByValues = new Map<string, number>();
  for (const { variant } of rows) {
    const key = JSON.stringify(variant.optionValues);
    if (variant.active) activeByValues.set(key, (activeByValues.get(key) ?? 0) + 1);
  }
  return rows.filter(({ variant }) => variant.active || activeByValues.get(JSON.stringify(variant.optionValues)) !== 1);
}

/**
 * The variants checked against the options. Switched-off variants that fit none of the options' combinations
 * are skipped first: a JSON file exported before the export left out such leftovers of earlier options
 * (catalogVariants) lists them, and must import back; what remains is what today's export of it would say.
 */
function checkSold(row: number, options: ProductOption[], listed: CatalogVariantRecord[], problems: ImportProblem[]): Sold {
  const variants = catalogVariants(options, listed);
  if (options.length > 0 && variants.length === 0) return problem(problems, row, 'variants', 'a product with options lists at least one of its variants');
  if (options.length === 0 && (variants.length !== 1 || variants[0]!.optionValues.length > 0)) {
    return problem(problems, row, 'variants', 'a product without options has exactly one variant, with no option values');
  }
  const seen = new Set<string>();
  for (const variant of variants) {
    const label = variant.optionValues.join(' / ');
    if (!fitsOptions(options, variant.optionValues)) return problem(problems, row, 'variants', `"${label}" does not name one value of each option`);
    if (seen.has(label)) return problem(problems, row, 'variants', `"${label}" is listed twice`);
    seen.add(label);
  }
  return { options, variants };
}

function problem(problems: ImportProblem[], row: number, field: string, message: string): null {
  problems.push({ row, section: 'product', field, message });
  return null;
}

function parseRow<S extends z.ZodType>(
  schema: S,
  row: RawCatalogRow,
  section: ImportProblem['section'],
  problems: ImportProblem[],
  prefix = '',
): z.output<S> | null {
  const result = schema.safeParse(row.fields);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      row: row.row,
      section,
      field: issue.path.length > 0 ? `${prefix}${issue.path.join('.')}` : '(row)',
      message: issue.path.length > 0 && valueAt(row.fields, issue.path) === undefined ? 'is required' : issue.message,
    });
  }
  return null;
}

function valueAt(fields: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = fields;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

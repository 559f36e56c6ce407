import { z } from 'zod';
import type { CatalogCategoryRecord, CatalogProductRecord, RawCatalog, RawCatalogRow } from './catalog-records';
import { activeField, descriptionField, imagesField, nanoField, positionField, slugField, stockField, titleField, translationsField } from './product-fields';
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
  priceNano: nanoField,
  compareAtPriceNano: nanoField.nullish(),
  stock: stockField,
  active: activeField.optional(),
  category: slugField.nullish(),
  images: imagesField.optional(),
  translations: translationsField.optional(),
});

/** The rows an import file is read as: what tests generate import files from (test/integration/fuzz). */
export const catalogImportRows = { categoryRow, productRow };

/** Most problems listed in one answer: enough to fix a file, bounded for a file that is all wrong. */
export const MAX_IMPORT_PROBLEMS = 500;

/**
 * Checks every row of an import and reports every problem at once (a merchant fixes the file in one go),
 * or returns the clean records. A product's category must be in the file or among `existingCategorySlugs`;
 * a slug may appear once per section. Nothing here touches the database: the caller writes all or nothing.
 */
export function validateCatalogImport(raw: RawCatalog, existingCategorySlugs: ReadonlySet<string>): CatalogImportResult {
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
    const compareAt = parsed.compareAtPriceNano ?? null;
    products.push({
      slug: parsed.slug,
      title: parsed.title,
      description: parsed.description ?? '',
      priceNano: parsed.priceNano,
      compareAtPriceNano: compareAt,
      stock: parsed.stock,
      active: parsed.active ?? true,
      category,
      images: parsed.images ?? [],
      translations: parsed.translations ?? {},
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_IMPORT_PROBLEMS) };
  return { ok: true, categories, products };
}

function parseRow<S extends z.ZodType>(schema: S, row: RawCatalogRow, section: ImportProblem['section'], problems: ImportProblem[]): z.output<S> | null {
  const result = schema.safeParse(row.fields);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      row: row.row,
      section,
      field: issue.path.length > 0 ? issue.path.join('.') : '(row)',
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

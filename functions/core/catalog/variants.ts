import { z } from 'zod';
import { text } from '../text/storable-text';

// A product's options (Size, Colour, Grind: at most three) and its variants, the combinations that are
// sold, each with its own stock and optionally its own SKU, price and picture. A product without options
// has exactly one variant, the default, whose option values are empty: every product is sold as variants.

export const MAX_OPTIONS = 3;
export const MAX_VALUES_PER_OPTION = 20;
/** All combinations of three options of twenty values would be 8,000: a shop sells far fewer. */
export const MAX_VARIANTS = 100;

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductVariant {
  id: string;
  /** One value per option, in the options' order; empty for the default variant. */
  optionValues: string[];
  sku: string | null;
  /** Null: the product's price. */
  priceMinor: bigint | null;
  stock: number;
  /** Null: the product's pictures. */
  image: string | null;
  active: boolean;
}

const optionText = text().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

/** The rules for a product's options, as the admin and the import write them. */
export const productOptionsSchema = z
  .array(z.object({ name: optionText, values: z.array(optionText).min(1, 'give at least one value').max(MAX_VALUES_PER_OPTION) }))
  .max(MAX_OPTIONS, `a product has at most ${MAX_OPTIONS} options`)
  .superRefine((options, ctx) => {
    const names = new Set<string>();
    options.forEach((option, i) => {
      const key = option.name.toLowerCase();
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'two options have this name' });
      names.add(key);
      const values = new Set<string>();
      option.values.forEach((value, j) => {
        if (values.has(value.toLowerCase())) ctx.addIssue({ code: 'custom', path: [i, 'values', j], message: 'this value is listed twice' });
        values.add(value.toLowerCase());
      });
    });
    if (combinationCount(options) > MAX_VARIANTS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_VARIANTS} combinations` });
  });

function combinationCount(options: readonly ProductOption[]): number {
  return options.reduce((n, option) => n * option.values.length, 1);
}

/** Every combination of the options' values, first option slowest: what "generate" offers the merchant. */
export function generateCombinations(options: readonly ProductOption[]): string[][] {
  return options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]]);
}

// Shared with the admin's variants editor, which must send only variants that fit.
export { fitsOptions } from '../../../contract/variant-options';

/** The variant a full selection picks, or null when that combination is not sold. */
export function findVariant(variants: readonly ProductVariant[], selection: readonly string[]): ProductVariant | null {
  return variants.find((v) => v.optionValues.length === selection.length && v.optionValues.every((value, i) => value === selection[i])) ?? null;
}

/** What a value of option `index` would lead to, given the other choices so far (null = not chosen). */
export type ValueAvailability = 'available' | 'sold_out' | 'unavailable';

/**
 * For the product page: each value of each option, whether choosing it (with the other options as
 * chosen so far) can lead to an active variant in stock (`available`), only to sold-out ones
 * (`sold_out`), or to no variant at all (`unavailable`). Unchosen options match anything.
 */
export function valueAvailability(
  options: readonly ProductOption[],
  variants: readonly ProductVariant[],
  selection: readonly (string | null)[],
): ValueAvailability[][] {
  const active = variants.filter((v) => v.active);
  return options.map((option, index) =>
    option.values.map((value) => {
      const matching = active.filter(
        (v) => v.optionValues[index] === value && v.optionValues.every((chosen, j) => j === index || selection[j] == null || selection[j] === chosen),
      );
      if (matching.length === 0) return 'unavailable';
      return matching.some((v) => v.stock > 0) ? 'available' : 'sold_out';
    }),
  );
}

/** "M / Black": how a variant is named on a cart line, an order and a message. Empty for the default. */
export function variantLabel(optionValues: readonly string[]): string {
  return optionValues.join(' / ');
}

/** The price a variant sells at. */
export function variantPrice(productPriceMinor: bigint, variant: Pick<ProductVariant, 'priceMinor'>): bigint {
  return variant.priceMinor ?? productPriceMinor;
}

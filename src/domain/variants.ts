// Choosing a variant on the product page: which values of each option can still lead to something in
// stock, which variant a full choice names, and the choice as URL parameters (`?size=M&colour=Black`),
// so a shared link and the back button keep it. Only the product and cart screens (lazy chunks) use it.
import type { Product, ProductOption, ProductVariant } from './types';

/** One value per option, null where nothing is chosen yet. */
export type OptionSelection = (string | null)[];

/** What choosing a value would lead to, given the other options as chosen. */
export type ValueState = 'available' | 'sold_out' | 'unavailable';

export const optionsOf = (product: Product): ProductOption[] => product.options ?? [];
export const variantsOf = (product: Product): ProductVariant[] => product.variants ?? [];

/** The variant of a product without options; null when the customer has to choose. */
export function defaultVariant(product: Product): ProductVariant | null {
  const variants = variantsOf(product);
  return optionsOf(product).length === 0 && variants.length === 1 ? variants[0]! : null;
}

/** The variant a full selection names, or null (something unchosen, or a combination not sold). */
export function findVariant(product: Product, selection: OptionSelection): ProductVariant | null {
  if (optionsOf(product).length === 0) return defaultVariant(product);
  if (selection.some((value) => value === null)) return null;
  return variantsOf(product).find((v) => v.optionValues.every((value, i) => value === selection[i])) ?? null;
}

/**
 * For each value of each option: `available` when some variant in stock has it and matches the other
 * options as chosen, `sold_out` when only sold-out ones do, `unavailable` when none is sold at all.
 */
export function valueStates(product: Product, selection: OptionSelection): ValueState[][] {
  const variants = variantsOf(product);
  return optionsOf(product).map((option, index) =>
    option.values.map((value) => {
      const matching = variants.filter(
        (v) => v.optionValues[index] === value && v.optionValues.every((chosen, j) => j === index || selection[j] == null || selection[j] === chosen),
      );
      if (matching.length === 0) return 'unavailable';
      return matching.some((v) => v.stock > 0) ? 'available' : 'sold_out';
    }),
  );
}

const paramName = (option: ProductOption) => option.name.toLocaleLowerCase();

/** The selection a URL's query names; a value the option does not have counts as unchosen. */
export function readSelection(product: Product, search: string): OptionSelection {
  const params = new URLSearchParams(search);
  return optionsOf(product).map((option) => {
    const wanted = params.get(paramName(option));
    return option.values.find((value) => value === wanted) ?? option.values.find((value) => value.toLocaleLowerCase() === wanted?.toLocaleLowerCase()) ?? null;
  });
}

/** The query for a selection (`?size=M&colour=Black`), keeping any other parameters of `search`. */
export function writeSelection(product: Product, selection: OptionSelection, search: string): string {
  const params = new URLSearchParams(search);
  optionsOf(product).forEach((option, i) => {
    const value = selection[i];
    if (value) params.set(paramName(option), value);
    else params.delete(paramName(option));
  });
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** "M / Black", as the server names a variant on an order line; '' for a product without options. */
export function variantLabel(variant: Pick<ProductVariant, 'optionValues'>): string {
  return variant.optionValues.join(' / ');
}

// The variants editor's table: options (at most 3, docs/api.md) and one row per combination of their
// values. Pure, so generating and reading it is testable without a screen.
import type { AdminVariant } from '../common/admin-types';
import type { MoneyCurrency } from '../../../domain/format-money';
import { formatMoneyInput, parseMoneyInput } from '../common/money-input';
import type { ProductOptionJson } from '../../../../contract/catalog-json';
import { fitsOptions } from '../../../../contract/variant-options';

export const MAX_OPTIONS = 3;

export interface OptionDraft {
  name: string;
  /** Comma-separated as typed: "S, M, L". */
  values: string;
}

export interface VariantRow {
  id?: string;
  optionValues: string[];
  sku: string;
  /** TON as typed; empty: the product's price. */
  price: string;
  stock: string;
  image: string;
  active: boolean;
}

export type { AdminVariant };

export const splitValues = (text: string) => [
  ...new Set(
    text
      .split(/[,،]/)
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/**
 * The rows that belong to these options. The server lists every variant it has, and it never deletes one
 * it is not sent (orders may name it): it switches it off. So a variant of earlier options (the default
 * one once sizes came in, a removed or renamed size) is not shown, while a switched-off one that fits is.
 */
export function rowsForOptions(
  options: readonly ProductOptionJson[],
  variants: readonly AdminVariant[],
  shop: MoneyCurrency = 'TON',
  productCurrency: MoneyCurrency = shop,
): VariantRow[] {
  return variants.filter((v) => fitsOptions(options, v.optionValues)).map((v) => rowFromVariant(v, shop, productCurrency));
}

/** A variant's row, its price override in `shop`; none shown when the product is priced in another currency (type it anew). */
export function rowFromVariant(variant: AdminVariant, shop: MoneyCurrency = 'TON', productCurrency: MoneyCurrency = shop): VariantRow {
  return {
    id: variant.id,
    optionValues: variant.optionValues,
    sku: variant.sku ?? '',
    price: variant.priceOverrideMinor && productCurrency === shop ? formatMoneyInput(variant.priceOverrideMinor, shop) : '',
    stock: String(variant.stock),
    image: variant.image ?? '',
    active: variant.active,
  };
}

/** Every combination of the options' values, keeping what the rows already say about one. */
export function generateCombinations(options: readonly OptionDraft[], rows: readonly VariantRow[]): VariantRow[] {
  const lists = options.map((o) => splitValues(o.values)).filter((values) => values.length > 0);
  let combos: string[][] = [[]];
  for (const values of lists) combos = combos.flatMap((combo) => values.map((value) => [...combo, value]));
  const byKey = new Map(rows.map((row) => [row.optionValues.join('\u0000'), row]));
  return combos.map((optionValues) => byKey.get(optionValues.join('\u0000')) ?? { optionValues, sku: '', price: '', stock: '0', image: '', active: true });
}

/** The options as they would be saved: those with a name and at least one value. */
export function namedOptions(options: readonly OptionDraft[]): ProductOptionJson[] {
  return options.map((o) => ({ name: o.name.trim(), values: splitValues(o.values) })).filter((o) => o.name && o.values.length > 0);
}

/** Whether saving with these options sends the row (see readVariants); the editor shows only such rows. */
export const rowFitsOptions = (options: readonly ProductOptionJson[], row: Pick<VariantRow, 'optionValues'>) => fitsOptions(options, row.optionValues);

export type RowProblem = 'price' | 'stock';

/** The PUT body, or the first row and field that is wrong. */
export function readVariants(
  options: readonly OptionDraft[],
  rows: readonly VariantRow[],
  shop: MoneyCurrency = 'TON',
): { ok: true; body: unknown } | { ok: false; row: number; field: RowProblem } {
  const variants = [];
  const named = namedOptions(options);
  for (const [index, row] of rows.entries()) {
    // A row of other options (the default variant once sizes came in, a size since removed) is left out:
    // the server switches it off, where sending it would be refused.
    if (!fitsOptions(named, row.optionValues)) continue;
    let priceMinor: string | null = null;
    if (row.price.trim()) {
      const parsed = parseMoneyInput(row.price, shop);
      if (!parsed.ok) return { ok: false, row: index, field: 'price' };
      priceMinor = parsed.minor;
    }
    if (!/^\d{1,9}$/.test(row.stock.trim())) return { ok: false, row: index, field: 'stock' };
    variants.push({
      ...(row.id && { id: row.id }),
      optionValues: row.optionValues,
      sku: row.sku.trim() || null,
      priceMinor,
      stock: Number(row.stock.trim()),
      image: row.image.trim() || null,
      active: row.active,
    });
  }
  return { ok: true, body: { options: named, variants } };
}

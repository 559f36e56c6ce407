// The variants editor's table: options (at most 3, docs/api.md) and one row per combination of their
// values. Pure, so generating and reading it is testable without a screen.
import type { AdminVariant } from '../common/admin-types';
import type { MoneyCurrency } from '../../../domain/format-money';
import { formatMoneyInput, parseMoneyInput } from '../common/money-input';

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

/** The rows that belong to these options: a variant of an older set (switched off by the server) is not shown. */
export function rowsForOptions(
  optionCount: number,
  variants: readonly AdminVariant[],
  shop: MoneyCurrency = 'TON',
  productCurrency: MoneyCurrency = shop,
): VariantRow[] {
  return variants.filter((v) => v.optionValues.length === optionCount).map((v) => rowFromVariant(v, shop, productCurrency));
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

export type RowProblem = 'price' | 'stock';

/** The PUT body, or the first row and field that is wrong. */
export function readVariants(
  options: readonly OptionDraft[],
  rows: readonly VariantRow[],
  shop: MoneyCurrency = 'TON',
): { ok: true; body: unknown } | { ok: false; row: number; field: RowProblem } {
  const variants = [];
  const named = options.filter((o) => o.name.trim() && splitValues(o.values).length > 0);
  for (const [index, row] of rows.entries()) {
    // A row of another set of options (the default variant once sizes came in) is left out: the server switches it off.
    if (row.optionValues.length !== named.length) continue;
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
  return { ok: true, body: { options: named.map((o) => ({ name: o.name.trim(), values: splitValues(o.values) })), variants } };
}

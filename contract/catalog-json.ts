import type { MoneyCurrency } from './format-money';

// The catalog as the HTTP API sends it (docs/api.md: GET /api/catalog, GET /api/products/:slug). The
// server's presenters (functions/api/present.ts) are typed by these, and the Mini App reads them: a field
// renamed on one side fails the other's typecheck. Money is a decimal string of integer minor units of the
// catalog's `currency` (cents for USD, nanotons for TON: contract/format-money.ts MINOR_DIGITS).

export interface CategoryJson {
  id: string;
  slug: string;
  title: string;
  position: number;
}

/** A product's option (Size, Colour, Grind) and its values, in the merchant's order. */
export interface ProductOptionJson {
  name: string;
  values: string[];
}

/** A combination that is sold: one value per option (none for a product without options). */
export interface ProductVariantJson {
  id: string;
  optionValues: string[];
  sku: string | null;
  /** The variant's own price, or the product's. */
  priceMinor: string;
  stock: number;
  /** Null: the product's pictures. */
  image: string | null;
}

export interface ProductJson {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** What priceMinor, compareAtPriceMinor and the variants' prices count: the shop's pricing currency when saved. */
  currency: MoneyCurrency;
  priceMinor: string;
  compareAtPriceMinor: string | null;
  images: string[];
  categoryId: string | null;
  /** The sum of the variants' stock. */
  stock: number;
  kind: 'physical' | 'digital';
  /**
   * Whole Telegram Stars, for a digital product that can be paid in Stars inside Telegram; null when it
   * cannot (the server still decides, on the order: core/stars).
   */
  priceStars: number | null;
  options: ProductOptionJson[];
  /** Active variants only; a product without options has one, with no option values. */
  variants: ProductVariantJson[];
}

export interface CatalogJson {
  /** The shop's pricing currency: every product listed is priced in it (one in another currency is not sold until repriced). */
  currency: MoneyCurrency;
  categories: CategoryJson[];
  products: ProductJson[];
}

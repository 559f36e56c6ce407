import type { PricingCurrency } from '../pricing/currencies';
import type { ProductOption, ProductVariant } from './variants';

/** Physical goods are delivered; digital ones ask for no address (core/delivery/delivery-methods.ts). */
export const PRODUCT_KINDS = ['physical', 'digital'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export interface Category {
  id: string;
  slug: string;
  title: string;
  position: number;
}

/** Merchant-entered texts by language tag ({ ru: { title, description } }); missing fields fall back. */
export type ProductTranslations = Record<string, { title?: string; description?: string }>;

export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** What priceMinor, compareAtPriceMinor and the variants' own prices count in. */
  currency: PricingCurrency;
  priceMinor: bigint;
  compareAtPriceMinor: bigint | null;
  images: string[];
  categoryId: string | null;
  kind: ProductKind;
  /** Whole Telegram Stars for a digital product sold in Stars inside Telegram; null or absent: not sold so. */
  priceStars?: number | null;
  /** At most three; [] for a product sold as it is (core/catalog/variants.ts). */
  options: ProductOption[];
  /** What is sold: the active variants for the storefront, all of them for the merchant. */
  variants: ProductVariant[];
  /** Units on the shelf, all active variants together. */
  stock: number;
  active: boolean;
  /** Absent where a caller never needs them (orders); the catalog reads them to localize. */
  translations?: ProductTranslations;
}

/** The catalog port. Implemented in adapters/db/catalog-repo.ts. */
export interface CatalogRepo {
  /** The shop's pricing currency: every product the reads below return is priced in it. */
  readonly currency: PricingCurrency;
  /** Active products and the categories, in display order. */
  listCatalog(): Promise<{ categories: Category[]; products: Product[] }>;
  findActiveProductBySlug(slug: string): Promise<Product | null>;
  /**
   * The catalog's version: it grows with every committed change to what the two reads above return
   * (products, variants and their stock, categories), whoever wrote it. Cheap enough for every request.
   */
  readVersion(): Promise<bigint>;
}

/** Units on the shelf: every active variant's stock together. */
export function totalStock(variants: readonly ProductVariant[]): number {
  return variants.reduce((sum, variant) => sum + (variant.active ? variant.stock : 0), 0);
}

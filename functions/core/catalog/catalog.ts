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
  priceNano: bigint;
  compareAtPriceNano: bigint | null;
  images: string[];
  categoryId: string | null;
  stock: number;
  active: boolean;
  /** Absent where a caller never needs them (orders); the catalog reads them to localize. */
  translations?: ProductTranslations;
}

/** The catalog port. Implemented in adapters/db/catalog-repo.ts. */
export interface CatalogRepo {
  /** Active products and the categories, in display order. */
  listCatalog(): Promise<{ categories: Category[]; products: Product[] }>;
  findActiveProductBySlug(slug: string): Promise<Product | null>;
}
